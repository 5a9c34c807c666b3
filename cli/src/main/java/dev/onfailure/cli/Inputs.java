package dev.onfailure.cli;

import dev.onfailure.json.NdjsonLines;
import dev.onfailure.json.ReadLimits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

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
    static Iterator<Unit> units(List<String> paths, InputStream stdin, ReadLimits limits) {
        return units(paths, stdin, limits, arg -> java.util.Optional.empty());
    }

    /**
     * Returns the units of {@code paths} lazily, in order; an argument that {@code locations} resolves (an
     * {@code s3://}, {@code sqs://} or {@code kafka://} location, see {@link Remote}) gives the units it returns.
     */
    static Iterator<Unit> units(List<String> paths, InputStream stdin, ReadLimits limits,
            java.util.function.Function<String, java.util.Optional<Iterator<Unit>>> locations) {
        List<String> args = paths.isEmpty() ? List.of("-") : paths;
        List<Iterator<Unit>> parts = new ArrayList<>();
        for (String arg : args) {
            parts.add(new LazyIterator(() -> locations.apply(arg).orElseGet(() -> expand(arg, stdin, limits))));
        }
        return concat(parts);
    }

    private static Iterator<Unit> expand(String arg, InputStream stdin, ReadLimits limits) {
        if (arg.equals("-")) {
            return stdin(stdin, limits);
        }
        Path path = named(Path.of(arg));
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            List<Unit> problems = new ArrayList<>();
            try {
                walk(path, files, problems);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(new Unit(arg, arg, 0, null, "cannot list the directory: " + message(e)));
            }
            files.sort(null);
            List<Iterator<Unit>> parts = new ArrayList<>();
            parts.add(problems.iterator());
            for (Path f : files) {
                parts.add(new LazyIterator(() -> file(f, limits)));
            }
            return concat(parts);
        }
        return file(path, limits);
    }

    /**
     * The record files below {@code dir} into {@code files}, symbolic links followed (as Spark's listing follows them,
     * so both read the same files); a directory that cannot be listed, or a link back to a directory it is in, is a
     * problem of its own and the walk goes on. A broken link is kept as a file, so that it is reported, not skipped.
     */
    private static void walk(Path dir, List<Path> files, List<Unit> problems) throws IOException {
        Files.walkFileTree(dir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path file,
                            java.nio.file.attribute.BasicFileAttributes attrs) {
                        if (!attrs.isDirectory() && isRecordFile(file)) {
                            files.add(file);
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                        String name = file.toString();
                        problems.add(new Unit(name, name, 0, null, e instanceof java.nio.file.FileSystemLoopException
                                ? "leads back to a directory above it (a symbolic link loop): not read again"
                                : Files.isDirectory(file) ? "cannot list the directory: " + message(e)
                                : "cannot read: " + message(e)));
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
    }

    /**
     * The file an argument names. The JVM decodes arguments in the system's file name encoding, and a name that is not
     * valid there (a Latin-1 {@code café.json} on a UTF-8 system) comes with U+FFFD in place of what could not be
     * decoded, which names no file; it is found again as the one entry of its directory whose name decodes to the same
     * text (listing the directory finds it so). Any other path, or one that matches no entry or several, is itself.
     */
    static Path named(Path path) {
        if (path.toString().indexOf('\uFFFD') < 0 || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return path;
        }
        Path parent = path.getParent() == null ? Path.of("") : named(path.getParent());
        String name = path.getFileName().toString();
        List<Path> same = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(
                parent.toString().isEmpty() ? Path.of(".") : parent)) {
            for (Path e : entries) {
                if (e.getFileName().toString().equals(name)) {
                    same.add(parent.resolve(e.getFileName()));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return path;
        }
        return same.size() == 1 ? same.get(0) : path;
    }

    static boolean isRecordFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    private static boolean isNdjson(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    /** Why {@code path} cannot be read as a file ("no such file"...), or empty when it is a regular file. */
    static Optional<String> fileProblem(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("no such file");
        }
        if (!Files.exists(path)) {
            return Optional.of("a broken symbolic link");
        }
        if (!Files.isRegularFile(path)) {
            return Optional.of("not a regular file");
        }
        return Optional.empty();
    }

    private static Iterator<Unit> file(Path path, ReadLimits limits) {
        String name = path.toString();
        Optional<String> problem = fileProblem(path);
        if (problem.isPresent()) {
            return List.of(new Unit(name, name, 0, null, problem.get())).iterator();
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            if (isNdjson(path)) {
                return new LineIterator(in, name, limits);
            }
            try (in) {
                return List.of(new Unit(name, name, 0, readCapped(in, limits.maxDocumentBytes()), null)).iterator();
            }
        } catch (IOException e) {
            return List.of(new Unit(name, name, 0, null, "cannot read: " + message(e))).iterator();
        }
    }

    private static Iterator<Unit> stdin(InputStream in, ReadLimits limits) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            buffered.mark(1 << 16);
            byte[] head = buffered.readNBytes((1 << 16) - 1);
            buffered.reset();
            if (looksLikeNdjson(head)) {
                return new LineIterator(buffered, STDIN, limits);
            }
            return List.of(new Unit(STDIN, STDIN, 0, readCapped(buffered, limits.maxDocumentBytes()), null)).iterator();
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
        // a file system's exception holds only the path (which the line names already) unless it has a reason
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /**
     * Each non-blank line of an NDJSON stream as a unit ({@link NdjsonLines} splits it); a stream that fails gives a
     * unit with the problem, numbered as the line it was reading, and ends.
     */
    private static final class LineIterator implements Iterator<Unit> {
        private final InputStream in;
        private final String name;
        private final NdjsonLines lines;
        private Unit next;
        private boolean done;

        LineIterator(InputStream in, String name, ReadLimits limits) {
            this.in = in;
            this.name = name;
            this.lines = NdjsonLines.over(in, limits);
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
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
            try {
                if (lines.next()) {
                    int n = lines.lineNumber();
                    return new Unit(name + ":" + n, name, n, lines.document(), null);
                }
                done = true;
                in.close();
                return null;
            } catch (IOException e) {
                done = true;
                int n = lines.lineNumber() + 1;
                return new Unit(name + ":" + n, name, n, null, "cannot read: " + message(e));
            }
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
