package dev.onfailure.json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A cursor over UTF-8 bytes that reads only the plainest JSON: ASCII strings without escapes, canonical integers of at
 * most 18 digits, {@code null}, objects, and the four JSON whitespace characters. At anything else, well-formed or
 * not, it {@linkplain #failed() fails}, and the caller hands the document to the tree path, which accepts or refuses
 * it and says why. So everything this cursor accepts, the tree path accepts with the same values; it only has to be
 * right about what it accepts, never about what it refuses.
 *
 * <p>A failed cursor stays failed: it moves to the end of the document, and every later read returns a harmless value
 * (an empty string, zero, no more members), so a reader checks {@link #failed()} once per object rather than after
 * every call. (It does not throw: unwinding an exception through compiled frames cost more than reading the record
 * through the tree.)
 *
 * <p>Member names are compared with the expected names as bytes, never made into strings; values are copied once;
 * strings are scanned eight bytes at a time. This is the hot path of validating an SQS/SNS record body, where
 * Jackson's general tokenising cost more than all of the checks together.
 *
 * <p>A cursor is for one document and one thread. A reader binding an object:
 *
 * <pre>{@code
 * JsonCursor c = JsonCursor.over(bytes, ReadLimits.defaults());
 * JsonCursor.Names names = JsonCursor.Names.of("id", "count");
 * c.beginObject();
 * for (boolean first = true; c.nextMember(first); first = false) {
 *     switch (c.nameIn(names)) {
 *         case 0 -> id = c.string();
 *         case 1 -> count = c.integer();
 *         default -> c.fail();          // a member this reader does not know: the tree path decides
 *     }
 * }
 * c.end();
 * if (c.failed()) { ... read through Json.parse instead ... }
 * }</pre>
 */
public final class JsonCursor {

    /** Bytes that end a number: JSON whitespace, a comma, the end of an object or an array. */
    private static final boolean[] ENDS_NUMBER = new boolean[128];

    static {
        for (char c : new char[] {' ', '\t', '\n', '\r', ',', '}', ']'}) {
            ENDS_NUMBER[c] = true;
        }
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long SPACES = ONES * ' ';
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long CONTROLS = ONES * 0x20;
    private static final long ZEROS = ONES * '0';
    private static final long ABOVE_NINE = ONES * (0x7F - '9');

    /** How many names from the expected one {@link #nextMember(boolean, Names, int)} compares in place. */
    private static final int EXPECTED_TRIES = 3;

    /**
     * Reads the bytes eight at a time, little-endian, as one unaligned load. A heap {@code ByteBuffer} was used
     * before, for fear of the view handle's start-up cost; measured side by side (bench/README.md, "Fewer passes and
     * no buffer checks"), a one-record run takes the same time either way, while the buffer's own index check, which
     * the JIT did not fold into the loops, cost up to a tenth of reading an S3 record's payload.
     */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] b;
    private final int n;
    private final int maxStringChars;
    private final int maxNameChars;
    private final int maxNumberChars;
    /** Where this cursor's bytes start: 0, or for a cursor over one value ({@link #objectValue}), where it starts. */
    private final int from;
    /**
     * How many bytes a quote takes: 1, or 2 in a view of an escaped string's content ({@link #escapedText()}), where
     * each quote of the document it holds is written {@code \"} (and the only whitespace is the space).
     */
    private final int quote;
    /** For a view of an escaped string ({@link #escapedText()}) read to its end: where the closing quote is; else -1. */
    private int closedAt = -1;
    private int i;
    private int nameStart;
    private int nameEnd;
    /** The names whose entry {@link #matchedIndex} the member name just read was found to be in place, or null. */
    private Names matchedNames;
    private int matchedIndex;
    private int stringStart;
    private int stringEnd;
    private boolean failed;

    private JsonCursor(byte[] bytes, ReadLimits limits) {
        this.b = bytes;
        this.n = bytes.length;
        this.maxStringChars = limits.maxStringChars();
        this.maxNameChars = limits.maxNameChars();
        this.maxNumberChars = maxNumberChars(limits);
        this.from = 0;
        this.quote = 1;
    }

    /**
     * A cursor over {@code parent}'s bytes from {@code from} to {@code to}: one value inside its document, or, with a
     * {@code quote} of 2, the content of an escaped string read as a document of its own.
     */
    private JsonCursor(JsonCursor parent, int from, int to, int quote) {
        this.b = parent.b;
        this.n = to;
        this.maxStringChars = parent.maxStringChars;
        this.maxNameChars = parent.maxNameChars;
        this.maxNumberChars = parent.maxNumberChars;
        this.from = from;
        this.i = from;
        this.quote = quote;
    }

    /**
     * Returns a cursor over the UTF-8 {@code bytes} (not copied: do not change them while reading). The cursor has
     * already {@linkplain #failed() failed} when the limits are so tight that the tree path might refuse what it
     * accepts (a few members, four levels deep, at most one token a byte, a 19-digit integer with its sign): it only
     * reads records' plainest shapes.
     */
    public static JsonCursor over(byte[] bytes, ReadLimits limits) {
        boolean roomy = bytes.length <= limits.maxDocumentBytes() && limits.maxDepth() >= 5
                && limits.maxTokens() >= bytes.length && maxNumberChars(limits) >= 20
                && limits.maxObjectMembers() >= 5;
        JsonCursor c = new JsonCursor(bytes, limits);
        if (!roomy) {
            c.fail();
        }
        return c;
    }

    /**
     * The longest number text this cursor reads within {@code limits}: the tree path takes a number's text from the
     * parser, which holds it (sign and all) to the limit on strings as well as to the one on numbers.
     */
    private static int maxNumberChars(ReadLimits limits) {
        return Math.min(limits.maxNumberChars(), limits.maxStringChars());
    }

    /** Returns true once anything was not plain, or a reader {@linkplain #fail() gave up}. */
    public boolean failed() {
        return failed;
    }

    /** Gives up on the plain reading: the cursor moves to the end and stays failed. */
    public void fail() {
        failed = true;
        i = n;
    }

    private int at(int k) {
        return k < n ? b[k] : -1;
    }

    /** Returns the index of the first byte at or after {@code k} that is not JSON whitespace. */
    private int ws(int k) {
        byte[] b = this.b;
        int n = this.n;
        while (k < n) {
            byte c = b[k];
            if (c > ' ') {
                return k;
            }
            if (c == ' ') {
                k = afterSpaces(k + 1);
            } else if ((c == '\n' || c == '\r' || c == '\t') && quote == 1) {   // raw in a string: not JSON
                k++;
            } else {
                return k;
            }
        }
        return k;
    }

    /** Returns the index of the first byte at or after {@code k} that is not a space: indentation, eight at a time. */
    private int afterSpaces(int k) {
        byte[] b = this.b;
        int n = this.n;
        while (k + 8 <= n) {
            long x = word(b, k) ^ SPACES;
            if (x != 0) {
                return k + (Long.numberOfTrailingZeros(x) >>> 3);
            }
            k += 8;
        }
        while (k < n && b[k] == ' ') {
            k++;
        }
        return k;
    }

    /** Reads the opening brace of an object. */
    public void beginObject() {
        int k = ws(i);
        if (at(k) != '{') {
            fail();
            return;
        }
        i = k + 1;
    }

    /** Returns true if the value ahead is an object (without reading it), false if it is {@code null} (read). */
    public boolean objectOrNull() {
        int k = ws(i);
        i = k;
        if (at(k) == '{') {
            return true;
        }
        readNull(k);
        return false;
    }

    /** Returns true if the value ahead is an object (reading nothing). */
    public boolean objectAhead() {
        i = ws(i);
        return at(i) == '{';
    }

    /** Reads the opening bracket of an array. */
    public void beginArray() {
        int k = ws(i);
        if (at(k) != '[') {
            fail();
            return;
        }
        i = k + 1;
    }

    /**
     * Moves to the next element of the array being read; returns false at the closing bracket (read) or when failed.
     * {@code first} is true for the first call after {@link #beginArray()}.
     */
    public boolean nextElement(boolean first) {
        if (failed) {
            return false;
        }
        int k = ws(i);
        if (at(k) == ']') {
            i = k + 1;
            return false;
        }
        if (!first) {
            if (at(k) != ',') {
                fail();
                return false;
            }
            k = ws(k + 1);
        }
        i = k;
        return true;
    }

    /**
     * Reads an object value without looking inside it beyond its brackets and strings, and returns a cursor over
     * exactly its bytes (the same array, not copied), for a reader that binds it on its own; a failed cursor when
     * this one fails, when the value is not an object, or nests deeper than {@code maxDepth}. The value is read
     * strictly only by that reader (or by a parser given {@link #bytes()}).
     */
    public JsonCursor objectValue(int maxDepth) {
        int start = ws(i);
        int end = failed || quote != 1 || at(start) != '{' ? -1 : skip(start, maxDepth);
        if (end < 0) {
            fail();
            return failedView();
        }
        i = end;
        return new JsonCursor(this, start, end, 1);
    }

    private JsonCursor failedView() {
        JsonCursor c = new JsonCursor(this, n, n, 1);
        c.fail();
        return c;
    }

    /** Returns a copy of the bytes this cursor reads (for a cursor over one value: that value's JSON text). */
    public byte[] bytes() {
        return Arrays.copyOfRange(b, from, n);
    }

    /** Returns true if the value ahead is {@code null}, reading it; false (reading nothing) otherwise. */
    public boolean nullAhead() {
        int k = ws(i);
        i = k;
        if (at(k) != 'n') {
            return false;
        }
        readNull(k);
        return !failed;
    }

    private void readNull(int k) {
        if (at(k) != 'n' || at(k + 1) != 'u' || at(k + 2) != 'l' || at(k + 3) != 'l') {
            fail();
            return;
        }
        i = k + 4;
    }

    /**
     * Moves to the next member of the object being read and reads its name and colon; returns false at the closing
     * brace (read) or when failed. {@code first} is true for the first call after {@link #beginObject()}.
     */
    public boolean nextMember(boolean first) {
        return nextMember(first, null, -1);
    }

    /**
     * {@link #nextMember(boolean)} for a reader that expects, most of the time, the member {@code names} lists at
     * {@code expected} (the one written after the last read, in a record written in its usual order), or one of the
     * two after it (optional members left out): those names are compared in place first, without scanning the string
     * for its end, and a following {@link #nameIn(Names)} of the same names answers without a search. Any other name
     * is read as {@link #nextMember(boolean)} reads it.
     *
     * <pre>{@code
     * int next = 0;
     * for (boolean first = true; c.nextMember(first, NAMES, next); first = false) {
     *     int k = c.nameIn(NAMES);
     *     next = k + 1;
     *     ...
     * }
     * }</pre>
     */
    public boolean nextMember(boolean first, Names names, int expected) {
        matchedNames = null;
        if (failed) {
            return false;
        }
        int k = ws(i);
        int c = at(k);
        if (c == '}') {
            i = k + 1;
            return false;
        }
        if (!first) {
            if (c != ',') {
                fail();
                return false;
            }
            k = ws(k + 1);
        }
        int end = -1;
        if (names != null && expected >= 0) {
            // the expected name, else one of the two after it (optional members are often left out)
            int last = Math.min(expected + EXPECTED_TRIES, names.bytes.length);
            for (int e = expected; e < last; e++) {
                end = nameAt(k, names, e);
                if (end >= 0) {
                    matchedNames = names;
                    matchedIndex = e;
                    break;
                }
            }
        }
        if (end < 0) {
            end = endOfString(k, maxNameChars);
            if (end < 0) {
                fail();
                return false;
            }
        }
        nameStart = k + quote;
        nameEnd = end;
        k = ws(end + quote);
        if (at(k) != ':') {
            fail();
            return false;
        }
        i = k + 1;
        return true;
    }

    /**
     * Returns the index of the closing quote if the string at {@code k} is exactly {@code names}' name at
     * {@code index}, else -1. The name has only printable ASCII and no quote or backslash, so equal bytes between two
     * quotes are that string, read as {@link #endOfString} would read it.
     */
    private int nameAt(int k, Names names, int index) {
        byte[] name = names.bytes[index];
        int q = quote;
        int start = k + q;
        int end = start + name.length;
        if (end + q > n || name.length > maxNameChars || b[end] != (q == 1 ? '"' : '\\')
                || (q == 1 ? b[k] != '"' : b[k] != '\\' || b[k + 1] != '"' || b[end + 1] != '"')) {
            return -1;
        }
        return names.sameAt(b, start, index) ? end : -1;
    }

    /** Returns the index in {@code names} of the member name just read, or -1 (compared as bytes, no string made). */
    public int nameIn(Names names) {
        if (names == matchedNames) {
            return matchedIndex;
        }
        int length = nameEnd - nameStart;
        byte[][] all = names.bytes;
        for (int k = 0; k < all.length; k++) {
            if (all[k].length == length && names.sameAt(b, nameStart, k)) {
                return k;
            }
        }
        return -1;
    }

    /** Returns the member name just read. */
    public String name() {
        return latin1(b, nameStart, nameEnd - nameStart);
    }

    /**
     * Returns, for the string value {@linkplain #string() read last}, where its significant digits start (the index of
     * the first digit that is not a leading zero, or of the last digit when all are zeros), or -1 if it is not all
     * ASCII digits or is empty. Decimal text such as a Kafka offset in a failure record is classified on the bytes,
     * eight at a time, without a second pass over the string.
     *
     * <pre>{@code
     * c.string();          // "000123"
     * c.digitsStart();     // 3
     * }</pre>
     */
    public int digitsStart() {
        return significantStart(stringStart, stringEnd);
    }

    /**
     * Returns eight bytes of the string value {@linkplain #string() read last}, from its byte {@code at}, as a
     * little-endian word: its bytes are its text (printable ASCII, no escape), so a reader may classify it a word at a
     * time where it lies, without a copy.
     *
     * <pre>{@code
     * c.string();          // "2019-11-14T00:38:06.021Z"
     * c.stringWord(0);     // the bytes of "2019-11-", the first in the lowest byte
     * }</pre>
     *
     * @throws IndexOutOfBoundsException unless the eight bytes are all in the string
     */
    public long stringWord(int at) {
        java.util.Objects.checkFromIndexSize(at, 8, stringEnd - stringStart);
        return word(b, stringStart + at);
    }

    private int significantStart(int from, int to) {
        if (from == to) {
            return -1;
        }
        byte[] b = this.b;
        int k = from;
        while (k + 8 <= to) {
            long x = word(b, k);
            // a byte below '0' borrows in x - '0'; a byte above '9' carries into the high bit in x + (0x7F - '9')
            if ((((x - ZEROS) | (x + ABOVE_NINE) | x) & HIGH) != 0) {
                return -1;
            }
            k += 8;
        }
        for (; k < to; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return -1;
            }
        }
        int s = from;
        while (s < to - 1 && b[s] == '0') {
            s++;
        }
        return s - from;
    }

    /** Reads a string value (printable ASCII without escapes); an empty string when failed. */
    public String string() {
        int start = ws(i);
        int end = endOfString(start, maxStringChars);
        if (end < 0) {
            fail();
            return "";
        }
        int q = quote;
        i = end + q;
        stringStart = start + q;
        stringEnd = end;
        return latin1(b, start + q, end - start - q);
    }

    /**
     * Returns the index of the closing quote of the plain string whose opening quote is at {@code start} (printable
     * ASCII, no backslash, at most {@code max} characters), or -1 when there is no such string. In a view of an escaped
     * string's content both quotes are {@code \"}, the index is that of the closing one's backslash, and any other
     * backslash ends the reading (-1).
     */
    private int endOfString(int start, int max) {
        if (quote != 1) {
            return endOfEscapedString(start, max);
        }
        byte[] b = this.b;
        if (at(start) != '"') {
            return -1;
        }
        int limit = (int) Math.min(n, (long) start + 1 + max + 1);
        int k = start + 1;
        // Eight bytes at a time (SWAR): the lowest byte flagged is the first quote, backslash, control or non-ASCII
        // byte (the borrows of the subtractions can only flag bytes above a flagged one).
        while (k + 8 <= limit) {
            long x = word(b, k);
            long flagged = (zeroBytes(x ^ QUOTES) | zeroBytes(x ^ BACKSLASHES) | ((x - CONTROLS) & ~x) | x) & HIGH;
            if (flagged != 0) {
                k += Long.numberOfTrailingZeros(flagged) >>> 3;
                return b[k] == '"' ? k : -1;
            }
            k += 8;
        }
        for (; k < limit; k++) {
            byte c = b[k];
            if (c == '"') {
                return k;
            }
            if (c < 0x20 || c == '\\') {   // bytes over 0x7F are negative
                return -1;
            }
        }
        return -1;
    }

    /** {@link #endOfString} in a view of an escaped string's content ({@link #escapedText()}). */
    private int endOfEscapedString(int start, int max) {
        byte[] b = this.b;
        if (at(start) != '\\' || at(start + 1) != '"') {
            return -1;
        }
        int limit = (int) Math.min(n, (long) start + 2 + max + 1);
        int k = start + 2;
        while (k + 8 <= limit) {
            long x = word(b, k);
            long flagged = (zeroBytes(x ^ QUOTES) | zeroBytes(x ^ BACKSLASHES) | ((x - CONTROLS) & ~x) | x) & HIGH;
            if (flagged != 0) {
                k += Long.numberOfTrailingZeros(flagged) >>> 3;
                return b[k] == '\\' && at(k + 1) == '"' ? k : -1;
            }
            k += 8;
        }
        for (; k < limit; k++) {
            byte c = b[k];
            if (c == '\\') {
                return at(k + 1) == '"' ? k : -1;
            }
            if (c < 0x20 || c == '"') {   // bytes over 0x7F are negative
                return -1;
            }
        }
        return -1;
    }

    /**
     * Reads an integer in canonical form ({@code -?(0|[1-9][0-9]*)}, not {@code -0}) that a {@code long} holds (Kafka
     * offsets and timestamps go up to 19 digits); zero when failed.
     */
    public long integer() {
        return integer(null);
    }

    /**
     * Reads an integer as {@link #integer()} does, or one written in another form that JSON Schema counts as an integer
     * ({@code 1.0}, {@code 2E0}, {@code 30E-1}, {@code -0}; see {@link JsonNumber#integralValue()}), whose text it gives
     * to {@code otherForm} before returning its value; zero when failed (a fraction, a number past the {@code long}
     * range or over the number limit, anything not a number). Records keep such a form as their {@code numberText}.
     *
     * <pre>{@code
     * Map<String, String> kept = new HashMap<>();
     * long count = cursor.integer(text -> kept.put("approximateInvokeCount", text));
     * }</pre>
     */
    public long integer(java.util.function.Consumer<String> otherForm) {
        // the common case (canonical, under 19 digits) in a method small enough for the JIT to inline at every caller
        byte[] b = this.b;
        int n = this.n;
        int k = ws(i);
        int start = k;
        boolean negative = k < n && b[k] == '-';
        if (negative) {
            k++;
        }
        int digitsFrom = k;
        long v = 0;
        while (k < n && b[k] >= '0' && b[k] <= '9') {
            v = v * 10 + (b[k] - '0');
            k++;
        }
        int digits = k - digitsFrom;
        int next = at(k);
        if (digits > 0 && digits < 19 && (digits == 1 || b[digitsFrom] != '0') && (next < 0 || ENDS_NUMBER[next])
                && !(negative && v == 0)) {
            i = k;
            return negative ? -v : v;
        }
        return integerRest(otherForm, start, negative, digitsFrom, k, v);
    }

    /**
     * {@link #integer(java.util.function.Consumer)} past its common case: a canonical integer of 19 digits (which
     * {@code v} may have overflowed), or another form, or no integer. {@code k} is where the digits from
     * {@code digitsFrom} ended.
     */
    private long integerRest(java.util.function.Consumer<String> otherForm, int start, boolean negative, int digitsFrom,
            int k, long v) {
        int digits = k - digitsFrom;
        int next = at(k);
        if (digits == 19 && b[digitsFrom] != '0' && (next < 0 || ENDS_NUMBER[next])) {
            try {
                long exact = Long.parseLong(new String(b, start, k - start, StandardCharsets.ISO_8859_1));
                i = k;
                return exact;
            } catch (NumberFormatException e) {
                fail();
                return 0;
            }
        }
        // not canonical: another form only if asked for and written with a fraction, an exponent or as -0
        boolean minusZero = negative && digits == 1 && v == 0 && (next < 0 || ENDS_NUMBER[next]);
        if (otherForm == null || !(minusZero || next == '.' || next == 'e' || next == 'E')) {
            fail();
            return 0;
        }
        int end = k;
        while (end < n && end - start <= maxNumberChars && isNumberByte(b[end])) {
            end++;
        }
        next = at(end);
        if (end - start > maxNumberChars || (next >= 0 && !ENDS_NUMBER[next])) {
            fail();
            return 0;
        }
        String text = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        if (!JsonNumber.isJsonNumber(text)) {
            fail();
            return 0;
        }
        java.util.OptionalLong value = JsonNumber.of(text).integralValue();
        if (value.isEmpty()) {
            fail();
            return 0;
        }
        otherForm.accept(text);
        i = end;
        return value.getAsLong();
    }

    /**
     * Reads a string value that may hold escapes (but only ASCII bytes), such as an S3 record's payload, as a slice of
     * the document decoded on demand ({@link JsonString#utf8()}); an empty string when failed. Each escape is checked
     * as the parser checks it, so the slice decodes to what the tree path would read.
     */
    public JsonString escapedString() {
        int start = ws(i);
        if (quote != 1 || at(start) != '"') {
            fail();
            return JsonString.of("");
        }
        byte[] b = this.b;
        int limit = (int) Math.min(n, (long) start + 1 + maxStringChars + 1);
        int k = start + 1;
        while (k < limit) {
            // runs of plain bytes eight at a time, as endOfString does
            while (k + 8 <= limit) {
                long x = word(b, k);
                long flagged = (zeroBytes(x ^ QUOTES) | zeroBytes(x ^ BACKSLASHES) | ((x - CONTROLS) & ~x) | x) & HIGH;
                if (flagged != 0) {
                    k += Long.numberOfTrailingZeros(flagged) >>> 3;   // the first flagged byte
                    break;
                }
                k += 8;
            }
            if (k >= limit) {
                break;
            }
            byte c = b[k];
            if (c == '"') {
                i = k + 1;
                return JsonString.slice(b, start + 1, k);
            }
            if (c < 0x20) {   // a control or non-ASCII byte (negative)
                break;
            }
            if (c == '\\') {
                int e = at(k + 1);
                if (e == 'u') {
                    if (k + 6 > n || !hex(b[k + 2]) || !hex(b[k + 3]) || !hex(b[k + 4]) || !hex(b[k + 5])) {
                        break;
                    }
                    k += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    k += 2;
                } else {
                    break;
                }
            } else {
                k++;
            }
        }
        fail();
        return JsonString.of("");
    }

    /**
     * Returns a view that reads the content of the string value ahead as a JSON document of its own, straight from
     * the escaped bytes, without unescaping it into a copy first: an S3 record's payload event. It reads only the
     * plainest escaped form, in which the only escape is {@code \"} (a quote of the document inside) and the only
     * whitespace the space; at any other escape (a pretty-printed payload's {@code \n}, a {@code \}{@code u0022}, a
     * {@code \/}) it fails, and what it reads is then read from the unescaped text instead. What it reads is what a
     * cursor over the unescaped text would read. Its {@link #end()} is the string's closing quote; then
     * {@link #escapedString(JsonCursor)} moves this cursor past the string. It has this cursor's limits, which left
     * room for the whole document, so for the string too. This cursor reads nothing until then.
     *
     * <pre>{@code
     * JsonCursor event = c.escapedText();           // "{\"eventSource\":\"aws:kafka\", ...}" ahead
     * event.beginObject(); ... event.end();         // reads {"eventSource":"aws:kafka", ...}
     * JsonString payload = c.escapedString(event);   // the string, a slice of the document
     * }</pre>
     */
    public JsonCursor escapedText() {
        int start = ws(i);
        if (failed || quote != 1 || at(start) != '"') {
            return failedView();
        }
        return new JsonCursor(this, start + 1, n, 2);
    }

    /**
     * Reads the string value ahead, as {@link #escapedString()} does, when {@code view} ({@link #escapedText()} of
     * it) has read the document it holds to its closing quote without failing: then without scanning it again.
     */
    public JsonString escapedString(JsonCursor view) {
        int start = ws(i);
        int end = view.closedAt;
        if (view.failed || view.b != b || view.from != start + 1 || end < 0 || end - start - 1 > maxStringChars) {
            return escapedString();
        }
        i = end + 1;
        return JsonString.slice(b, start + 1, end);
    }

    private static boolean hex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Reads any JSON value through the lossless tree: its extent is found by bracket and quote counting, and its
     * bytes are then parsed on their own within {@code limits} (whose depth must leave room for where the value
     * stands). A value the parser refuses, or a limit, fails the cursor; {@link JsonNull} then.
     * For members a reader does not know, kept as the tree path keeps them.
     */
    public JsonValue value(ReadLimits limits) {
        if (failed || quote != 1) {
            fail();
            return JsonNull.INSTANCE;
        }
        // The plainest values (ASCII strings without escapes, short numbers) straight from here; any other through
        // the parser, which also says whether it is JSON at all.
        int start = i;
        JsonValue plain = plainValue(limits, limits.maxDepth());
        if (plain != null) {
            return plain;
        }
        i = start;
        byte[] bytes = valueBytes(limits.maxDepth());
        if (bytes == null) {
            return JsonNull.INSTANCE;
        }
        try {
            return Json.parse(bytes, limits);
        } catch (ReadException e) {
            fail();
            return JsonNull.INSTANCE;
        }
    }

    private byte[] valueBytes(int maxDepth) {
        if (failed) {
            return null;
        }
        int start = ws(i);
        int end = skip(start, maxDepth);
        if (end < 0) {
            fail();
            return null;
        }
        i = end;
        return Arrays.copyOfRange(b, start, end);
    }

    /**
     * Reads a value in the plainest JSON into the lossless tree, or returns null (without failing, but having moved
     * anywhere) at anything else: an escape, a non-ASCII byte, a repeated name, a limit, or {@code depthLeft} levels
     * of nesting used up. Numbers are kept as their text, as the parser keeps them.
     */
    private JsonValue plainValue(ReadLimits limits, int depthLeft) {
        int k = ws(i);
        int c = at(k);
        if (c == '{' || c == '[') {
            if (depthLeft <= 0) {
                return null;
            }
            i = k + 1;
            return c == '{' ? plainObject(limits, depthLeft - 1) : plainArray(limits, depthLeft - 1);
        }
        if (c == '"') {
            int end = endOfString(k, maxStringChars);
            if (end < 0) {
                return null;
            }
            i = end + 1;
            return JsonString.of(new String(b, k + 1, end - k - 1, StandardCharsets.ISO_8859_1));
        }
        if (c == 't' || c == 'f' || c == 'n') {
            String word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            for (int j = 1; j < word.length(); j++) {
                if (at(k + j) != word.charAt(j)) {
                    return null;
                }
            }
            i = k + word.length();
            return c == 't' ? JsonBoolean.TRUE : c == 'f' ? JsonBoolean.FALSE : JsonNull.INSTANCE;
        }
        int end = k;
        int maxNumber = maxNumberChars(limits);
        while (end < n && end - k <= maxNumber && isNumberByte(b[end])) {
            end++;
        }
        if (end == k || end - k > maxNumber) {
            return null;
        }
        String text = new String(b, k, end - k, StandardCharsets.ISO_8859_1);
        if (!JsonNumber.isJsonNumber(text)) {
            return null;
        }
        i = end;
        return JsonNumber.of(text);
    }

    private static boolean isNumberByte(byte c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    private JsonObject plainObject(ReadLimits limits, int depthLeft) {
        java.util.LinkedHashMap<String, JsonValue> members = new java.util.LinkedHashMap<>();
        for (boolean first = true; ; first = false) {
            int k = ws(i);
            if (at(k) == '}') {
                i = k + 1;
                return JsonObject.wrap(members);
            }
            if (!first) {
                if (at(k) != ',') {
                    return null;
                }
                k = ws(k + 1);
            }
            int end = endOfString(k, maxNameChars);
            if (end < 0) {
                return null;
            }
            String name = new String(b, k + 1, end - k - 1, StandardCharsets.ISO_8859_1);
            k = ws(end + 1);
            if (at(k) != ':' || members.size() >= limits.maxObjectMembers()) {
                return null;
            }
            i = k + 1;
            JsonValue v = plainValue(limits, depthLeft);
            if (v == null || members.putIfAbsent(name, v) != null) {
                return null;
            }
        }
    }

    private JsonArray plainArray(ReadLimits limits, int depthLeft) {
        java.util.ArrayList<JsonValue> elements = new java.util.ArrayList<>();
        for (boolean first = true; ; first = false) {
            int k = ws(i);
            if (at(k) == ']') {
                i = k + 1;
                return JsonArray.of(elements);
            }
            if (!first) {
                if (at(k) != ',') {
                    return null;
                }
                i = k + 1;
            }
            if (elements.size() >= limits.maxArrayElements()) {
                return null;
            }
            JsonValue v = plainValue(limits, depthLeft);
            if (v == null) {
                return null;
            }
            elements.add(v);
        }
    }

    /**
     * Returns the index after the value starting at {@code k}, found by counting brackets outside strings (the value
     * is parsed strictly afterwards), or -1 at the end of the input or deeper than {@code maxDepth}.
     */
    private int skip(int k, int maxDepth) {
        byte[] b = this.b;
        int depth = 0;
        while (k < n) {
            byte c = b[k];
            if (c == '"') {
                k++;
                while (k < n && b[k] != '"') {
                    k += b[k] == '\\' ? 2 : 1;
                }
                if (k >= n) {
                    return -1;
                }
                k++;
                if (depth == 0) {
                    return k;
                }
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    return -1;
                }
                k++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return k;   // a scalar ended by its container
                }
                k++;
                if (--depth == 0) {
                    return k;
                }
            } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                return k;
            } else {
                k++;
            }
        }
        return depth == 0 ? k : -1;
    }

    /**
     * Reads the end of the document: nothing but whitespace after the top-level value (in a view of an escaped string,
     * {@link #escapedText()}, then the string's closing quote).
     */
    public void end() {
        i = ws(i);
        if (quote != 1) {
            if (!failed && at(i) == '"') {
                closedAt = i;
            } else {
                fail();
            }
        } else if (i != n) {
            fail();
        }
    }

    /**
     * The string of the {@code length} ASCII bytes of {@code b} from {@code from}. Java 17's
     * {@code String(byte[], int, int, Charset)} is one constructor for every charset, too large for the JIT to inline,
     * so each of a record's names and values paid a call and a charset dispatch; the one-byte constructor below is
     * deprecated only because it ignores charsets, which is right for bytes already known to be ASCII.
     */
    @SuppressWarnings("deprecation")
    private static String latin1(byte[] b, int from, int length) {
        return new String(b, 0, from, length);
    }

    /** The eight bytes of {@code b} from {@code k} as a little-endian word. */
    private static long word(byte[] b, int k) {
        return (long) LONGS.get(b, k);
    }

    /** Flags (in the high bit of a byte) the zero bytes of {@code x}, exactly up to the lowest one flagged. */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x;
    }

    /**
     * Member names to look up with {@link #nameIn(Names)}, held as bytes once. Immutable.
     *
     * <pre>{@code
     * static final JsonCursor.Names NAMES = JsonCursor.Names.of("requestId", "functionArn");
     * }</pre>
     */
    public static final class Names {

        private final byte[][] bytes;
        /**
         * By name: for names of eight bytes or more, its bytes as little-endian eight-byte words from its start, the
         * last one ending where the name ends (so it may overlap the one before); for shorter names, its bytes as one
         * little-endian word and the mask of those bytes.
         */
        private final long[][] words;

        private Names(byte[][] bytes) {
            this.bytes = bytes;
            this.words = new long[bytes.length][];
            for (int k = 0; k < bytes.length; k++) {
                byte[] name = bytes[k];
                if (name.length >= 8) {
                    ByteBuffer all = ByteBuffer.wrap(name).order(ByteOrder.LITTLE_ENDIAN);
                    long[] w = new long[(name.length + 7) / 8];
                    for (int j = 0; j < w.length; j++) {
                        w[j] = all.getLong(Math.min(8 * j, name.length - 8));
                    }
                    words[k] = w;
                } else {
                    long word = 0;
                    for (int j = name.length - 1; j >= 0; j--) {
                        word = (word << 8) | (name[j] & 0xFF);
                    }
                    words[k] = new long[] {word, name.length == 0 ? 0 : -1L >>> (64 - 8 * name.length)};
                }
            }
        }

        /**
         * Returns true if {@code b} holds name {@code k} from {@code at} (the caller has checked that its length fits),
         * compared eight bytes at a time.
         */
        boolean sameAt(byte[] b, int at, int k) {
            byte[] name = bytes[k];
            int length = name.length;
            long[] w = words[k];
            if (length < 8) {
                if (at + 8 <= b.length) {   // one word, the bytes past the name masked off
                    return ((word(b, at) ^ w[0]) & w[1]) == 0;
                }
                for (int j = 0; j < length; j++) {
                    if (b[at + j] != name[j]) {
                        return false;
                    }
                }
                return true;
            }
            int last = length - 8;
            for (int j = 0; j < w.length; j++) {
                if (word(b, at + Math.min(8 * j, last)) != w[j]) {
                    return false;
                }
            }
            return true;
        }

        /** Returns the names, in order; each must be ASCII (the cursor reads no other name). */
        public static Names of(List<String> names) {
            byte[][] out = new byte[names.size()][];
            for (int k = 0; k < out.length; k++) {
                String name = names.get(k);
                for (int j = 0; j < name.length(); j++) {
                    if (name.charAt(j) >= 0x80) {
                        throw new IllegalArgumentException("not an ASCII name: " + name);
                    }
                }
                out[k] = name.getBytes(StandardCharsets.US_ASCII);
            }
            return new Names(out);
        }

        /** Returns the names, in order; each must be ASCII. */
        public static Names of(String... names) {
            return of(List.of(names));
        }

        /** Returns how many names there are. */
        public int size() {
            return bytes.length;
        }
    }
}
