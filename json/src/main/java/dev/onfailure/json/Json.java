package dev.onfailure.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes any JSON document losslessly.
 *
 * <p>Reading is strict RFC 8259 JSON: no comments, no trailing commas, no {@code NaN}, no leading zeros, nothing after
 * the document, and no repeated member names; {@link ReadLimits} bound the work. A UTF-8 byte-order mark before the
 * document is skipped, as RFC 8259 allows. Every problem is a {@link ReadException} with a line and column.
 *
 * <pre>{@code
 * JsonValue doc = Json.parse(Files.readAllBytes(path));
 * String sorted = Json.write(doc, WriteOptions.of(KeyOrder.SORTED, Layout.PRETTY));
 * }</pre>
 */
public final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** Parses {@code text} with the default limits. */
    public static JsonValue parse(String text) {
        return parse(text, ReadLimits.defaults());
    }

    /** Parses {@code text} within {@code limits}. */
    public static JsonValue parse(String text, ReadLimits limits) {
        checkSize(text.length(), limits, "characters");
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        try {
            return TreeReader.read(limits.factory().createParser(body), limits, (CharSequence) body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses UTF-8 {@code bytes} with the default limits. */
    public static JsonValue parse(byte[] bytes) {
        return parse(bytes, ReadLimits.defaults());
    }

    /** Parses UTF-8 {@code bytes} within {@code limits}. */
    public static JsonValue parse(byte[] bytes, ReadLimits limits) {
        checkSize(bytes.length, limits, "bytes");
        checkUtf8(bytes, bytes.length);
        byte[] read = onlyBom(bytes, bytes.length) ? new byte[0] : bytes;
        try {
            return TreeReader.read(parser(limits, () -> limits.factory().createParser(read)), limits, read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the UTF-8 document in {@code in} within {@code limits}; reading stops as soon as a limit is exceeded.
     * The stream is not closed.
     *
     * @throws IOException when the stream fails
     */
    public static JsonValue parse(InputStream in, ReadLimits limits) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 4);
        byte[] head = peek.readNBytes(4);
        peek.unread(head);
        checkUtf8(head, head.length);
        if (onlyBom(head, head.length)) {
            return TreeReader.read(parser(limits, () -> limits.factory().createParser(new byte[0])), limits);
        }
        return TreeReader.read(parser(limits, () -> limits.factory().createParser(peek)), limits);
    }

    /**
     * Whether the input is a UTF-8 byte-order mark and nothing else: Jackson looks for the mark only in an input of
     * four bytes or more, and would read these three as the character U+FEFF, where a mark followed by anything is
     * skipped; so they are read as the empty document they are.
     */
    private static boolean onlyBom(byte[] head, int length) {
        return length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
    }

    /** A parser factory call; Jackson detects the encoding while creating the parser, and may fail there. */
    private interface ParserSupplier {
        JsonParser get() throws IOException;
    }

    private static JsonParser parser(ReadLimits limits, ParserSupplier supplier) throws IOException {
        try {
            return supplier.get();
        } catch (CharConversionException | JsonProcessingException e) {
            // Jackson's own message, without the location it appends (the document starts at line 1, column 1)
            String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new ReadException(ReadException.Problem.SYNTAX, "the input is not valid UTF-8 text: " + m, "", 1, 1);
        }
    }

    /**
     * RFC 8259 requires UTF-8. Jackson would otherwise guess UTF-16 or UTF-32 from zero bytes at the start and read
     * something else entirely; refuse such input plainly instead.
     */
    private static void checkUtf8(byte[] head, int length) {
        int n = Math.min(4, length);
        boolean utf16Bom = n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
        boolean zero = false;
        for (int i = 0; i < n; i++) {
            zero |= head[i] == 0;
        }
        if (utf16Bom || zero) {
            throw new ReadException(ReadException.Problem.SYNTAX, "the input is not UTF-8 text (it starts like UTF-16"
                    + " or UTF-32, or with a NUL byte); JSON must be UTF-8 (RFC 8259 section 8.1)", "", 1, 1);
        }
    }

    /** Parses the UTF-8 document in {@code in} with the default limits. The stream is not closed. */
    public static JsonValue parse(InputStream in) throws IOException {
        return parse(in, ReadLimits.defaults());
    }

    /** Parses the file {@code path} within {@code limits}. */
    public static JsonValue parse(Path path, ReadLimits limits) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, limits);
        }
    }

    /** Parses the file {@code path} with the default limits. */
    public static JsonValue parse(Path path) throws IOException {
        return parse(path, ReadLimits.defaults());
    }

    /** Writes {@code value} compactly, members in the order the value holds. */
    public static String write(JsonValue value) {
        return write(value, WriteOptions.COMPACT);
    }

    /** Writes {@code value} as {@code options} say. */
    public static String write(JsonValue value, WriteOptions options) {
        StringBuilder out = new StringBuilder(256);
        TreeWriter.write(value, options, out);
        return out.toString();
    }

    /** Writes {@code value} as UTF-8 bytes, as {@code options} say. */
    public static byte[] writeBytes(JsonValue value, WriteOptions options) {
        return write(value, options).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns {@code s} as a JSON string literal, quotes included: {@link #appendString} into a new string. */
    public static String quote(String s) {
        return appendString(new StringBuilder(s.length() + 2), s).toString();
    }

    /**
     * Appends {@code s} to {@code out} as a JSON string literal, quotes included, and returns {@code out}: the one
     * string escaping of this module (the tree writer and {@link #quote} use it), for code that writes JSON text
     * directly, without building a tree first.
     *
     * <p>The literal is exact and as short as RFC 8259 allows: {@code "} and {@code \} are escaped, as are the
     * control characters U+0000 to U+001F ({@code \b \f \n \r \t} by name, the others as lower-case
     * <code>&#92;u00xx</code>). A lone surrogate (one not part of a high-low pair) is written as a
     * <code>&#92;uxxxx</code> escape, so the text stays valid UTF-8 once encoded and reads back as the same
     * {@code String}. Everything else is written as it is: surrogate pairs, {@code /}, U+007F, and U+2028 and U+2029
     * (JSON allows both unescaped, and so does JavaScript since ES2019).
     *
     * <pre>{@code
     * StringBuilder line = new StringBuilder("{\"message\":");
     * Json.appendString(line, "tab\tand \"quotes\"").append('}');
     * // line is now {"message":"tab\tand \"quotes\""}
     * }</pre>
     */
    public static StringBuilder appendString(StringBuilder out, String s) {
        out.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append('\\').append('u').append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return out.append(s, start, n).append('"');
    }

    /**
     * Refuses a document over the limit. Readers of files, objects and messages stop one unit past the limit, so a
     * size of exactly one more says only that the document is over it, not how long it is.
     */
    private static void checkSize(long size, ReadLimits limits, String unit) {
        long limit = limits.maxDocumentBytes();
        if (size > limit) {
            String of = limit + " " + unit + (limit % (1 << 20) == 0 ? " (" + (limit >> 20) + " MiB)" : "");
            throw new ReadException(ReadException.Problem.LIMIT, size == limit + 1
                    ? "the document is over the limit of " + of
                    : "the document is " + size + " " + unit + " long, over the limit of " + of, "", 0, 0);
        }
    }
}
