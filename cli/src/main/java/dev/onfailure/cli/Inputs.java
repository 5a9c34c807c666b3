package dev.onfailure.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Turns the command line's paths into a stream of documents to check: a file is one document, each non-blank line
 * of an {@code .ndjson}/{@code .jsonl} file is one, a directory is every such file below it (sorted, so output is
 * stable), and {@code -} or no path is standard input (NDJSON when its first line is a whole JSON object followed by
 * more). Inputs that cannot be read become {@link Unit}s with an error instead of data, so nothing is skipped silently.
 */
final class Inputs {

    /** The name of standard input in sources. */
    static final String STDIN = "<stdin>";

    /**
     * One document to check.
     *
     * @param source  where it came from: {@code path} or {@code path:line}
     * @param path    the file, or {@link #STDIN}
     * @param line    the 1-based line for NDJSON, 0 for a whole file
     * @param data    the document's bytes, or null when it could not be read
     * @param problem why it could not be read, or null
     */
    record Unit(String source, String path, int line, byte[] data, String problem) {
    }

    private Inputs() {
    }

    /** Returns the units of {@code paths} lazily, in order; an empty list means standard input. */
    static Iterator<Unit> units(List<String> paths, InputStream stdin, long maxBytes) {
        return units(paths, stdin, maxBytes, arg -> java.util.Optional.empty());
    }

    /**
     * Returns the units of {@code paths} lazily, in order; an argument that {@code locations} resolves (an
     * {@code s3://}, {@code sqs://} or {@code kafka://} location, see {@link Remote}) gives the units it returns.
     */
    static Iterator<Unit> units(List<String> paths, InputStream stdin, long maxBytes,
            java.util.function.Function<String, java.util.Optional<Iterator<Unit>>> locations) {
        List<String> args = paths.isEmpty() ? List.of("-") : paths;
        List<Iterator<Unit>> parts = new ArrayList<>();
        for (String arg : args) {
            parts.add(new LazyIterator(() -> locations.apply(arg).orElseGet(() -> expand(arg, stdin, maxBytes))));
        }
        return concat(parts);
    }

