package io.github.luciajooq.postgresql.internal.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/** A connection factory that lends one connection, whose {@code close()} does nothing: its lender closes it. */
final class SingleConnection {

    private SingleConnection() {}

    /** This connection, lent by a factory otherwise like the application's (its metadata). */
    static ConnectionFactory factory(Connection connection, ConnectionFactory factory) {
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
