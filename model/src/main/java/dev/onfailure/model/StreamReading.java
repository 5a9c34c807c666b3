package dev.onfailure.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.onfailure.json.ReadLimits;
import java.io.IOException;

/** What the readers that bind straight from Jackson's tokens share. */
final class StreamReading {

    private StreamReading() {
    }

    /** Reads the members of the top-level object; returns null to give up. */
    interface ObjectBody<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * Runs {@code body} over the document's top-level object and returns what it gives, or null when the bytes are
     * not a plain start, the document is not one object, {@code body} gives up, or anything goes wrong: the caller
     * then reads the document through the tree.
     */
    static <T> T read(byte[] bytes, ReadLimits limits, ObjectBody<T> body) {
        if (!plainStart(bytes)) {
            return null;
        }
        try (JsonParser p = limits.parser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            T value = body.read(p);
            return value != null && p.nextToken() == null ? value : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A string or null member, as the tree path reads an optional string; null for anything else. */
    static JsonField<String> optionalString(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return JsonField.ofNull();
        }
        return t == JsonToken.VALUE_STRING ? JsonField.of(p.getText()) : null;
    }

    /**
     * Returns true if the bytes can go to a streaming reader: not tiny, no byte-order mark or other non-ASCII first
     * byte, and no NUL in the first four bytes (which a parser might take for UTF-16 or UTF-32, and the tree path
     * refuses).
     */
    private static boolean plainStart(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) >= 0xEF) {
            return false;
        }
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** A canonical int64 integer, as the tree path accepts it; null otherwise. */
    static Long integer(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return null;
        }
        long v = p.getLongValue();
        if (v == 0 && p.getTextLength() != 1) {
            return null; // "-0"
        }
        return v;
    }
}
