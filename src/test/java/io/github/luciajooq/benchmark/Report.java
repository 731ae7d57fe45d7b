package io.github.luciajooq.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The benchmark's table and JSON: each case's figures, the floor's, and their ratios. */
final class Report {

    private Report() {}

    /** The run with the median operations per second. */
    static Measurement.Result median(List<Measurement.Result> runs) {
        List<Measurement.Result> sorted = runs.stream()
                .sorted(Comparator.comparingDouble(Measurement.Result::opsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    static String line(SessionBenchmark.Row row) {
        Measurement.Result library = row.library();
        Measurement.Result floor = row.floor();
        return String.format(Locale.ROOT,
                "%-24s %-5s c=%-2d | %8.0f ops/s %5.2fx | p50 %7.0f us | p99 %7.0f us | cpu %6.1f us/op %5.2fx"
                        + " | alloc %8.0f B/op %5.2fx | floor %8.0f ops/s, cpu %6.1f us, alloc %7.0f B",
                row.operation(), row.driver(), row.concurrency(),
                library.opsPerSecond(), library.opsPerSecond() / floor.opsPerSecond(),
                library.p50Micros(), library.p99Micros(),
                library.cpuMicrosPerOp(), library.cpuMicrosPerOp() / floor.cpuMicrosPerOp(),
                library.bytesPerOp(), library.bytesPerOp() / floor.bytesPerOp(),
                floor.opsPerSecond(), floor.cpuMicrosPerOp(), floor.bytesPerOp());
    }

    static void print(List<SessionBenchmark.Row> rows, PrintStream out) {
        out.println();
        out.println("| operation | driver | c | ops/s | x floor | p50 us | p99 us | CPU us/op | x floor | B/op | x floor |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (SessionBenchmark.Row row : rows) {
            Measurement.Result library = row.library();
            Measurement.Result floor = row.floor();
            out.println(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.2f | %.0f | %.0f | %.1f | %.2f | %.0f | %.2f |",
                    row.operation(), row.driver(), row.concurrency(), library.opsPerSecond(),
                    library.opsPerSecond() / floor.opsPerSecond(), library.p50Micros(), library.p99Micros(),
                    library.cpuMicrosPerOp(), library.cpuMicrosPerOp() / floor.cpuMicrosPerOp(), library.bytesPerOp(),
                    library.bytesPerOp() / floor.bytesPerOp()));
        }
    }

    static void writeJson(List<SessionBenchmark.Row> rows, SessionBenchmark.Settings settings, Path path)
            throws IOException {
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{%n  \"java\": \"%s\",%n  \"cpus\": %d,%n  \"warmUpSeconds\": %s,%n"
                        + "  \"measureSeconds\": %s,%n  \"rounds\": %d,%n  \"cases\": [",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                settings.warmUpSeconds(), settings.measureSeconds(), settings.rounds()));
        for (int index = 0; index < rows.size(); index++) {
            SessionBenchmark.Row row = rows.get(index);
            json.append(index == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"operation\": \"%s\", \"driver\": \"%s\", \"concurrency\": %d,%n"
                            + "     \"library\": %s,%n     \"floor\": %s,%n"
                            + "     \"ratio\": {\"opsPerSecond\": %.3f, \"cpuPerOp\": %.3f, \"bytesPerOp\": %.3f}}",
                    row.operation(), row.driver(), row.concurrency(), json(row.library()), json(row.floor()),
                    row.library().opsPerSecond() / row.floor().opsPerSecond(),
                    row.library().cpuMicrosPerOp() / row.floor().cpuMicrosPerOp(),
                    row.library().bytesPerOp() / row.floor().bytesPerOp()));
        }
        json.append("\n  ]\n}\n");
        SessionBenchmark.write(path, json.toString());
    }

    private static String json(Measurement.Result result) {
        return String.format(Locale.ROOT, "{\"operations\": %d, \"opsPerSecond\": %.1f, \"p50Micros\": %.1f,"
                        + " \"p99Micros\": %.1f, \"cpuMicrosPerOp\": %.2f, \"bytesPerOp\": %.0f}",
                result.operations(), result.opsPerSecond(), result.p50Micros(), result.p99Micros(),
                result.cpuMicrosPerOp(), result.bytesPerOp());
    }
}
