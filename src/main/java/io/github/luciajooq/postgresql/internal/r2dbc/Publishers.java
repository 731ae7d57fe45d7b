package io.github.luciajooq.postgresql.internal.r2dbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects what a Reactive Streams publisher (a jOOQ query or an R2DBC statement) emits into a
 * {@link CompletableFuture}, without blocking and without a reactive library. Cancelling the future cancels the
 * subscription.
 */
public final class Publishers {

    private Publishers() {}

    public static <T> CompletableFuture<List<T>> list(Publisher<? extends T> publisher) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            private final List<T> items = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription subscription) {
                result.whenComplete((done, error) -> {
                    if (result.isCancelled()) {
                        subscription.cancel();
                    }
                });
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                items.add(item);
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(items);
            }
        });
        return result;
    }

    /**
     * The items of the publishers that each item of the outer one maps to, in the order they arrive: R2DBC's
     * results, each subscribed to as soon as it is emitted, as the driver requires.
     */
    static <R, T> CompletableFuture<List<T>> flatten(Publisher<? extends R> outer,
            java.util.function.Function<? super R, ? extends Publisher<? extends T>> inner) {
        CompletableFuture<List<T>> result = new CompletableFuture<>();
        List<T> items = new ArrayList<>();
        Object lock = new Object();
        int[] open = {1};
        Runnable oneDone = () -> {
            boolean complete;
            synchronized (lock) {
                complete = --open[0] == 0;
            }
            if (complete) {
                synchronized (lock) {
                    result.complete(items);
                }
            }
        };
        outer.subscribe(new Subscriber<R>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                result.whenComplete((done, error) -> {
                    if (result.isCancelled()) {
                        subscription.cancel();
                    }
                });
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(R element) {
                synchronized (lock) {
                    open[0]++;
                }
                inner.apply(element).subscribe(new Subscriber<T>() {
                    @Override
                    public void onSubscribe(Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(T item) {
                        synchronized (lock) {
                            items.add(item);
                        }
                    }

                    @Override
                    public void onError(Throwable error) {
                        result.completeExceptionally(error);
                    }

                    @Override
                    public void onComplete() {
                        oneDone.run();
                    }
                });
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                oneDone.run();
            }
        });
        return result;
    }

    /**
     * The dependent stage, which cancels the stage it depends on when it is cancelled itself: a
     * {@link CompletableFuture} made by {@code thenApply} and its kin does not pass a cancellation back.
     */
    public static <T, R> CompletableFuture<R> cancelling(CompletableFuture<T> source, CompletableFuture<R> dependent) {
        dependent.whenComplete((done, error) -> {
            if (dependent.isCancelled()) {
                source.cancel(false);
            }
        });
        return dependent;
    }

    /**
     * As {@code first.thenCompose(next)}, but cancelling the returned future cancels whichever of the two stages is
     * running: the first, or the one {@code next} made of its value.
     */
    public static <T, R> CompletableFuture<R> composing(CompletableFuture<T> first,
            java.util.function.Function<? super T, ? extends CompletionStage<R>> next) {
        CompletableFuture<R> result = new CompletableFuture<>();
        cancelling(first, result);
        first.whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            if (result.isDone()) {
                return;
            }
            CompletableFuture<R> second;
            try {
                second = next.apply(value).toCompletableFuture();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            cancelling(second, result);
            second.whenComplete((secondValue, secondError) -> {
                if (secondError != null) {
                    result.completeExceptionally(secondError);
                } else {
                    result.complete(secondValue);
                }
            });
        });
        return result;
    }

    /** The one item a query emits, or empty. */
    static <T> CompletableFuture<Optional<T>> atMostOne(Publisher<? extends T> publisher) {
        return Publishers.<T>list(publisher).thenApply(items -> {
            if (items.size() > 1) {
                throw new IllegalStateException("expected at most one row, got " + items.size());
            }
            return items.stream().findFirst();
        });
    }

    /** The number of rows a statement affected. */
    public static CompletableFuture<Integer> rowCount(Publisher<? extends Integer> statement) {
        return Publishers.<Integer>list(statement).thenApply(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
