package dev.onfailure.model.json;

import java.util.Objects;

/**
 * A JSON string. The value is kept as decoded text; any string, including one with lone surrogates, is written back
 * to the same content.
 *
 * @param value the decoded string
 */
public record JsonString(String value) implements JsonValue {

    private static final JsonString EMPTY = new JsonString("");

    /** Checks that the value is not null. */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    /** Returns a JSON string holding {@code value}. */
    public static JsonString of(String value) {
        return value.isEmpty() ? EMPTY : new JsonString(value);
    }

    @Override
    public String typeName() {
        return "string";
    }
}
