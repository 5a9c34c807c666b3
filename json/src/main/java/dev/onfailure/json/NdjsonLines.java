package dev.onfailure.json;

import dev.onfailure.json.internal.Newlines;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a stream into NDJSON documents: each line (the bytes up to a {@code \n}, or to the end of the stream) that is
 * not blank is one document, numbered by its line, blank lines counted. A {@code \r} before the {@code \n} stays in the
 * document, where JSON reads it as whitespace; a line is blank when every byte of it is whitespace
 * ({@link Character#isWhitespace(int)}).
 *
 * <p>No line is ever held whole past the document limit: a longer line keeps only its first
 * {@link ReadLimits#maxDocumentBytes()}{@code  + 1} bytes, enough for {@link Json#parse(byte[], ReadLimits)} to refuse
 * it with {@link ReadException.Problem#LIMIT} (the validator's {@code json.limit}), so an endless line cannot fill the
 * heap. Such a line is still blank only if all of it is, what lies past the cut included.
 *
 * <p>The stream is read in 64 KiB chunks and is never closed here; line ends are searched eight bytes at a time, and a
 * line that lies whole in the chunk is copied once, straight into its document. One reader is for one stream and one
 * thread.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(path)) {
 *     NdjsonLines lines = NdjsonLines.over(in, ReadLimits.defaults());
 *     while (lines.next()) {
 *         JsonValue doc = Json.parse(lines.document());
 *         System.out.println(path + ":" + lines.lineNumber() + " " + doc);
 *     }
 * }
 * }</pre>
 */
public final class NdjsonLines {

    private final InputStream in;
    /** The most bytes a document keeps: the limit and one more. */
    private final int cap;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    /** A line that spans chunks (or is longer than the cap), collected up to the cap. */
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    /** Whether the current line has something other than whitespace past the cap (where it is cut). */
    private boolean cutContent;
    private int lineNumber;
    private byte[] document;
    private boolean done;

    private NdjsonLines(InputStream in, ReadLimits limits) {
        this.in = in;
        this.cap = (int) Math.min(Integer.MAX_VALUE - 16, limits.maxDocumentBytes() + 1);
    }

    /** Returns a reader of the documents in {@code in}, each cut one byte past {@code limits}' document size. */
    public static NdjsonLines over(InputStream in, ReadLimits limits) {
        return new NdjsonLines(Objects.requireNonNull(in, "in"), Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Moves to the next document, past any blank lines.
     *
     * @return false at the end of the stream (and from then on, also after this method has thrown)
     * @throws IOException when the stream fails; {@link #lineNumber()} is then the number of lines read whole before
     */
    public boolean next() throws IOException {
        document = null;
        try {
            while (!done) {
                if (line()) {
                    return true;
                }
            }
        } catch (IOException e) {
            done = true;
            throw e;
        }
        return false;
    }

    /**
     * Returns the current document: its line without the {@code \n}, at most the limit and one byte long. The array is
     * the caller's; it is made once per document.
     *
     * @throws IllegalStateException when {@link #next()} has not just returned true
     */
    public byte[] document() {
        if (document == null) {
            throw new IllegalStateException("no current document: next() did not return true");
        }
        return document;
    }

    /**
     * Returns the current document's line, from 1, blank lines counted; at the end of the stream, the number of lines
     * it has (0 before the first call to {@link #next()}).
     */
    public int lineNumber() {
        return lineNumber;
    }

    /** Reads one line: true when it is a document, false when it is blank or there is none. */
    private boolean line() throws IOException {
        lineLength = 0;
        cutContent = false;
        boolean ended = false;
        while (!ended) {
            if (pos == limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    done = true;
                    break;
                }
            }
            int end = Newlines.find(buffer, pos, limit);
            if (lineLength == 0 && end < limit && end - pos <= cap) {
                // the whole line is in the buffer: copied once, straight into its document
                int start = pos;
                pos = end + 1;
                lineNumber++;
                if (isBlank(buffer, start, end)) {
                    return false;
                }
                document = Arrays.copyOfRange(buffer, start, end);
                return true;
            }
            append(pos, end);
            ended = end < limit;
            pos = ended ? end + 1 : end;
        }
        if (done && !ended && lineLength == 0) {
            return false;   // nothing after the last newline
        }
        lineNumber++;
        if (isBlank(line, 0, lineLength) && !cutContent) {
            return false;
        }
        document = Arrays.copyOf(line, lineLength);
        return true;
    }

    private void append(int from, int to) {
        int n = Math.min(to - from, cap - lineLength);
        if (n < to - from && !cutContent) {
            // past the cap: dropped, but a line is blank only if all of it is
            cutContent = !isBlank(buffer, from + Math.max(n, 0), to);
        }
        if (n <= 0) {
            return;
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + n, Math.min(cap, line.length * 2)));
        }
        System.arraycopy(buffer, from, line, lineLength, n);
        lineLength += n;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }
}
