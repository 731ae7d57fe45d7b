package io.github.luciajooq.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Argument checks shared by the packages of lucia-jooq. Not API: it may change in any release.
 */
public final class Arguments {

    private static final Instant EARLIEST_EXPIRY = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Arguments() {}

    /** Rejects {@code null} with a {@link NullPointerException} that names the argument. */
    public static <T> T requireNonNull(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    /**
     * Rejects a {@code null} id ({@link NullPointerException}) and a blank one ({@link IllegalArgumentException}),
     * naming the argument.
     */
    public static String requireId(String id, String name) {
        Objects.requireNonNull(id, name);
        if (id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return id;
    }

    /**
     * Rejects a {@code null} user id ({@link NullPointerException}) and a blank one when it is text
     * ({@link IllegalArgumentException}), naming the argument.
     */
    public static <I> I requireUserId(I userId, String name) {
        Objects.requireNonNull(userId, name);
        if (userId instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return userId;
    }

    /**
     * Attributes as a record keeps them: a map is copied into an unmodifiable, order-keeping map that may hold
     * {@code null} values, so that a record never changes behind its holder's back; anything else (a jOOQ record of
     * the application's) is kept as given.
     *
     * @throws NullPointerException when the attributes, or a map's key, are {@code null}
     */
    @SuppressWarnings("unchecked")
    public static <S> S attributes(S attributes, String name) {
        Objects.requireNonNull(attributes, name);
        if (attributes instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> attribute : map.entrySet()) {
                copy.put(Objects.requireNonNull(attribute.getKey(), () -> name + " has a null key"), attribute.getValue());
            }
            return (S) Collections.unmodifiableMap(copy);
        }
        return attributes;
    }

    /**
     * Attributes for a {@code toString()}: a map's keys, a jOOQ record's field names, or the type's name. Never
     * their values, which may be personal data or secrets (a password hash).
     */
    public static String describe(Object attributes) {
        if (attributes instanceof Map<?, ?> map) {
            return map.keySet().toString();
        }
        if (attributes instanceof org.jooq.Fields fields) {
            StringBuilder names = new StringBuilder(attributes.getClass().getSimpleName()).append('[');
            org.jooq.Field<?>[] all = fields.fields();
            for (int index = 0; index < all.length; index++) {
                names.append(index == 0 ? "" : ", ").append(all[index].getName());
            }
            return names.append(']').toString();
        }
        return attributes.getClass().getSimpleName();
    }

    /** Rejects a limit below one ({@link IllegalArgumentException}), naming the argument. */
    public static int requireLimit(int limit, String name) {
        if (limit < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + limit);
        }
        return limit;
    }

    /**
     * Rejects a {@code null} expiry ({@link NullPointerException}) and one outside the years 1 to 9999
     * ({@link IllegalArgumentException}), naming the argument.
     */
    public static Instant requireExpiry(Instant expiresAt, String name) {
        Objects.requireNonNull(expiresAt, name);
        if (expiresAt.isBefore(EARLIEST_EXPIRY) || expiresAt.isAfter(LATEST_EXPIRY)) {
            throw new IllegalArgumentException(name + " must lie in the years 1 to 9999 (UTC), not " + expiresAt);
        }
        return expiresAt;
    }
}
