package io.github.luciajooq.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The fixture of named tables and the in-memory adapter: text user ids, attributes as maps, the text attribute in
 * column {@code ip}, the flag in {@code remembered}, the username in {@code username}.
 */
public final class MapFixture implements Fixture<String, Map<String, Object>, Map<String, Object>> {

    private final BiConsumer<String, Map<String, Object>> users;

    /** @param users adds a user with this id and these attribute columns */
    public MapFixture(BiConsumer<String, Map<String, Object>> users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public void insertUser(String name, String username) {
        users.accept(name, Map.of("username", username));
    }

    @Override
    public String userId(String name) {
        return name;
    }

    @Override
    public Map<String, Object> attributes(String text, Boolean flag) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("ip", text);
        columns.put("remembered", flag);
        return columns;
    }

    @Override
    public String text(Map<String, Object> attributes) {
        return (String) attributes.get("ip");
    }

    @Override
    public Boolean flag(Map<String, Object> attributes) {
        return (Boolean) attributes.get("remembered");
    }

    @Override
    public String username(Map<String, Object> attributes) {
        return (String) attributes.get("username");
    }

    @Override
    public Optional<Map<String, Object>> attributesWithUnknownColumn() {
        return Optional.of(Map.of("ip", "10.0.0.1", "favourite_colour", "green"));
    }

    @Override
    public Map<String, Object> attributesSettingTheId() {
        return Map.of("id", "s3cr3t");
    }
}
