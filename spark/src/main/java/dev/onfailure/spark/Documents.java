package dev.onfailure.spark;

import dev.onfailure.json.NdjsonLines;
import dev.onfailure.json.ReadLimits;
import java.io.IOException;
import java.io.InputStream;

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
        return endsWith(name, ".json") || isNdjson(name);
    }

    /** Whether a file is read as NDJSON: {@code *.ndjson}, {@code *.jsonl}, in any case (asked once per file read). */
    static boolean isNdjson(String name) {
        return endsWith(name, ".ndjson") || endsWith(name, ".jsonl");
    }

    /**
     * {@code name.toLowerCase(Locale.ROOT).endsWith(suffix)} for a lower-case ASCII suffix, without a copy: only the
     * letter itself and its ASCII capital lower-case to it ({@code regionMatches} with case ignored would also take
     * U+017F, the long s, for an s).
     */
    private static boolean endsWith(String name, String suffix) {
        int off = name.length() - suffix.length();
        if (off < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = name.charAt(off + i);
            char s = suffix.charAt(i);
            if (c != s && c != Character.toUpperCase(s)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the documents of {@code in} (not closed), one at a time; NDJSON is split by {@link NdjsonLines}, as the
     * command splits it.
     */
    static Reader of(String source, boolean ndjson, InputStream in, ReadLimits limits) {
        if (!ndjson) {
            int cap = cap(limits);
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
        NdjsonLines lines = NdjsonLines.over(in, limits);
        return () -> lines.next() ? new Document(source + ":" + lines.lineNumber(), lines.document()) : null;
    }

    /** The one document of a file already read whole (at most {@link #cap} bytes). */
    static Reader whole(String source, byte[] bytes) {
        return new Reader() {
            private boolean done;

            @Override
            public Document next() {
                if (done) {
                    return null;
                }
                done = true;
                return new Document(source, bytes);
            }
        };
    }

    /** The most of a one-document file that is read: one byte past the limit, enough to report {@code json.limit}. */
    static int cap(ReadLimits limits) {
        return (int) Math.min(Integer.MAX_VALUE - 16, limits.maxDocumentBytes() + 1);
    }
}
