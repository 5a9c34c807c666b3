package dev.onfailure.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** What the readers that bind straight from Jackson's tokens share. */
final class StreamReading {

    private StreamReading() {
    }

    /**
     * Returns true if the bytes can go to a streaming reader: not tiny, no byte-order mark or other non-ASCII first
     * byte, and no NUL in the first four bytes (which a parser might take for UTF-16 or UTF-32, and the tree path
     * refuses).
     */
    static boolean plainStart(byte[] bytes) {
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
