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

    /**
     * An unmodifiable, order-keeping copy of an attribute map, which may hold {@code null} values.
     *
     * @param reserved column names that the record holds itself and so can never be attributes
     * @throws NullPointerException when the map is {@code null} or has a {@code null} key
     * @throws IllegalArgumentException when a key is blank or reserved
     */
    public static Map<String, Object> attributes(Map<String, Object> attributes, String name, String... reserved) {
        Objects.requireNonNull(attributes, name);
        Map<String, Object> copy = new LinkedHashMap<>(attributes.size() * 2);
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            String key = Objects.requireNonNull(attribute.getKey(), () -> name + " has a null key");
            if (key.isBlank()) {
                throw new IllegalArgumentException(name + " has a blank key");
            }
            for (String column : reserved) {
                if (column.equals(key)) {
                    throw new IllegalArgumentException(
                            name + " must not contain \"" + key + "\": that column is not an attribute");
                }
            }
            copy.put(key, attribute.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
