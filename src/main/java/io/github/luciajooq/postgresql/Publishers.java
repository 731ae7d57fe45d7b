package io.github.luciajooq.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Collects what a Reactive Streams publisher (a jOOQ query run over R2DBC) emits into a {@link CompletableFuture},
 * without blocking and without a reactive library. Cancelling the future cancels the subscription.
 */
final class Publishers {

    private Publishers() {}

    static <T> CompletableFuture<List<T>> list(Publisher<T> publisher) {
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

    /** The one item a query emits, or empty. */
    static <T> CompletableFuture<Optional<T>> atMostOne(Publisher<T> publisher) {
        return list(publisher).thenApply(items -> {
            if (items.size() > 1) {
                throw new IllegalStateException("expected at most one row, got " + items.size());
            }
            return items.stream().findFirst();
        });
    }

    /** The number of rows a statement affected. */
    static CompletableFuture<Integer> rowCount(Publisher<Integer> statement) {
        return list(statement).thenApply(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }
}
