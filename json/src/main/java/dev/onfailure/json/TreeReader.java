package dev.onfailure.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** Reads one JSON document into a {@link JsonValue} with Jackson's streaming parser, strictly and within limits. */
final class TreeReader {

    private final JsonParser parser;
    /** Holds a member's place while its value is read. */
    private static final JsonValue PENDING = JsonNull.INSTANCE;

    private final ReadLimits limits;
    /** The document's bytes when parsing from an array: long strings are then kept as slices of it. */
    private final byte[] source;
    /**
     * The members and indexes from the root to the value being read, for pointers in messages: at each level a name,
     * or null and an index. Overwritten in place (no boxing, no list operations): most documents never need it.
     */
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private int depth;

    /** The document's text when parsing from a string, for places past Jackson's (see {@link #next}). */
    private CharSequence text;

    private TreeReader(JsonParser parser, ReadLimits limits, byte[] source) {
        this.parser = parser;
        this.limits = limits;
        this.source = source;
    }

    /** As {@link #read(JsonParser, ReadLimits)}, for a parser over {@code text}. */
    static JsonValue read(JsonParser parser, ReadLimits limits, CharSequence text) throws IOException {
        return read(parser, limits, null, text);
    }

    /**
     * Reads the only document of {@code parser} and closes it.
     *
     * @throws ReadException for input that is not one well-formed JSON document within the limits
     * @throws IOException   when the underlying source fails
     */
    static JsonValue read(JsonParser parser, ReadLimits limits) throws IOException {
        return read(parser, limits, (byte[]) null);
    }

    /** As {@link #read(JsonParser, ReadLimits)}, for a parser over {@code source}, whose long strings are sliced. */
    static JsonValue read(JsonParser parser, ReadLimits limits, byte[] source) throws IOException {
        return read(parser, limits, source, null);
    }

