package dev.onfailure.model;

import dev.onfailure.json.JsonTokens;
import dev.onfailure.json.JsonTokens.Token;
import dev.onfailure.json.ReadLimits;

/** What the readers that bind straight from a document's tokens ({@link JsonTokens}) share. */
final class StreamReading {

    private StreamReading() {
    }

    /** Reads the members of the top-level object; returns null to give up. */
    interface ObjectBody<T> {
        T read(JsonTokens t);
    }

    /**
     * Runs {@code body} over the document's top-level object and returns what it gives, or null when the bytes are
     * not a plain start, the document is not one object, {@code body} gives up, or anything goes wrong: the caller
     * then reads the document through the tree.
     */
    static <T> T read(byte[] bytes, ReadLimits limits, ObjectBody<T> body) {
        try (JsonTokens t = JsonTokens.over(bytes, limits)) {
            if (t.next() != Token.START_OBJECT) {
                return null;
            }
            T value = body.read(t);
            return value != null && t.current() == Token.END_OBJECT && t.next() == Token.END ? value : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A string or null member, as the tree path reads an optional string; null for anything else. */
    static JsonField<String> optionalString(JsonTokens p, Token t) {
        if (t == Token.NULL) {
            return JsonField.ofNull();
        }
        return t == Token.STRING ? JsonField.of(p.text()) : null;
    }

    /** A canonical int64 integer, as the tree path accepts it; null otherwise. */
    static Long integer(JsonTokens p, Token t) {
        return t == Token.INTEGER && p.isInt64() ? p.int64() : null;
    }

    /**
     * Returns {@code seen} with member {@code m}'s bit, or -1 for a member the table does not have ({@code m} null) or
     * one seen before.
     */
    static long see(long seen, Enum<?> m) {
        if (m == null) {
            return -1;
        }
        long bit = MemberTable.bit(m);
        return (seen & bit) != 0 ? -1 : seen | bit;
    }
}
