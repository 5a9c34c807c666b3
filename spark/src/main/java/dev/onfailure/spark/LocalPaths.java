package dev.onfailure.spark;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.DirectoryStream;
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
     * <p>What the command reports on its own, without reading it, is a {@link FileSplit.File#problem} in the listing,
     * where its path sorts: a symbolic link back to a directory it is in, a directory that cannot be listed, an entry
     * whose attributes cannot be read, a FIFO, device or socket named as a record, and a link named on its own that
     * leads nowhere.
     *
     * @throws IllegalArgumentException when {@code path} does not exist
     * @throws IOException when {@code path}'s own attributes cannot be read
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
            if (Files.isSymbolicLink(path)) {
                return List.of(FileSplit.File.problem(uri(path), BROKEN_LINK));
            }
            throw new IllegalArgumentException("onfailure: no such file or directory: " + path, e);
        }
        if (!attrs.isDirectory()) {
            if (!wanted.test(String.valueOf(path.getFileName()), attrs.lastModifiedTime().toMillis())) {
                return List.of();
            }
            // a FIFO would hold its task forever, a device has no end: the command does not open them either
            return List.of(attrs.isRegularFile() ? new FileSplit.File(uri(path), attrs.size())
                    : FileSplit.File.problem(uri(path), NOT_A_FILE));
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

    /** The command's words for a link that leads nowhere. */
    static final String BROKEN_LINK = "a broken symbolic link";

    /** The command's words for a path that is neither a directory nor a regular file (a FIFO, a device, a socket). */
    static final String NOT_A_FILE = "not a regular file";

    /** The command's words for a link back to a directory it is in. */
    static final String LOOP = "leads back to a directory above it (a symbolic link loop): not read again";

    /**
     * Why an I/O operation on a local file failed, without the file's name (a row's source names it already):
     * {@code no such file}, {@code permission denied}, the system's reason.
     */
    static String message(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        // java.io names the file and gives the reason in parentheses: "/d/a.json (Permission denied)"
        String m = e.getMessage();
        if (e instanceof java.io.FileNotFoundException && m != null && m.endsWith(")") && m.lastIndexOf(" (") > 0) {
            String reason = m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
            return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return m == null ? e.getClass().getSimpleName() : m;
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
     * siblings, what it is (or, for a problem, why it is not taken); and the first eight characters of {@code order}
     * packed into a word, for sorting.
     */
    private record Entry(String relative, String order, Path path, BasicFileAttributes attrs, String problem,
            long prefix) {

        Entry(String relative, String order, Path path, BasicFileAttributes attrs, String problem) {
            this(relative, order, path, attrs, problem, LocalPaths.prefix(order));
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
     * and the string to its bytes, for names that differ in their first eight characters. Where a name was not
     * UTF-8 on disk, its bytes decide ({@link #onDiskOrder}).
     */
    private static final Comparator<Entry> ORDER = (a, b) -> {
        long x = a.prefix();
        long y = b.prefix();
        if (x != y && x != NO_PREFIX && y != NO_PREFIX) {
            return Long.compareUnsigned(x, y);
        }
        if (a.order().indexOf('\uFFFD') >= 0 || b.order().indexOf('\uFFFD') >= 0) {
            return onDiskOrder(a).compareTo(onDiskOrder(b));
        }
        return compareCodePoints(a.order(), b.order());
    };

    /**
     * An entry as a path that sorts by its name's bytes on disk, as the command sorts paths, with a directory's
     * {@code /} after its name: for a name that is not valid UTF-8, whose text has U+FFFD where its bytes have
     * something else (a Latin-1 {@code E9} sorts before {@code EF BF BD}, so before any name from U+D000 up).
     */
    private static Path onDiskOrder(Entry e) {
        return e.attrs() != null && e.attrs().isDirectory() ? e.path().resolve(".") : e.path();
    }

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

        /**
         * Lists {@code dir} into {@code out}; a directory that cannot be listed, a link back to a directory it is in
         * and an entry whose attributes cannot be read are problems in {@code out} (as the command reports them, each
         * on its own), and the walk goes on.
         */
        void directory(Path dir, String relative) throws IOException {
            List<Path> paths = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                for (Path p : stream) {
                    paths.add(p);
                }
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                Throwable cause = e instanceof java.nio.file.DirectoryIteratorException d ? d.getCause() : e;
                out.add(FileSplit.File.problem(uri(dir), "cannot list the directory: " + message(cause)));
                return;
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
                if (e.problem() != null) {
                    out.add(FileSplit.File.problem(e.relative(), e.problem()));
                    continue;
                }
                if (!e.attrs().isDirectory()) {
                    out.add(new FileSplit.File(e.relative(), e.attrs().size()));
                    continue;
                }
                Object k = key(e.path(), e.attrs());
                if (ancestors.contains(k)) {
                    out.add(FileSplit.File.problem(uri(e.path()), LOOP));
                    continue;
                }
                ancestors.add(k);
                directory(e.path(), e.relative());
                ancestors.remove(ancestors.size() - 1);
            }
        }

        /**
         * What an entry of a directory is: a directory to walk (its path below the listed one), a file that is taken
         * (its full path, when {@code wanted} takes it too), a problem (its full path and why), or null for anything
         * else.
         */
        private Entry entry(Path p, String relative) {
            String name = p.getFileName().toString();
            // with all, a part starting with _ or . is left out, file or directory, whatever it is
            if (all && !acceptedName(name)) {
                return null;
            }
            BasicFileAttributes a;
            try {
                a = attributes(p);
            } catch (IOException e) {
                return new Entry(root + relative + name, name, p, null, "cannot read: " + message(e));
            }
            if (a.isDirectory()) {
                return new Entry(relative + name + "/", name + "/", p, a, null);
            }
            if (!(all || Documents.isRecordFile(name)) || !wanted.test(name, a.lastModifiedTime().toMillis())) {
                return null;
            }
            // a link that leads nowhere is taken as a file, so that its row says so (Hadoop leaves it out of a
            // listing without a word); a FIFO, a device or a socket is said to be none, as the command says it
            if (a.isRegularFile() || a.isSymbolicLink()) {
                return new Entry(root + relative + name, name, p, a, null);
            }
            return new Entry(root + relative + name, name, p, null, NOT_A_FILE);
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
            for (int i = 0; i < Math.min(slice, entries.length); i++) {
                entries[i] = entry(paths.get(i), relative);
            }
            for (Future<?> f : others) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // entry turns a file's I/O failure into a problem: what is left is a bug, not a file's fault
                    throw new IllegalStateException("onfailure: listing " + paths.get(0).getParent() + " failed",
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while listing " + paths.get(0).getParent());
                }
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
     * The file on disk that a listed path names. A path's text is its bytes decoded in the system's file name encoding
     * ({@code sun.jnu.encoding}), and a name that is not valid there (Latin-1 bytes on a UTF-8 system) is decoded with
     * U+FFFD in place of what could not be, which names no file when encoded again: such a path is found again by
     * listing its directory for the one entry whose name decodes to the same text (the listing found it so). Any
     * other path is itself; so is one that matches no entry, or several, and the read that follows says so.
     *
     * <p>Example: a file whose name is Latin-1 {@code café.json} (the byte E9 for the {@code é}) is listed as
     * {@code /d/caf\uFFFD.json}, and read as the entry of {@code /d} whose name decodes to that.
     */
    static Path onDisk(Path path) {
        if (path.toString().indexOf('\uFFFD') < 0 || path.getParent() == null
                || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return path;
        }
        Path dir = onDisk(path.getParent());
        String name = path.getFileName().toString();
        Path found = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (p.getFileName().toString().equals(name)) {
                    if (found != null) {
                        return path;                               // two names decode alike: neither is chosen
                    }
                    found = p;
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return path;
        }
        return found == null ? path : found;
    }

    /**
     * Reads a file whole, at most {@code cap} bytes, into an array of exactly its size: the size is asked once and
     * the bytes read straight into the array ({@code InputStream.readNBytes} reads 8 KB chunks and copies them into
     * the result: the document's size again in garbage, and an 8 KB buffer for a 2 KB file). A file that shrank while
     * being read gives what was there; one that grew gives the size it had when opened, as a listing would.
     */
    static byte[] readWhole(Path path, int cap) throws IOException {
        if (path.toString().indexOf('\uFFFD') >= 0) {
            return readWholeByChannel(path, cap);
        }
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

    /**
     * {@link #readWhole} for a path whose text may not name it ({@link #onDisk}): a {@code java.io.File} is made from
     * the text, a channel is opened from the path's own bytes.
     */
    private static byte[] readWholeByChannel(Path path, int cap) throws IOException {
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(path)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) Math.min(cap, in.size()));
            while (bytes.hasRemaining()) {
                if (in.read(bytes) < 0) {
                    return Arrays.copyOf(bytes.array(), bytes.position());
                }
            }
            return bytes.array();
        }
    }

    /** Whether a path starts with a URI scheme ({@code s3a:}, {@code hdfs:}), as Hadoop's {@code Path} tells it. */
    private static boolean hasScheme(String path) {
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
