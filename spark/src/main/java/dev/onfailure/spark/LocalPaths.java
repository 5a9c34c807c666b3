package dev.onfailure.spark;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Local files without Hadoop: listing with {@code java.nio} on the driver and reading whole files in the tasks.
 * Hadoop's local file system costs far more per file than the work a failure record needs (its {@code Path} parses
 * a URI, its listing builds a status per file, opening looks for a {@code .crc} beside the file), and a directory of
 * failure records is many small files. Paths are written as Hadoop's local file system writes them
 * ({@code file:/abs/path}, not URI-escaped), so rows name files as before.
 *
 * <p>Example: {@code LocalPaths.of("/data/dlq", "file:///")} is the local directory; with the default file system
 * {@code hdfs://nn:8020} the same path is on HDFS and this returns empty, and Hadoop lists it.
 */
final class LocalPaths {

    private static final String SCHEME = "file:";

    private LocalPaths() {
    }

    /**
     * The local file or directory {@code path} names: a {@code file:} URI, or a path without a scheme when the
     * default file system ({@code fs.defaultFS}) is the local one; empty for any other file system.
     */
    static Optional<Path> of(String path, String defaultFs) {
        Optional<Path> qualified = qualified(path);
        if (qualified.isPresent() || hasScheme(path) || !defaultFs.startsWith(SCHEME)) {
            return qualified;
        }
        return Optional.of(Paths.get(path).toAbsolutePath().normalize());
    }

    /**
     * The local file a listed path names ({@code file:/abs/path}, as {@link #uri} writes it; {@code file:///} and
     * {@code file://localhost/} are taken too); empty for another scheme or none.
     */
    static Optional<Path> qualified(String path) {
        if (!path.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String rest = path.substring(SCHEME.length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
                return Optional.empty();
            }
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        return Optional.of(Paths.get(rest).toAbsolutePath().normalize());
    }

    /** A local path as Hadoop's local file system writes it: {@code file:/abs/path}, not escaped. */
    static String uri(Path p) {
        String s = p.toString();
        if (File.separatorChar != '/') {
            s = "/" + s.replace(File.separatorChar, '/');
        }
        return SCHEME + s;
    }

    /**
     * The name of a listed file as a row's {@code source} shows it, the command's way: a local file's path without
     * {@code file:}, any other file system's URI as it is.
     */
    static String source(String path) {
        return qualified(path).map(Path::toString).orElse(path);
    }

    /** The last part of a listed path (the file's name), whatever its file system. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Lists a local file (read whatever its name) or a directory (the files below it that {@code accept} takes by
     * their path below it, symbolic links followed, sorted by path), as {@code listStatus} would (but for a link
     * that leads nowhere, which Hadoop leaves out and this keeps, for its row to say so), with each file's attributes
     * read once.
     *
     * <p>Listing is most of what a query does on the driver before its first task (100,000 files: about 0.3 s, when
     * Spark's own planning takes a few tens of milliseconds), and nothing runs beside it, so it is made cheap:
     * <ul>
     * <li>Each directory's entries are sorted on their own and walked in that order, so the listing comes out sorted
     * by path without sorting the whole of it (100,000 full paths sharing a prefix of 50 characters). A directory's
     * entries sort by name with a {@code /} after a directory's, which puts them where their full paths sort:
     * {@code a.json} before {@code a/x.json} before {@code a0.json}.</li>
     * <li>A directory below one that was taken has only its own name to check, as has a file: no path is split into
     * its parts per file; and with {@code all}, a marker ({@code _SUCCESS}, {@code .crc}) is left out by its name
     * before its attributes are read.</li>
     * <li>A large directory's entries (a {@code stat} each, most of the listing's time, and their paths) are made by
     * a few threads at once ({@link #READERS}).</li>
     * </ul>
     *
     * @throws IllegalArgumentException when {@code path} does not exist
     * @throws FileSystemLoopException when a symbolic link leads back to a directory it is in
     */
    static List<FileSplit.File> list(Path path, boolean all) throws IOException {
        return list(path, all, Wanted.ANY);
    }

    /** As {@link #list(Path, boolean)}, keeping only the files {@code wanted} takes by name and last-modified time. */
    static List<FileSplit.File> list(Path path, boolean all, Wanted wanted) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("onfailure: no such file or directory: " + path, e);
        }
        if (!attrs.isDirectory()) {
            return wanted.test(String.valueOf(path.getFileName()), attrs.lastModifiedTime().toMillis())
                    ? List.of(new FileSplit.File(uri(path), attrs.size())) : List.of();
        }
        List<FileSplit.File> out = new ArrayList<>();
        String root = uri(path) + (uri(path).endsWith("/") ? "" : "/");
        List<Object> ancestors = new ArrayList<>();
        ancestors.add(key(path, attrs));
        try (Walk walk = new Walk(all, wanted, root, ancestors, out)) {
            walk.directory(path, "");
        }
        return out;
    }

    /**
     * Threads that read a large directory's attributes: as many as there are cores, at most 8 ({@code stat} is a
     * system call that a core serves on its own; more threads than cores only wait).
     */
    static final int READERS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    /** A directory holding at least this many entries has its attributes read by {@link #READERS} threads. */
    static final int PARALLEL_FROM = 1024;

    /**
     * An entry of a directory: a directory's path below the listed one or a file's full path, how it sorts among its
     * siblings, what it is; and the first eight characters of {@code order} packed into a word, for sorting.
     */
    private record Entry(String relative, String order, Path path, BasicFileAttributes attrs, long prefix) {

        Entry(String relative, String order, Path path, BasicFileAttributes attrs) {
            this(relative, order, path, attrs, LocalPaths.prefix(order));
        }
    }

    /** Marks a {@link Entry#prefix()} that is not the packed characters: one of them is over U+00FF. */
    private static final long NO_PREFIX = -1L;

    /**
     * The first eight characters of {@code s}, one byte each, the first in the highest byte, zeros past the end; or
     * {@link #NO_PREFIX} when one of them does not fit a byte. Compared unsigned, two such words order their strings as
     * {@link #compareCodePoints} does wherever they differ.
     */
    private static long prefix(String s) {
        long p = 0;
        for (int j = 0; j < 8; j++) {
            int c = j < s.length() ? s.charAt(j) : 0;
            if (c > 0xFF) {
                return NO_PREFIX;
            }
            p = (p << 8) | c;
        }
        return p;
    }

    /**
     * {@link #compareCodePoints} of the entries' {@code order}, decided by the packed prefixes where both have one and
     * they differ: sorting a directory of 278,000 entries spent most of its time following each entry to its string
     * and the string to its bytes, for names that differ in their first eight characters.
     */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        long x = a.prefix();
        long y = b.prefix();
        if (x != y && x != NO_PREFIX && y != NO_PREFIX) {
            return Long.compareUnsigned(x, y);
        }
        return compareCodePoints(a.order(), b.order());
    };

    /**
     * Two strings in the order of their code points, which is their UTF-8 bytes' order: the command's (a path's bytes)
     * and S3's (a key's). {@link String#compareTo} compares UTF-16 units, which puts a character beyond U+FFFF (a
     * surrogate pair, U+D800 to U+DFFF) before U+E000 to U+FFFF ({@code \uD83D\uDE00} before {@code \uFF01}).
     */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {   // surrogates above the rest of the BMP, as their code points are
                    return fixUp(x) - fixUp(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int fixUp(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    /** Files by path in {@link #compareCodePoints} order. */
    static final Comparator<FileSplit.File> BY_PATH = (a, b) -> compareCodePoints(a.path(), b.path());

    /**
     * One listing's walk: what it takes, where it puts what it finds, the directories it is inside, and the threads
     * that read attributes with it (started at the first large directory, ended with the walk).
     */
    private static final class Walk implements AutoCloseable {
        private final boolean all;
        private final Wanted wanted;
        private final String root;
        private final List<Object> ancestors;
        private final List<FileSplit.File> out;
        private ExecutorService pool;

        Walk(boolean all, Wanted wanted, String root, List<Object> ancestors, List<FileSplit.File> out) {
            this.all = all;
            this.wanted = wanted;
            this.root = root;
            this.ancestors = ancestors;
            this.out = out;
        }

        void directory(Path dir, String relative) throws IOException {
            List<Path> paths = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path p : stream) {
                    paths.add(p);
                }
            }
            Entry[] found = entries(paths, relative);
            List<Entry> entries = new ArrayList<>(found.length);
            for (Entry e : found) {
                if (e != null) {
                    entries.add(e);
                }
            }
            entries.sort(ORDER);
            for (Entry e : entries) {
                if (!e.attrs().isDirectory()) {
                    out.add(new FileSplit.File(e.relative(), e.attrs().size()));
                    continue;
                }
                Object k = key(e.path(), e.attrs());
                for (Object a : ancestors) {
                    if (a.equals(k)) {
                        throw new FileSystemLoopException(e.path().toString());
                    }
                }
                ancestors.add(k);
                directory(e.path(), e.relative());
                ancestors.remove(ancestors.size() - 1);
            }
        }

        /**
         * What an entry of a directory is: a directory to walk (its path below the listed one), a file that is taken
         * (its full path, when {@code wanted} takes it too), or null for anything else.
         */
        private Entry entry(Path p, String relative) throws IOException {
            String name = p.getFileName().toString();
            // with all, a part starting with _ or . is left out, file or directory, whatever it is
            if (all && !acceptedName(name)) {
                return null;
            }
            BasicFileAttributes a = attributes(p);
            if (a.isDirectory()) {
                return new Entry(relative + name + "/", name + "/", p, a);
            }
            // a link that leads nowhere is taken as a file, so that its row says so, as the command does (Hadoop
            // leaves it out of a listing without a word)
            if ((a.isRegularFile() || a.isSymbolicLink()) && (all || Documents.isRecordFile(name))
                    && wanted.test(name, a.lastModifiedTime().toMillis())) {
                return new Entry(root + relative + name, name, p, a);
            }
            return null;
        }

        /** The entries of {@code paths}, in order: a large directory's made by a few threads at once. */
        private Entry[] entries(List<Path> paths, String relative) throws IOException {
            Entry[] entries = new Entry[paths.size()];
            if (paths.size() < PARALLEL_FROM || READERS == 1) {
                for (int i = 0; i < entries.length; i++) {
                    entries[i] = entry(paths.get(i), relative);
                }
                return entries;
            }
            if (pool == null) {
                pool = Executors.newFixedThreadPool(READERS - 1, r -> {
                    Thread t = new Thread(r, "onfailure-list");
                    t.setDaemon(true);
                    return t;
                });
            }
            // READERS slices: this thread makes the first, the pool the others
            int slice = (entries.length + READERS - 1) / READERS;
            List<Future<?>> others = new ArrayList<>();
            for (int from = slice; from < entries.length; from += slice) {
                int start = from;
                int end = Math.min(entries.length, from + slice);
                others.add(pool.submit(() -> {
                    for (int i = start; i < end; i++) {
                        entries[i] = entry(paths.get(i), relative);
                    }
                    return null;
                }));
            }
            IOException failed = null;
            try {
                for (int i = 0; i < Math.min(slice, entries.length); i++) {
                    entries[i] = entry(paths.get(i), relative);
                }
            } catch (IOException e) {
                failed = e;
            }
            for (Future<?> f : others) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = e.getCause() instanceof IOException io ? io
                                : new IOException(e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while listing " + paths.get(0).getParent());
                }
            }
            if (failed != null) {
                throw failed;
            }
            return entries;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Whether a part of a path below a listed directory is taken with {@code all}: not a marker, not hidden. */
    static boolean acceptedName(String part) {
        return !part.isEmpty() && !part.startsWith("_") && !part.startsWith(".");
    }

    /**
     * An entry's attributes, its link followed; a link that leads nowhere is the link itself, as
     * {@code Files.walkFileTree} takes it.
     */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (IOException e) {
            try {
                return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException ignored) {
                throw e;
            }
        }
    }

    /** What tells a directory from any other: its file key (device and inode), or its real path where there is none. */
    private static Object key(Path dir, BasicFileAttributes attrs) throws IOException {
        Object k = attrs.fileKey();
        return k != null ? k : dir.toRealPath();
    }

    /**
     * Reads a file whole, at most {@code cap} bytes, into an array of exactly its size: the size is asked once and
     * the bytes read straight into the array ({@code InputStream.readNBytes} reads 8 KB chunks and copies them into
     * the result: the document's size again in garbage, and an 8 KB buffer for a 2 KB file). A file that shrank while
     * being read gives what was there; one that grew gives the size it had when opened, as a listing would.
     */
    static byte[] readWhole(Path path, int cap) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(path.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(cap, in.length())];
            int n = 0;
            while (n < bytes.length) {
                int r = in.read(bytes, n, bytes.length - n);
                if (r < 0) {
                    return Arrays.copyOf(bytes, n);
                }
                n += r;
            }
            return bytes;
        }
    }

    /** Whether a path starts with a URI scheme ({@code s3a:}, {@code hdfs:}), as Hadoop's {@code Path} tells it. */
    private static boolean hasScheme(String path) {
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
