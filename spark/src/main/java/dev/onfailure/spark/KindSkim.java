package dev.onfailure.spark;

import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Kind;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of the record a document holds, found in one pass over its bytes without building a tree: for queries
 * that ask for no member of a record ({@code kind, count(*)}), where parsing each document into a tree cost more
 * than validating it.
 *
 * <p>It answers only where it is sure to agree with the tree path ({@code Json.parse} and the walk of
 * {@link RowMaker}): a document in the plainest JSON (ASCII only, member names without escapes, no name twice in one
 * object, every limit of {@link ReadLimits} with room to spare) that is a record outside any envelope, or holds no
 * record and could be no envelope. At anything else, well-formed or not, it says {@link Verdict#UNSURE} as soon as it
 * sees it, and the tree path decides; so, like {@code JsonCursor}, it only has to be right about what it answers.
 * Which kind a record is follows {@code RecordCodec.kindOf}: {@code KafkaBatchInfo} makes it a record; a
 * {@code payload} an S3 record, or a Kafka-topic record when {@code KafkaBatchInfo} is an object with
 * {@code recordInfo} and without {@code recordsInfo} and the payload is no string.
 *
 * <pre>{@code
 * KindSkim skim = new KindSkim(ReadLimits.defaults());
 * skim.verdict(bytes);   // Verdict.S3 for an S3 record; Verdict.UNSURE for an SQS event: read it as a tree
 * }</pre>
 *
 * <p>One instance per thread (it reuses its arrays from one document to the next).
 */
final class KindSkim {

    /** What the skim found. */
    enum Verdict {
        /** Not answered: read the document as a tree. */
        UNSURE(null),
        /** Well-formed JSON that holds no record and is no envelope: one row without a kind. */
        NONE(null),
        /** An SQS/SNS record. */
        SQS_SNS(Kind.SQS_SNS),
        /** An S3 record. */
        S3(Kind.S3),
        /** A Kafka-topic record. */
        TOPIC(Kind.TOPIC);

        private final Kind kind;

        Verdict(Kind kind) {
            this.kind = kind;
        }

        /** The record's kind; empty for {@link #NONE} (and {@link #UNSURE}, which has no row). */
        Optional<Kind> kind() {
            return Optional.ofNullable(kind);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long CONTROLS = ONES * 0x20;

    /** Up to this many members an object's names are compared one by one; beyond, sorted by hash when it closes. */
    private static final int LINEAR_NAMES = 16;
    /** The most names of one object with one hash compared with each other; more are left to the tree path. */
    private static final int MAX_SAME_HASH = 8;

    /** What a container is to the kind: nothing, the root object, or the root's {@code KafkaBatchInfo} object. */
    private static final byte PLAIN = 0;
    private static final byte ROOT = 1;
    private static final byte BATCH_INFO = 2;

    /** What the member whose value is read next is to the kind. */
    private static final int OTHER = 0;
    private static final int KAFKA_BATCH_INFO = 1;
    private static final int PAYLOAD = 2;

    private static final byte[] N_KAFKA_BATCH_INFO = ascii("KafkaBatchInfo");
    private static final byte[] N_PAYLOAD = ascii("payload");
    private static final byte[] N_RECORD_INFO = ascii("recordInfo");
    private static final byte[] N_RECORDS_INFO = ascii("recordsInfo");
    private static final byte[] N_TYPE = ascii("Type");
    private static final byte[] N_RECORDS = ascii("Records");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    private final long maxDocumentBytes;
    private final long maxStringChars;
    private final long maxNameChars;
    /**
     * The longest number: within the limit on numbers, and on strings too, since the tree path takes a number's text
     * from the parser, which holds that text to the limit on strings.
     */
    private final long maxNumberChars;
    private final int maxDepth;
    private final long maxObjectMembers;
    private final long maxArrayElements;
    private final long maxTokens;

    private byte[] b;
    private int n;

    /** Per open container: object or array, its role, its members or elements so far, where its names start. */
    private boolean[] isObject = new boolean[16];
    private byte[] role = new byte[16];
    private int[] count = new int[16];
    private int[] namesFrom = new int[16];

    /** The names of the open objects, innermost last: where each starts, its length and hash. */
    private int[] nameStart = new int[64];
    private int[] nameLength = new int[64];
    private int[] nameHash = new int[64];
    private int names;
    private long[] sortKeys = new long[0];

    private boolean batchInfo;
    private boolean batchInfoObject;
    private boolean recordInfo;
    private boolean recordsInfo;
    private boolean payload;
    private boolean payloadString;

    KindSkim(ReadLimits limits) {
        this.maxDocumentBytes = limits.maxDocumentBytes();
        this.maxStringChars = limits.maxStringChars();
        this.maxNameChars = limits.maxNameChars();
        this.maxNumberChars = Math.min(limits.maxNumberChars(), limits.maxStringChars());
        this.maxDepth = limits.maxDepth();
        this.maxObjectMembers = limits.maxObjectMembers();
        this.maxArrayElements = limits.maxArrayElements();
        this.maxTokens = limits.maxTokens();
    }

    /** The verdict on the UTF-8 document {@code bytes} (not changed, not kept). */
    Verdict verdict(byte[] bytes) {
        if (bytes.length > maxDocumentBytes) {
            return Verdict.UNSURE;
        }
        b = bytes;
        n = bytes.length;
        names = 0;
        batchInfo = false;
        batchInfoObject = false;
        recordInfo = false;
        recordsInfo = false;
        payload = false;
        payloadString = false;
        try {
            return read();
        } finally {
            b = null;
        }
    }

    private Verdict read() {
        int depth = 0;
        long tokens = 0;
        int member = OTHER;
        boolean rootObject = false;
        int i = ws(0);
        // Each turn reads one value at i (scalar or a container's opening), then as many closings, commas and names
        // as follow it, up to the next value.
        while (true) {
            if (++tokens >= maxTokens || i >= n) {
                return Verdict.UNSURE;
            }
            int c = b[i];
            if (member == KAFKA_BATCH_INFO) {
                batchInfoObject = c == '{';
            } else if (member == PAYLOAD) {
                payloadString = c == '"';
            }
            if (c == '{' || c == '[') {
                if (depth + 1 >= maxDepth) {
                    return Verdict.UNSURE;
                }
                if (depth == isObject.length) {
                    grow();
                }
                isObject[depth] = c == '{';
                role[depth] = c == '[' ? PLAIN : depth == 0 ? ROOT : member == KAFKA_BATCH_INFO ? BATCH_INFO : PLAIN;
                count[depth] = 0;
                namesFrom[depth] = names;
                rootObject |= depth == 0 && c == '{';
                depth++;
                i = ws(i + 1);
                int close = c == '{' ? '}' : ']';
                if (i < n && b[i] == close) {
                    depth--;
                    i++;
                    tokens++;
                } else if (c == '{') {
                    i = name(i, depth - 1);
                    if (i < 0) {
                        return Verdict.UNSURE;
                    }
                    member = memberRole(depth - 1);
                    tokens++;
                    continue;
                } else {
                    count[depth - 1] = 1;
                    if (1 >= maxArrayElements) {
                        return Verdict.UNSURE;
                    }
                    member = OTHER;
                    continue;
                }
            } else if (c == '"') {
                i = string(i);
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i = number(i);
            } else if (c == 't') {
                i = literal(i, TRUE);
            } else if (c == 'f') {
                i = literal(i, FALSE);
            } else if (c == 'n') {
                i = literal(i, NULL);
            } else {
                return Verdict.UNSURE;
            }
            if (i < 0) {
                return Verdict.UNSURE;
            }
            // after a value: closings and a comma, then a name or the next element
            member = OTHER;
            while (true) {
                i = ws(i);
                if (depth == 0) {
                    return i == n ? decide(rootObject) : Verdict.UNSURE;
                }
                int top = depth - 1;
                int k = i < n ? b[i] : -1;
                if (k == ',') {
                    i = ws(i + 1);
                    if (isObject[top]) {
                        i = name(i, top);
                        if (i < 0) {
                            return Verdict.UNSURE;
                        }
                        member = memberRole(top);
                    } else if (++count[top] >= maxArrayElements) {
                        return Verdict.UNSURE;
                    }
                    tokens++;
                    break;
                }
                if (k != (isObject[top] ? '}' : ']') || ++tokens >= maxTokens) {
                    return Verdict.UNSURE;
                }
                if (isObject[top] && count[top] > LINEAR_NAMES && repeats(namesFrom[top], names)) {
                    return Verdict.UNSURE;
                }
                names = namesFrom[top];
                depth--;
                i++;
            }
        }
    }

    /** What the verdict is once the whole document was read without doubt. */
    private Verdict decide(boolean rootObject) {
        if (!rootObject || !batchInfo) {
            return Verdict.NONE;
        }
        if (batchInfoObject && recordInfo && !recordsInfo && payload && !payloadString) {
            return Verdict.TOPIC;
        }
        return payload ? Verdict.S3 : Verdict.SQS_SNS;
    }

    /**
     * Reads a member name at {@code i} and its colon, in the object open at {@code top}; returns the index after the
     * colon (its whitespace skipped), or -1 when the name is not plain, too long, repeated, one an envelope has, or
     * the object has members to its limit.
     */
    private int name(int i, int top) {
        if (i >= n || b[i] != '"' || ++count[top] >= maxObjectMembers) {
            return -1;
        }
        int start = i + 1;
        int h = 0;
        int k = start;
        while (true) {
            if (k >= n) {
                return -1;
            }
            int c = b[k];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\' || c == 0x7F) {   // negative: not ASCII
                return -1;
            }
            h = 31 * h + c;
            k++;
        }
        int length = k - start;
        if (length > maxNameChars || seen(top, start, length, h)) {
            return -1;
        }
        if (names == nameStart.length) {
            nameStart = Arrays.copyOf(nameStart, names * 2);
            nameLength = Arrays.copyOf(nameLength, names * 2);
            nameHash = Arrays.copyOf(nameHash, names * 2);
        }
        nameStart[names] = start;
        nameLength[names] = length;
        nameHash[names] = h;
        names++;
        if (role[top] == ROOT && (is(start, length, N_TYPE) || is(start, length, N_RECORDS))) {
            return -1;   // perhaps an envelope, whose messages the tree path unwraps
        }
        k = ws(k + 1);
        if (k >= n || b[k] != ':') {
            return -1;
        }
        return ws(k + 1);
    }

    /** What the member just named in the object open at {@code top} is to the kind, noting what it tells. */
    private int memberRole(int top) {
        int last = names - 1;
        int start = nameStart[last];
        int length = nameLength[last];
        if (role[top] == ROOT) {
            if (is(start, length, N_KAFKA_BATCH_INFO)) {
                batchInfo = true;
                return KAFKA_BATCH_INFO;
            }
            if (is(start, length, N_PAYLOAD)) {
                payload = true;
                return PAYLOAD;
            }
        } else if (role[top] == BATCH_INFO) {
            recordInfo |= is(start, length, N_RECORD_INFO);
            recordsInfo |= is(start, length, N_RECORDS_INFO);
        }
        return OTHER;
    }

    /** Whether the object open at {@code top} already has the name at {@code start} (one by one while it is small). */
    private boolean seen(int top, int start, int length, int hash) {
        if (count[top] > LINEAR_NAMES) {
            return false;   // checked when the object closes
        }
        for (int j = namesFrom[top]; j < names; j++) {
            if (nameHash[j] == hash && nameLength[j] == length && same(nameStart[j], start, length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two of the names {@code from} to {@code to} (one large object's) may be the same: sorted by hash, the
     * names of each hash compared; more than {@link #MAX_SAME_HASH} names of one hash (made so on purpose) count as a
     * repeat, so that no input makes this quadratic.
     */
    private boolean repeats(int from, int to) {
        int m = to - from;
        if (sortKeys.length < m) {
            sortKeys = new long[Math.max(m, sortKeys.length * 2)];
        }
        for (int j = 0; j < m; j++) {
            sortKeys[j] = ((long) nameHash[from + j] << 32) | j;
        }
        Arrays.sort(sortKeys, 0, m);
        for (int j = 0; j < m; ) {
            int hash = (int) (sortKeys[j] >>> 32);
            int end = j + 1;
            while (end < m && (int) (sortKeys[end] >>> 32) == hash) {
                end++;
            }
            if (end - j > MAX_SAME_HASH) {
                return true;
            }
            for (int x = j; x < end; x++) {
                for (int y = x + 1; y < end; y++) {
                    int p = from + (int) sortKeys[x];
                    int q = from + (int) sortKeys[y];
                    if (nameLength[p] == nameLength[q] && same(nameStart[p], nameStart[q], nameLength[p])) {
                        return true;
                    }
                }
            }
            j = end;
        }
        return false;
    }

    private boolean same(int x, int y, int length) {
        return Arrays.equals(b, x, x + length, b, y, y + length);
    }

    private boolean is(int start, int length, byte[] name) {
        return length == name.length && Arrays.equals(b, start, start + length, name, 0, length);
    }

    /**
     * Reads a string value at {@code i}; returns the index after its closing quote, or -1 at anything not plain: a
     * byte outside ASCII, a raw control character, an escape other than the simple ones and a {@code \\u} escape of a
     * character that is no surrogate, or more bytes than the limit on characters.
     */
    private int string(int i) {
        byte[] b = this.b;
        int n = this.n;
        int start = i + 1;
        int k = start;
        while (true) {
            while (k + 8 <= n) {
                long x = (long) LONGS.get(b, k);
                long special = zeroBytes(x ^ QUOTES) | zeroBytes(x ^ BACKSLASHES) | ((x - CONTROLS) & ~x) | x;
                special &= HIGH;
                if (special != 0) {
                    k += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                k += 8;
            }
            if (k >= n) {
                return -1;
            }
            int c = b[k];
            if (c == '"') {
                return k - start > maxStringChars ? -1 : k + 1;
            }
            if (c == '\\') {
                if (k + 1 >= n) {
                    return -1;
                }
                int e = b[k + 1];
                if (e == 'u') {
                    if (k + 6 > n || !hex(b[k + 2]) || !hex(b[k + 3]) || !hex(b[k + 4]) || !hex(b[k + 5])
                            || ((b[k + 2] | 0x20) == 'd' && (b[k + 3] | 0x20) >= '8')) {
                        return -1;   // a surrogate (d800 to dfff) is left to the tree path
                    }
                    k += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    k += 2;
                } else {
                    return -1;
                }
                continue;
            }
            if (c < 0x20) {   // also negative: a byte outside ASCII
                return -1;
            }
            k++;   // an ordinary byte among the last seven, read one at a time
        }
    }

    /**
     * Reads a number at {@code i} as RFC 8259 writes it; returns the index after it, or -1 when it is not one or is
     * longer than the limit (on numbers or on strings: see {@link #maxNumberChars}).
     */
    private int number(int i) {
        int k = i;
        if (at(k) == '-') {
            k++;
        }
        if (at(k) == '0') {
            k++;
        } else if (digit(at(k))) {
            while (digit(at(k))) {
                k++;
            }
        } else {
            return -1;
        }
        if (at(k) == '.') {
            k++;
            if (!digit(at(k))) {
                return -1;
            }
            while (digit(at(k))) {
                k++;
            }
        }
        if (at(k) == 'e' || at(k) == 'E') {
            k++;
            if (at(k) == '+' || at(k) == '-') {
                k++;
            }
            if (!digit(at(k))) {
                return -1;
            }
            while (digit(at(k))) {
                k++;
            }
        }
        return k - i > maxNumberChars ? -1 : k;
    }

    /** Reads {@code word} at {@code i}; returns the index after it, or -1. */
    private int literal(int i, byte[] word) {
        for (int j = 0; j < word.length; j++) {
            if (at(i + j) != word[j]) {
                return -1;
            }
        }
        return i + word.length;
    }

    private int at(int k) {
        return k < n ? b[k] : -1;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hex(byte c) {
        int l = c | 0x20;
        return (c >= '0' && c <= '9') || (l >= 'a' && l <= 'f');
    }

    /** The index of the first byte at or after {@code k} that is not JSON whitespace. */
    private int ws(int k) {
        while (k < n) {
            byte c = b[k];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return k;
            }
            k++;
        }
        return k;
    }

    /** Flags (in the high bit of a byte) the zero bytes of {@code x}, exactly up to the lowest one flagged. */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x;
    }

    private void grow() {
        int size = isObject.length * 2;
        isObject = Arrays.copyOf(isObject, size);
        role = Arrays.copyOf(role, size);
        count = Arrays.copyOf(count, size);
        namesFrom = Arrays.copyOf(namesFrom, size);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
