package io.github.luciajooq.postgresql.internal.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/**
 * Several statements in one transaction on one R2DBC connection of the adapter's factory, without blocking and
 * without a reactive library: the caller's transaction, when the connection is in one (not in auto-commit mode, as a
 * jOOQ R2DBC transaction's is), else one of its own, committed when the work completes and rolled back when it
 * fails. The statements run through jOOQ on a context of that one connection; the connection is closed (given back to
 * its pool) afterwards. Not API.
 */
public final class R2dbcTransaction {

    private R2dbcTransaction() {}

    public static <T> CompletableFuture<T> run(Configuration configuration, Function<DSLContext, CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Publishers.<Connection>list(configuration.connectionFactory().create()).whenComplete((created, notCreated) -> {
            if (notCreated != null) {
                result.completeExceptionally(notCreated);
                return;
            }
            Connection connection = created.get(0);
            boolean own = connection.isAutoCommit();
            CompletableFuture<?> begun = own ? Publishers.list(connection.beginTransaction())
                    : CompletableFuture.completedFuture(null);
            begun.thenCompose(ignored -> work.apply(DSL.using(configuration.derive(
                    single(connection, configuration.connectionFactory())))))
                    .handle((value, error) -> {
                        CompletableFuture<?> ended = !own ? CompletableFuture.completedFuture(null)
                                : Publishers.list(error == null ? connection.commitTransaction()
                                        : connection.rollbackTransaction());
                        ended.handle((done, endError) -> Publishers.list(connection.close()).whenComplete((c, e) -> {
                            Throwable failure = error != null ? error : endError;
                            if (failure != null) {
                                result.completeExceptionally(failure instanceof CompletionException
                                        && failure.getCause() != null ? failure.getCause() : failure);
                            } else {
                                result.complete(value);
                            }
                        }));
                        return null;
                    });
        });
        return result;
    }

    /** A factory that lends this one connection, whose {@code close()} does nothing. */
    private static ConnectionFactory single(Connection connection, ConnectionFactory factory) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return just(null);
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (ConnectionFactory) Proxy.newProxyInstance(ConnectionFactory.class.getClassLoader(),
                new Class<?>[] {ConnectionFactory.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("create")) {
                        return just(unclosable);
                    }
                    try {
                        return method.invoke(factory, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A publisher of this one item, or of none when it is {@code null}. */
    private static <T> Publisher<T> just(T item) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (done || n <= 0) {
                    return;
                }
                done = true;
                if (item != null) {
                    subscriber.onNext(item);
                }
                subscriber.onComplete();
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
