package dev.onfailure.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a file into documents as {@code onfailure validate} does: a {@code .ndjson}/{@code .jsonl} file holds one
 * document per non-blank line ({@code <path>:<line>}), any other file is one document. A document is read at most to
 * one byte past the limit, enough for the reader to report {@code json.limit}, so nothing is ever read whole twice
 * and an endless line never fills the heap.
 */
final class Documents {

    /** A document and where it came from. */
    record Document(String source, byte[] bytes) {
    }

    /** Documents read one at a time. */
    interface Reader {
        /** Returns the next document, or null at the end. @throws IOException when the stream fails */
        Document next() throws IOException;
    }

    private Documents() {
    }

    /** Whether a file found below a directory is read: {@code *.json}, {@code *.ndjson}, {@code *.jsonl}. */
    static boolean isRecordFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    static boolean isNdjson(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    /**
     * Returns the documents of {@code in} (not closed), one at a time; {@code maxBytes} is the document limit.
     */
    static Reader of(String source, boolean ndjson, InputStream in, long maxBytes) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        if (!ndjson) {
            return new Reader() {
                private boolean done;

                @Override
                public Document next() throws IOException {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return new Document(source, in.readNBytes(cap));
                }
            };
        }
        return new Lines(source, in, cap);
    }

    /** Non-blank lines; a line past the cap keeps its first {@code cap} bytes, blank only if all of it is. */
    private static final class Lines implements Reader {
        private final String source;
        private final InputStream in;
        private final int cap;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private boolean done;
        private byte[] line = new byte[1 << 12];
        private int length;
        private boolean cutContent;
        private int number;

        Lines(String source, InputStream in, int cap) {
            this.source = source;
            this.in = in;
            this.cap = cap;
        }

        @Override
        public Document next() throws IOException {
            while (!done) {
                Document d = line();
                if (d != null) {
                    return d;
                }
            }
            return null;
        }

        /** Reads one line: its document, or null when it is blank (or there is none). */
        private Document line() throws IOException {
            length = 0;
            cutContent = false;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(buffer);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        done = true;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                int end = pos;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                any = true;
                append(pos, end);
                if (end < limit) {
                    pos = end + 1;
                    break;
                }
                pos = end;
            }
            number++;
            if (isBlank(line, 0, length) && !cutContent) {
                return null;
            }
            return new Document(source + ":" + number, Arrays.copyOf(line, length));
        }
        private void append(int from, int to) {
            int n = Math.min(to - from, cap - length);
            if (n < to - from && !cutContent) {
                cutContent = !isBlank(buffer, from + Math.max(n, 0), to);
            }
            if (n <= 0) {
                return;
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(length + n, Math.min(cap, line.length * 2)));
            }
            System.arraycopy(buffer, from, line, length, n);
            length += n;
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
}
