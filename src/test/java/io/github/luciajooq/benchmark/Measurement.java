package io.github.luciajooq.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one operation from a number of threads for a while, then measures it for a while: operations per second,
 * latency percentiles, and the JVM's CPU time and bytes allocated per operation, all threads of the process
 * counted (a driver's I/O threads included), the database server (another process) not.
 */
final class Measurement {

    /** One operation, given a random source of the calling thread's own. */
    @FunctionalInterface
    interface Operation {
        void run(SplittableRandom random) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param operations operations completed while measuring
     * @param seconds how long the measuring took
     * @param p50Micros the median latency, in microseconds
     * @param p99Micros the 99th percentile latency, in microseconds
     * @param cpuMicrosPerOp the JVM's CPU time per operation, in microseconds
     * @param bytesPerOp bytes the JVM allocated per operation
     */
    record Result(long operations, double seconds, double p50Micros, double p99Micros, double cpuMicrosPerOp,
            double bytesPerOp) {

        double opsPerSecond() {
            return operations / seconds;
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Measurement() {}

    /** Measures for as long as the condition holds, after no warm-up: what runs alongside something else. */
    static Result runWhile(Operation operation, int concurrency, java.util.function.BooleanSupplier condition, long seed)
            throws InterruptedException {
        return run(operation, concurrency, 0, condition, -1, seed);
    }

    static Result run(Operation operation, int concurrency, double warmUpSeconds, double measureSeconds, long seed)
            throws InterruptedException {
        return run(operation, concurrency, warmUpSeconds, () -> true, measureSeconds, seed);
    }

    private static Result run(Operation operation, int concurrency, double warmUpSeconds,
            java.util.function.BooleanSupplier condition, double measureSeconds, long seed)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[concurrency];
        Throwable[] failure = new Throwable[1];
        CountDownLatch done = new CountDownLatch(concurrency);
        List<Thread> workers = new ArrayList<>();
        for (int index = 0; index < concurrency; index++) {
            long[] recorded = new long[1 << 20];
            latencies.add(recorded);
            int worker = index;
            SplittableRandom random = new SplittableRandom(seed + index);
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        operation.run(random);
                        long took = System.nanoTime() - start;
                        if (measuring.get() && counts[worker] < recorded.length) {
                            recorded[counts[worker]++] = took;
                        }
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                    stop.set(true);
                } finally {
                    done.countDown();
                }
            }, "benchmark-" + index);
            workers.add(thread);
        }
        workers.forEach(Thread::start);
        Thread.sleep((long) (warmUpSeconds * 1000));
        long cpuBefore = OS.getProcessCpuTime();
        long allocatedBefore = allocated();
        long startNanos = System.nanoTime();
        measuring.set(true);
        if (measureSeconds >= 0) {
            Thread.sleep((long) (measureSeconds * 1000));
        } else {
            while (condition.getAsBoolean()) {
                Thread.sleep(10);
            }
        }
        measuring.set(false);
        long elapsed = System.nanoTime() - startNanos;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        long allocatedBytes = allocated() - allocatedBefore;
        stop.set(true);
        done.await();
        if (failure[0] != null) {
            throw new IllegalStateException("the operation failed", failure[0]);
        }
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int worker = 0; worker < concurrency; worker++) {
            System.arraycopy(latencies.get(worker), 0, all, at, counts[worker]);
            at += counts[worker];
        }
        Arrays.sort(all);
        return new Result(total, elapsed / 1e9, percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3,
                total == 0 ? 0 : cpu / 1e3 / total, total == 0 ? 0 : (double) allocatedBytes / total);
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
    }

    /** Bytes allocated so far by every live thread of the JVM. */
    private static long allocated() {
        long[] ids = ((ThreadMXBean) THREADS).getAllThreadIds();
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(ids)) {
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }
}
