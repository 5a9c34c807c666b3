package dev.onfailure.json;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON string. The value is kept as decoded text; any string, including one with lone surrogates, is written back
 * to the same content.
 *
 * <p>A very long string read from bytes (an S3 record's payload, say) is kept as a slice of the document's bytes and
 * decoded only when asked for: {@link #utf8()} gives its UTF-8 bytes without ever building a {@code String}, so a
 * record and its payload are not held in memory twice over.
 */
public final class JsonString implements JsonValue {

    private static final JsonString EMPTY = new JsonString("");

    private final String value;
    /** For a string kept as a slice: the document, and the content's range between the quotes, still escaped. */
    private final byte[] source;
    private final int start;
    private final int end;

    private JsonString(String value) {
        this.value = Objects.requireNonNull(value, "value");
        this.source = null;
        this.start = 0;
        this.end = 0;
    }

    private JsonString(byte[] source, int start, int end) {
        this.value = null;
        this.source = source;
        this.start = start;
        this.end = end;
    }

    /** Returns a JSON string holding {@code value}. */
    public static JsonString of(String value) {
        return value.isEmpty() ? EMPTY : new JsonString(value);
    }

    /**
     * Returns a string kept as the escaped content {@code source[start, end)}, which the reader has already checked
     * to be a well-formed JSON string.
     */
    static JsonString slice(byte[] source, int start, int end) {
        return new JsonString(source, start, end);
    }

    /** Returns the decoded text (for a slice, decoded now, and again at each call). */
    public String value() {
        if (value != null) {
            return value;
        }
        byte[] utf8 = Unescape.toUtf8(source, start, end);
        if (utf8 != null) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        // Lone surrogates cannot be UTF-8: let the parser decode the literal, quotes included.
        return ((JsonString) Json.parse(new String(source, start - 1, end - start + 2, StandardCharsets.UTF_8)))
                .value;
    }

    /**
     * Returns the text as UTF-8 bytes, or null when it holds a lone surrogate (which UTF-8 cannot encode; use
     * {@link #value()} then).
     */
    public byte[] utf8() {
        if (value == null) {
            return Unescape.toUtf8(source, start, end);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i)))) {
                return null;
            }
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the first character of the text that is not JSON whitespace or {@code \u000B}/{@code \f}, or -1. */
    public int firstNonWhitespace() {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                if (" \t\n\u000B\f\r".indexOf(value.charAt(i)) < 0) {
                    return value.charAt(i);
                }
            }
            return -1;
        }
        return Unescape.firstNonWhitespace(source, start, end);
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonString other && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        String v = value();
        return "JsonString[value=" + (v.length() > 200 ? v.substring(0, 200) + "... (" + v.length() + " chars)" : v)
                + "]";
    }
}
