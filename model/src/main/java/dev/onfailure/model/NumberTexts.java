package dev.onfailure.model;

import dev.onfailure.json.JsonNumber;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The integer members a value keeps in the form they were written ({@code 1.0}, {@code 2E0}, {@code -0}): JSON Schema
 * counts those as integers, so the model reads them, and writes them back where the form still denotes the value.
 */
final class NumberTexts {

    private NumberTexts() {
    }

    /** Checks that {@code texts} names only integer members of the type and holds JSON numbers. */
    static void check(Map<String, String> texts, Set<String> integers, String where) {
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (!integers.contains(e.getKey())) {
                throw new IllegalStateException("numberText of " + where + " names \"" + e.getKey()
                        + "\", which is not one of its integer members " + new java.util.TreeSet<>(integers));
            }
            if (!JsonNumber.isJsonNumber(e.getValue())) {
                throw new IllegalStateException("numberText of " + where + " holds \"" + e.getValue() + "\" for "
                        + e.getKey() + ", which is not a JSON number");
            }
        }
    }

    /** The integer member {@code name}: as it was written, if that form still denotes {@code value}; else canonical. */
    static JsonNumber number(String name, long value, Map<String, String> texts) {
        String text = texts.get(name);
        if (text != null) {
            JsonNumber written = new JsonNumber(text);
            if (written.integralValue().equals(OptionalLong.of(value))) {
                return written;
            }
        }
        return JsonNumber.of(value);
    }
}
