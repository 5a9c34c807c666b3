package dev.onfailure.json;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements, in order; an unmodifiable copy
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

    private static final JsonArray EMPTY = new JsonArray(List.of());

    /** Copies the elements into an unmodifiable list. */
    public JsonArray {
        elements = List.copyOf(elements);
    }

    /** Returns an array of {@code elements}. */
    public static JsonArray of(List<? extends JsonValue> elements) {
        return elements.isEmpty() ? EMPTY : new JsonArray(List.copyOf(elements));
    }

    /** Returns an array of {@code elements}. */
    public static JsonArray of(JsonValue... elements) {
        return of(List.of(elements));
    }

    /** Returns the number of elements. */
    public int size() {
        return elements.size();
    }

    /** Returns element {@code index}. */
    public JsonValue get(int index) {
        return elements.get(index);
    }

    @Override
    public String typeName() {
        return "array";
    }
}