    private static JsonValue read(JsonParser parser, ReadLimits limits, byte[] source, CharSequence text)
            throws IOException {
        try (parser) {
            TreeReader reader = new TreeReader(parser, limits, source);
            reader.text = text;
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw new ReadException(ReadException.Problem.SYNTAX, "the document is empty", "", 1, 1);
                }
                JsonValue value = reader.value(first);
                JsonToken after = parser.nextToken();
                if (after != null) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw new ReadException(ReadException.Problem.SYNTAX,
                            "unexpected content after the end of the document", "", at.getLineNr(),
                            at.getColumnNr());
                }
                return value;
            } catch (StreamConstraintsException e) {
                // where Jackson checked moves with its buffers (see limitMessage): the token it was reading is said,
                // or, for the document's length, no place
                String limit = String.valueOf(e.getOriginalMessage());
                boolean document = limit.startsWith("Document length");
                JsonLocation at = parser.currentTokenLocation();
                // Jackson reads a member's number with its name, before this reader has entered the member: its own
                // context names the number's place
                boolean number = limit.startsWith("Number value length");
                String pointer = number ? parser.getParsingContext().pathAsPointer().toString() : reader.pointer();
                // Jackson's place for a member's number is the member's name, and for a name, the token before it:
                // over the document's bytes, the value or the name itself is found past them
                boolean member = number && parser.currentToken() == JsonToken.FIELD_NAME;
                int[] place = document || at == null ? new int[] {0, 0}
                        : member || limit.startsWith("Name length") ? reader.next(at)
                        : new int[] {Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)};
                throw new ReadException(ReadException.Problem.LIMIT, limitMessage(e), pointer, place[0], place[1]);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new ReadException(ReadException.Problem.SYNTAX, syntaxMessage(e.getOriginalMessage()),
                        reader.pointer(), Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
            } catch (CharConversionException e) {
                JsonLocation at = parser.currentLocation();
                throw new ReadException(ReadException.Problem.SYNTAX, "the input is not valid text: " + e.getMessage(),
                        reader.pointer(), Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0));
            }
        }
    }

    private JsonValue value(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object();
            case START_ARRAY:
                return array();
            case VALUE_STRING:
                // only a document with room for a long string has one to slice: small ones skip the scan
                if (source != null && source.length > limits.sliceStringsOver()) {
                    JsonString slice = slice();
                    if (slice != null) {
                        return slice;
                    }
                }
                return JsonString.of(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // getText() is the number exactly as written: the lossless part.
                return JsonNumber.of(parser.getText());
            case VALUE_TRUE:
                return JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            default:
                JsonLocation at = parser.currentTokenLocation();
                throw new ReadException(ReadException.Problem.SYNTAX, "unexpected token " + token, pointer(),
                        at.getLineNr(), at.getColumnNr());
        }
    }

    /**
     * Returns the current string as a slice of the source when it is at least {@link ReadLimits#sliceStringsOver()}
     * bytes long and plainly well-formed (no raw control character, only valid escapes); null to let the parser
     * decode it (and report whatever is wrong with it). Not asking the parser for the text makes it skip the string,
     * checking its UTF-8 as it goes.
     */
    private JsonString slice() {
        long at = parser.currentTokenLocation().getByteOffset();
        if (at < 0 || at >= source.length || source[(int) at] != '"') {
            return null;
        }
        int start = (int) at + 1;
        int i = start;
        int n = source.length;
        while (i < n) {
            byte b = source[i];
            if (b == '"') {
                break;
            }
            if (b >= 0 && b < 0x20) {
                return null;
            }
            if (b == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                byte e = source[i + 1];
                if (e == 'u') {
                    if (i + 6 > n || !hex(source, i + 2)) {
                        return null;
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return null;
                }
                i += 2;
                continue;
            }
            i++;
        }
        if (i >= n || i - start < limits.sliceStringsOver() || i - start > limits.maxStringChars()) {
            return null;
        }
        return JsonString.slice(source, start, i);
    }

    private static boolean hex(byte[] b, int at) {
        for (int i = at; i < at + 4; i++) {
            int c = b[i] | 0x20;
            if (!((b[i] >= '0' && b[i] <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private JsonObject object() throws IOException {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token != JsonToken.FIELD_NAME) {
                throw unexpected(token);
            }
            String name = parser.currentName();
            // a placeholder takes the name while its value is read: one map operation finds a repeated name
            if (members.putIfAbsent(name, PENDING) != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ReadException(ReadException.Problem.DUPLICATE_KEY,
                        "the member \"" + abbreviate(name) + "\" appears twice in one object",
                        JsonPointer.append(pointer(), name), at.getLineNr(), at.getColumnNr());
            }
            if (members.size() > limits.maxObjectMembers()) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ReadException(ReadException.Problem.LIMIT,
                        "an object has more than " + limits.maxObjectMembers() + " members", pointer(),
                        at.getLineNr(), at.getColumnNr());
            }
            enter(name, 0);
            JsonValue value = value(parser.nextToken());
            depth--;
            members.put(name, value);
        }
        return JsonObject.wrap(members);
    }

    private JsonArray array() throws IOException {
        ArrayList<JsonValue> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (elements.size() >= limits.maxArrayElements()) {
                JsonLocation at = parser.currentTokenLocation();
                throw new ReadException(ReadException.Problem.LIMIT,
                        "an array has more than " + limits.maxArrayElements() + " elements", pointer(),
                        at.getLineNr(), at.getColumnNr());
            }
            enter(null, elements.size());
            elements.add(value(token));
            depth--;
        }
        return JsonArray.of(elements);
    }

    private ReadException unexpected(JsonToken token) {
        JsonLocation at = parser.currentTokenLocation();
        return new ReadException(ReadException.Problem.SYNTAX, "unexpected token " + token, pointer(),
                at.getLineNr(), at.getColumnNr());
    }

    /** Steps into member {@code name}, or element {@code index} when the name is null. */
    private void enter(String name, int index) {
        if (depth == names.length) {
            names = java.util.Arrays.copyOf(names, depth * 2);
            indexes = java.util.Arrays.copyOf(indexes, depth * 2);
        }
        names[depth] = name;
        indexes[depth] = index;
        depth++;
    }

    private String pointer() {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            sb.append('/');
            if (names[d] != null) {
                sb.append(JsonPointer.escape(names[d]));
            } else {
                sb.append(indexes[d]);
            }
        }
        return sb.toString();
    }

    /**
     * The line and column of the token after the one that starts at {@code at} (past it, white space and one
     * {@code :} or {@code ,}), counted over the document as Jackson counts it (a column is a byte of bytes, a
     * character of text); where the document is not at hand (a stream), or {@code at} does not fall in it,
     * {@code at}'s own.
     */
    private int[] next(JsonLocation at) {
        int line = Math.max(at.getLineNr(), 0);
        int column = Math.max(at.getColumnNr(), 0);
        long from = source != null ? at.getByteOffset() : at.getCharOffset();
        int n = source != null ? source.length : text != null ? text.length() : -1;
        if (n < 0 || from < 0 || from >= n || line == 0 || column == 0) {
            return new int[] {line, column};
        }
        int i = (int) from;
        int c = unit(i);
        if (c == '"') {
            for (i++; i < n && unit(i) != '"'; i++) {
                if (unit(i) == '\\') {
                    i++;
                }
            }
            i++;
        } else if (c == '{' || c == '[' || c == '}' || c == ']') {
            i++;
        } else {
            while (i < n && " \t\r\n,:}]".indexOf(unit(i)) < 0) {
                i++;
            }
        }
        i = blanks(i, n);
        if (i < n && (unit(i) == ':' || unit(i) == ',')) {
            i = blanks(i + 1, n);
        }
        for (int j = (int) from; j < Math.min(i, n); j++) {
            if (unit(j) == '\n' || unit(j) == '\r' && (j + 1 >= n || unit(j + 1) != '\n')) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The byte or character at {@code i} of the document. */
    private int unit(int i) {
        return source != null ? source[i] : text.charAt(i);
    }

    private int blanks(int i, int n) {
        while (i < n && (unit(i) == ' ' || unit(i) == '\t' || unit(i) == '\r' || unit(i) == '\n')) {
            i++;
        }
        return i;
    }

    /**
     * A limit Jackson enforces, in our words: Jackson names its own setter (users configure {@link ReadLimits}), and the
     * length it gives for a string or a document is where it happened to check, which depends on the sizes of the
     * buffers it reuses from earlier documents on the same thread: the same document gave "String value length
     * (25228256)" in one run and "(25228456)" in another. Only the limit is said, so a document's finding is the same
     * in every run.
     */
    static String limitMessage(StreamConstraintsException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher allowed = MAXIMUM.matcher(m);
        String limit = allowed.find() ? allowed.group(1) : null;
        if (limit != null) {
            if (m.startsWith("String value length")) {
                return "a string is longer than the limit of " + limit + " characters";
            }
            if (m.startsWith("Number value length")) {
                return "a number is longer than the limit of " + limit + " characters";
            }
            if (m.startsWith("Name length")) {
                return "a member name is longer than the limit of " + limit + " characters";
            }
            if (m.startsWith("Document length")) {
                long bytes = Long.parseLong(limit);
                return "the document is over the limit of " + limit + " bytes"
                        + (bytes % (1 << 20) == 0 ? " (" + (bytes >> 20) + " MiB)" : "");
            }
            if (m.startsWith("Document nesting depth")) {
                return "the document nests deeper than the limit of " + limit + " levels";
            }
            if (m.startsWith("Token count")) {
                return "the document has more than the limit of " + limit + " tokens";
            }
        }
        // another limit of a later Jackson: its words, without the observed value or Jackson's setter
        int from = m.indexOf(", from `");
        String plain = from > 0 ? m.substring(0, from) + ")" : m;
        return "a read limit is exceeded: " + plain.replaceFirst(" \\(\\d+\\) exceeds", " exceeds");
    }

    /** Jackson's "exceeds the maximum allowed (1000, from `...`)": the limit. */
    private static final java.util.regex.Pattern MAXIMUM = java.util.regex.Pattern.compile(
            "exceeds the maximum allowed \\((\\d+)");

    private static String syntaxMessage(String m) {
        if (m == null) {
            return "the input is not well-formed JSON";
        }
        // Jackson's messages mention features of its own (ALLOW_COMMENTS, ...) that users cannot switch on here.
        int hint = m.indexOf("\n at [Source");
        String s = hint > 0 ? m.substring(0, hint) : m;
        int feature = s.indexOf(" (JsonReadFeature");
        if (feature < 0) {
            feature = s.indexOf(" (`JsonReadFeature");
        }
        if (feature < 0) {
            feature = s.indexOf(" (JsonParser.Feature");
        }
        if (feature < 0) {
            feature = s.indexOf(": enable `");   // ": enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
        }
        if (feature > 0) {
            s = s.substring(0, feature);
        }
        // "(start marker at [Source: REDACTED (...); line: 1, column: 1])": where the unclosed value opened, said plainly
        s = START_MARKER.matcher(s).replaceAll("(opened at line $1, column $2)");
        s = SOURCE.matcher(s).replaceAll("[");
        return "not well-formed JSON: " + s.replace('\n', ' ');
    }

    private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
            "\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]\\)");
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("\\[Source: [^;\\]]*; ");

    static String abbreviate(String s) {
        return JsonNumber.abbreviate(s);
    }
}
