package dev.onfailure.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object whose members keep the order in which they were read or added. Names are unique.
 *
 * <p>Equality compares members <em>and</em> their order, so that a round trip that reorders members is seen.
 *
 * <pre>{@code
 * JsonObject o = JsonObject.builder().put("b", JsonNumber.of(1)).put("a", JsonNull.INSTANCE).build();
 * o.names();                 // [b, a]
 * o.get("a");                // Optional[INSTANCE]   (present, null)
 * o.get("c");                // Optional.empty       (absent)
 * }</pre>
 */
public final class JsonObject implements JsonValue {

    private static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;

    private JsonObject(Map<String, JsonValue> members) {
        this.members = members;
    }

    /** Returns the empty object. */
    public static JsonObject empty() {
        return EMPTY;
    }

    /** Returns an object with the members of {@code members}, in its iteration order. */
    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        if (members.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(Math.max(4, members.size() * 4 / 3 + 1));
        members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, "value")));
        return new JsonObject(Collections.unmodifiableMap(copy));
    }

    /** Wraps a map the caller no longer touches; the reader's way to avoid a copy. */
    static JsonObject wrap(LinkedHashMap<String, JsonValue> members) {
        return members.isEmpty() ? EMPTY : new JsonObject(Collections.unmodifiableMap(members));
    }

    /** Returns a builder for an object. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the members, in order, as an unmodifiable map. */
    public Map<String, JsonValue> members() {
        return members;
    }

    /** Returns the member names, in order. */
    public Set<String> names() {
        return members.keySet();
    }

    /** Returns the member {@code name}: empty when absent, {@link JsonNull} when present with the value null. */
    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** Returns true if the object has a member {@code name}, whatever its value. */
    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** Returns the number of members. */
    public int size() {
        return members.size();
    }

    /** Returns true if the object has no members. */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonObject other) || other.members.size() != members.size()) {
            return false;
        }
        var a = members.entrySet().iterator();
        var b = other.members.entrySet().iterator();
        while (a.hasNext()) {
            if (!a.next().equals(b.next())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return Json.write(this);
    }

    /** Builds a {@link JsonObject}; a builder is not thread-safe and can be used once. */
    public static final class Builder {
        private LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds the member {@code name}.
         *
         * @throws IllegalArgumentException if the object already has a member {@code name}
         */
        public Builder put(String name, JsonValue value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (members.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("duplicate member: " + name);
            }
            return this;
        }

        /** Adds every member of {@code others}, in order. */
        public Builder putAll(Map<String, ? extends JsonValue> others) {
            others.forEach(this::put);
            return this;
        }

        /** Returns true if a member {@code name} was added. */
        public boolean has(String name) {
            return members.containsKey(name);
        }

        /** Returns the object. */
        public JsonObject build() {
            if (members.isEmpty()) {
                return EMPTY;
            }
            JsonObject result = new JsonObject(Collections.unmodifiableMap(members));
            members = new LinkedHashMap<>();
            return result;
        }
    }
}