    private static Iterator<Unit> expand(String arg, InputStream stdin, long maxBytes) {
        if (arg.equals("-")) {
            return stdin(stdin, maxBytes);
        }
        Path path = Path.of(arg);
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            List<Unit> problems = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> !Files.isDirectory(p) && isRecordFile(p)).sorted().forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(new Unit(arg, arg, 0, null, "cannot list the directory: " + message(e)));
            }
            List<Iterator<Unit>> parts = new ArrayList<>();
            parts.add(problems.iterator());
            for (Path f : files) {
                parts.add(new LazyIterator(() -> file(f, maxBytes)));
            }
            return concat(parts);
        }
        return file(path, maxBytes);
    }

    static boolean isRecordFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    private static boolean isNdjson(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    private static Iterator<Unit> file(Path path, long maxBytes) {
        String name = path.toString();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new Unit(name, name, 0, null, "no such file")).iterator();
        }
        if (!Files.exists(path)) {
            return List.of(new Unit(name, name, 0, null, "a broken symbolic link")).iterator();
        }
        if (!Files.isRegularFile(path)) {
            return List.of(new Unit(name, name, 0, null, "not a regular file")).iterator();
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            if (isNdjson(path)) {
                return new LineIterator(in, name, maxBytes);
            }
            try (in) {
                return List.of(new Unit(name, name, 0, readCapped(in, maxBytes), null)).iterator();
            }
        } catch (IOException e) {
            return List.of(new Unit(name, name, 0, null, "cannot read: " + message(e))).iterator();
        }
    }

    private static Iterator<Unit> stdin(InputStream in, long maxBytes) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(1 << 16);
            byte[] head = buffered.readNBytes((1 << 16) - 1);
            buffered.reset();
            if (looksLikeNdjson(head)) {
                return new LineIterator(buffered, STDIN, maxBytes);
            }
            return List.of(new Unit(STDIN, STDIN, 0, readCapped(buffered, maxBytes), null)).iterator();
        } catch (IOException e) {
            return List.of(new Unit(STDIN, STDIN, 0, null, "cannot read standard input: " + message(e))).iterator();
        }
    }

    /** NDJSON when the first line is a complete JSON object (brace-balanced outside strings) and more follows. */
    static boolean looksLikeNdjson(byte[] head) {
        int depth = 0;
        boolean inString = false;
        boolean started = false;
        for (int i = 0; i < head.length; i++) {
            byte b = head[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            if (b == '\n') {
                if (started && depth == 0) {
                    for (int j = i + 1; j < head.length; j++) {
                        if (!Character.isWhitespace(head[j])) {
                            return true;
                        }
                    }
                    return false;
                }
                if (started) {
                    return false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
                started = true;
            } else if (b == '}' || b == ']') {
                depth--;
            } else if (!Character.isWhitespace(b)) {
                started = true;
            }
        }
        return false;
    }

    /**
     * Reads the stream, but stops one byte past {@code maxBytes}: the reader then reports the document as over the
     * limit without the whole of it ever being in memory.
     */
    static byte[] readCapped(InputStream in, long maxBytes) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        return in.readNBytes(cap);
    }

    static String message(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /**
     * Each non-blank line of an NDJSON stream, read in 64 KB chunks; a line over the limit keeps only its first
     * {@code maxBytes + 1} bytes, enough for the reader to report it as over the limit.
     */
    static final class LineIterator implements Iterator<Unit> {
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGH = 0x8080808080808080L;
        private static final long NEWLINES = ONES * '\n';

        private final InputStream in;
        private final String name;
        private final int cap;
        private final byte[] buffer = new byte[1 << 16];
        /** The buffer read eight bytes at a time (a heap buffer, not a view {@code VarHandle}: see JsonCursor). */
        private final ByteBuffer longs = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        private int pos;
        private int limit;
        private byte[] line = new byte[1 << 12];
        private int lineLength;
        /** Whether the current line has something other than whitespace past the cap (where it is cut). */
        private boolean cutContent;
        private int lineNumber;
        private Unit next;
        private boolean done;

        LineIterator(InputStream in, String name, long maxBytes) {
            this.in = in;
            this.name = name;
            this.cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                next = read();
            }
            return next != null;
        }

        @Override
        public Unit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Unit u = next;
            next = null;
            return u;
        }

        private Unit read() {
            lineLength = 0;
            cutContent = false;
            boolean ended = false;
            try {
                while (!ended) {
                    if (pos == limit) {
                        limit = in.read(buffer);
                        pos = 0;
                        if (limit <= 0) {
                            limit = 0;
                            done = true;
                            in.close();
                            break;
                        }
                    }
                    int end = newline(buffer, longs, pos, limit);
                    if (lineLength == 0 && end < limit && end - pos <= cap) {
                        // the whole line is in the buffer: copied once, straight into its unit
                        int start = pos;
                        pos = end + 1;
                        lineNumber++;
                        return isBlank(buffer, start, end) ? null
                                : new Unit(name + ":" + lineNumber, name, lineNumber,
                                        java.util.Arrays.copyOfRange(buffer, start, end), null);
                    }
                    append(pos, end);
                    ended = end < limit;
                    pos = ended ? end + 1 : end;
                }
            } catch (IOException e) {
                done = true;
                lineNumber++;
                return new Unit(name + ":" + lineNumber, name, lineNumber, null, "cannot read: " + message(e));
            }
            if (done && !ended && lineLength == 0) {
                return null;
            }
            lineNumber++;
            if (isBlank(line, 0, lineLength) && !cutContent) {
                return null;
            }
            return new Unit(name + ":" + lineNumber, name, lineNumber, java.util.Arrays.copyOf(line, lineLength), null);
        }

        /**
         * Returns the index of the first newline in {@code b} from {@code from} to {@code to}, or {@code to}
         * ({@code LineSearchBenchmark} in bench weighs it against a plain loop).
         */
        static int newline(byte[] b, int from, int to) {
            return newline(b, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN), from, to);
        }

        /** The same, with {@code longs} the view of {@code b} it reads eight bytes at a time. */
        private static int newline(byte[] b, ByteBuffer longs, int from, int to) {
            int k = from;
            // eight bytes at a time: the lowest byte flagged is the first newline (borrows only flag bytes above it)
            while (k + 8 <= to) {
                long x = longs.getLong(k) ^ NEWLINES;
                long flagged = (x - ONES) & ~x & HIGH;
                if (flagged != 0) {
                    return k + (Long.numberOfTrailingZeros(flagged) >>> 3);
                }
                k += 8;
            }
            while (k < to && b[k] != '\n') {
                k++;
            }
            return k;
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
                line = java.util.Arrays.copyOf(line, Math.max(lineLength + n, Math.min(cap, line.length * 2)));
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

    /** Defers opening an input until it is reached, so a directory of many files holds one open at a time. */
    private static final class LazyIterator implements Iterator<Unit> {
        private final java.util.function.Supplier<Iterator<Unit>> supplier;
        private Iterator<Unit> delegate;

        LazyIterator(java.util.function.Supplier<Iterator<Unit>> supplier) {
            this.supplier = supplier;
        }

        private Iterator<Unit> delegate() {
            if (delegate == null) {
                delegate = supplier.get();
            }
            return delegate;
        }

        @Override
        public boolean hasNext() {
            return delegate().hasNext();
        }

        @Override
        public Unit next() {
            return delegate().next();
        }
    }

    /** Returns the units of each part in turn. */
    static Iterator<Unit> concat(List<Iterator<Unit>> parts) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                while (i < parts.size()) {
                    if (parts.get(i).hasNext()) {
                        return true;
                    }
                    i++;
                }
                return false;
            }

            @Override
            public Unit next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return parts.get(i).next();
            }
        };
    }
}
