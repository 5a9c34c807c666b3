package dev.onfailure.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The tokens of one UTF-8 document, read one at a time within {@link ReadLimits}, for readers that bind a known shape
 * without building a tree (the model's event reader). Strict like {@link Json#parse(byte[], ReadLimits)}: a syntax
 * error, a limit or anything else the tree path would refuse ends the reading with {@link Token#FAILED}, never with an
 * exception, and so does a start that is not plainly UTF-8. The member and element counts are the caller's to check.
 *
 * <pre>{@code
 * try (JsonTokens t = JsonTokens.over(bytes, ReadLimits.defaults())) {
 *   if (t.next() == Token.START_OBJECT) {
 *     while (t.next() == Token.NAME) {
 *         String name = t.name();
 *         Token value = t.next();       // STRING: t.text(); INTEGER: t.int64() ...
 *     }
 *   }
 * }
 * }</pre>
 */
public final class JsonTokens implements AutoCloseable {

    /** What {@link #next()} read. */
    public enum Token {
        /** {@code {}. */
        START_OBJECT,
        /** {@code }}. */
        END_OBJECT,
        /** {@code [}. */
        START_ARRAY,
        /** {@code ]}. */
        END_ARRAY,
        /** A member name: {@link #name()}. */
        NAME,
        /** A string value: {@link #text()}. */
        STRING,
        /** A number without fraction or exponent: {@link #isInt64()}, {@link #int64()}. */
        INTEGER,
        /** A number with a fraction or an exponent. */
        FRACTION,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** {@code null}. */
        NULL,
        /** The end of the document, after the top-level value. */
        END,
        /** The document could not be read further (not JSON, a limit, an encoding); every later call returns it too. */
        FAILED
    }

    private static final Token[] TOKENS = new Token[JsonToken.values().length];

    static {
        for (JsonToken t : JsonToken.values()) {
            TOKENS[t.ordinal()] = switch (t) {
                case START_OBJECT -> Token.START_OBJECT;
                case END_OBJECT -> Token.END_OBJECT;
                case START_ARRAY -> Token.START_ARRAY;
                case END_ARRAY -> Token.END_ARRAY;
                case FIELD_NAME -> Token.NAME;
                case VALUE_STRING -> Token.STRING;
                case VALUE_NUMBER_INT -> Token.INTEGER;
                case VALUE_NUMBER_FLOAT -> Token.FRACTION;
                case VALUE_TRUE, VALUE_FALSE -> Token.BOOLEAN;
                case VALUE_NULL -> Token.NULL;
                default -> Token.FAILED;     // embedded objects and "not available" never come from bytes
            };
        }
    }

    private final JsonParser parser;
    private Token current;

    private JsonTokens(JsonParser parser) {
        this.parser = parser;
        this.current = parser == null ? Token.FAILED : null;
    }

    /**
     * Returns the tokens of {@code bytes}. The reading has failed from the start when the bytes do not start plainly
     * (fewer than two bytes, a byte-order mark or other non-ASCII first byte, or a NUL in the first four, which a
     * parser might take for UTF-16 or UTF-32): the tree path then reads, or refuses, the document.
     */
    public static JsonTokens over(byte[] bytes, ReadLimits limits) {
        if (!plainStart(bytes) || bytes.length > limits.maxDocumentBytes()) {
            return new JsonTokens(null);
        }
        try {
            return new JsonTokens(limits.factory().createParser(bytes));
        } catch (IOException | RuntimeException e) {
            return new JsonTokens(null);
        }
    }

    /** Reads the next token. */
    public Token next() {
        if (current == Token.FAILED) {
            return current;
        }
        try {
            JsonToken t = parser.nextToken();
            current = t == null ? Token.END : TOKENS[t.ordinal()];
        } catch (IOException | RuntimeException e) {
            current = Token.FAILED;
        }
        return current;
    }

    /** Returns the token read last (null before the first {@link #next()}). */
    public Token current() {
        return current;
    }

    /** Returns the member name just read ({@link Token#NAME}). */
    public String name() {
        try {
            return parser.currentName();
        } catch (IOException e) {
            current = Token.FAILED;
            return "";
        }
    }

    /**
     * Returns the string just read ({@link Token#STRING}). It is decoded now, and its length checked: a string over
     * the limit makes the reading {@link Token#FAILED} (and returns an empty string).
     */
    public String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            current = Token.FAILED;
            return "";
        }
    }

    /**
     * Returns true if the integer just read ({@link Token#INTEGER}) is an int64 in canonical form, as the tree path
     * binds one: not beyond 64 bits, and not {@code -0}.
     */
    public boolean isInt64() {
        try {
            if (current != Token.INTEGER || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                return false;
            }
            return parser.getLongValue() != 0 || parser.getTextLength() == 1;
        } catch (IOException | RuntimeException e) {
            current = Token.FAILED;
            return false;
        }
    }

    /** Returns the integer just read, when {@link #isInt64()}. */
    public long int64() {
        try {
            return parser.getLongValue();
        } catch (IOException | RuntimeException e) {
            current = Token.FAILED;
            return 0;
        }
    }

    /** Releases the parser's buffers. */
    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // over a byte array: nothing to fail
            }
        }
    }

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
}
