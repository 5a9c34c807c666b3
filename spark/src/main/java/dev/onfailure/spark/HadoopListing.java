package dev.onfailure.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists a directory on a Hadoop file system (s3a above all) with many requests in flight, so that one prefix of
 * millions of objects does not list one page after another on the driver.
 *
 * <p>An S3 listing gives at most 1,000 keys a request, and the requests of one flat listing follow each other: 10
 * million objects are 10,000 requests in a row. But failure records sit in a tree
 * ({@code aws/lambda/<mapping-uuid>/<topic-partition>/YYYY/MM/DD/...}), so the listing first walks the tree a level at
 * a time (one request per directory, the directories of a level all at once), keeping the files it meets, until at
 * least {@link #WIDTH} directories are waiting or {@link #LEVELS} levels are walked; then it lists each waiting
 * directory flat, all of them at once. A directory that holds only files costs the same requests walked or flat, so
 * the walk adds only the few requests of the levels above the files. A level of more than {@link #MOST} directories
 * (one per object, in a layout of one's own) is not gone into: a request for each would cost far more than listing
 * their parents flat, which is done instead (the parents' own files, already taken, left out).
 *
 * <p>Below a directory only the files {@link FailureScan#accept} takes are kept; with {@code all}, a directory whose
 * name starts with {@code _} or {@code .} is not walked at all (none of its files would be taken). The result is
 * sorted by path.
 */
final class HadoopListing {

    /** Requests in flight at most, per scan. */
    static final int THREADS = 16;

    /** The walk stops once this many directories wait to be listed: enough to keep {@link #THREADS} busy. */
    static final int WIDTH = 4 * THREADS;

    /** The walk stops after this many levels (the AWS layout has seven below {@code aws/}). */
    static final int LEVELS = 8;

    /** The most directories listed one by one: a wider level's parents are listed flat instead. */
    static final int MOST = 64 * THREADS;

    private HadoopListing() {
    }

    /** Lists {@code root} (a file: that file; a directory: the files below it) with requests on {@code pool}. */
    static List<FileSplit.File> list(Path root, Configuration conf, boolean all, ExecutorService pool) {
        return list(root, conf, all, Wanted.ANY, pool, WIDTH, LEVELS, MOST);
    }

    /**
     * As {@link #list(Path, Configuration, boolean, ExecutorService)}, keeping only the files {@code wanted} takes by
     * name and last-modified time (a listing gives both with each file: no request more).
     */
    static List<FileSplit.File> list(Path root, Configuration conf, boolean all, Wanted wanted,
            ExecutorService pool) {
        return list(root, conf, all, wanted, pool, WIDTH, LEVELS, MOST);
    }

    /** As {@link #list(Path, Configuration, boolean, ExecutorService)}, with the walk's limits given (for tests). */
    static List<FileSplit.File> list(Path root, Configuration conf, boolean all, ExecutorService pool, int width,
            int levels, int most) {
        return list(root, conf, all, Wanted.ANY, pool, width, levels, most);
    }

    private static List<FileSplit.File> list(Path root, Configuration conf, boolean all, Wanted wanted,
            ExecutorService pool, int width, int levels, int most) {
        try (Listers listers = new Listers(conf)) {
            return list(root, listers, all, wanted, pool, width, levels, most);
        } catch (IOException e) {
            throw new UncheckedIOException("onfailure: cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #list(Path, Configuration, boolean, Wanted, ExecutorService)}, with the file systems of
     * {@code listers} (a scan's, shared by all its paths and globs).
     */
    static List<FileSplit.File> list(Path root, Listers listers, boolean all, Wanted wanted, ExecutorService pool) {
        return list(root, listers, all, wanted, pool, WIDTH, LEVELS, MOST);
    }

    private static List<FileSplit.File> list(Path root, Listers listers, boolean all, Wanted wanted,
            ExecutorService pool, int width, int levels, int most) {
        try {
            FileSystem fs = listers.fs(root);
            FileStatus status;
            try {
                status = fs.getFileStatus(root);
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException("onfailure: no such file or directory: " + root);
            }
            if (!status.isDirectory()) {
                return wanted.test(status.getPath().getName(), status.getModificationTime())
                        ? List.of(new FileSplit.File(status.getPath().toString(), status.getLen())) : List.of();
            }
            String prefix = status.getPath().toString() + "/";
            List<FileSplit.File> found = new ArrayList<>();
            List<Path> waiting = List.of(status.getPath());
            boolean taken = false;                       // whether the waiting directories' own files are taken
            for (int depth = 0; depth < levels && !waiting.isEmpty() && waiting.size() < width; depth++) {
                List<Path> next = new ArrayList<>();
                for (Level l : all(pool, waiting, dir -> level(fs, dir, prefix, all, wanted))) {
                    found.addAll(l.files());
                    next.addAll(l.directories());
                }
                if (next.size() > most) {
                    taken = true;
                    break;
                }
                waiting = next;
            }
            boolean skipOwn = taken;
            for (List<FileSplit.File> files : all(pool, waiting,
                    dir -> flat(fs, dir, prefix, all, wanted, skipOwn))) {
                found.addAll(files);
            }
            found.sort(LocalPaths.BY_PATH);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("onfailure: cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The s3a setting that names execution interceptors for its S3 client. */
    static final String S3A_INTERCEPTORS = "fs.s3a.audit.execution.interceptors";

    /**
     * A file system to list with, and whether it is the listing's own (closed with it) or the session's (cached,
     * left open).
     */
    record OwnFs(FileSystem fs, boolean own) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            if (own) {
                fs.close();
            }
        }
    }

    /**
     * The file system to list {@code root} with: for s3a, unless the session's already lists URL-encoded keys, an
     * instance of its own whose listings do ({@link UrlEncodedListing}; s3a adds interceptors only with its auditing
     * on, so that is on too), so that an object whose key XML cannot hold does not fail the listing of its prefix;
     * for any other scheme, the session's.
     */
    static OwnFs lister(Path root, Configuration conf) throws IOException {
        if (!ownNeeded(root, conf)) {
            return new OwnFs(root.getFileSystem(conf), false);
        }
        return new OwnFs(FileSystem.newInstance(root.toUri(), urlEncoded(conf)), true);
    }

    /** Whether {@code root} needs a file system of the listing's own: s3a, not yet listing URL-encoded keys. */
    private static boolean ownNeeded(Path root, Configuration conf) {
        String scheme = root.toUri().getScheme();
        String have = conf.getTrimmed(S3A_INTERCEPTORS, "");
        return "s3a".equalsIgnoreCase(scheme) && !(List.of(have.split("\\s*,\\s*")).contains(UrlEncodedListing.NAME)
                && conf.getBoolean("fs.s3a.audit.enabled", true));
    }

    /** {@code conf} with {@link UrlEncodedListing} among s3a's interceptors, and s3a's auditing on to add them. */
    private static Configuration urlEncoded(Configuration conf) {
        String have = conf.getTrimmed(S3A_INTERCEPTORS, "");
        Configuration own = new Configuration(conf);
        own.set(S3A_INTERCEPTORS, have.isEmpty() ? UrlEncodedListing.NAME : have + "," + UrlEncodedListing.NAME);
        own.setBoolean("fs.s3a.audit.enabled", true);
        return own;
    }

    /**
     * The file systems one scan lists with, as {@link #lister} picks them, one per scheme and authority (an s3a
     * bucket), made when first asked for and closed with this (the session's cached ones are left open): the paths
     * and globs of one {@code load()} share them, however many there are. Safe to use from several threads.
     */
    static final class Listers implements java.io.Closeable {

        /** How many file systems of their own all listers have made (for tests). */
        static final java.util.concurrent.atomic.AtomicInteger MADE = new java.util.concurrent.atomic.AtomicInteger();

        private final Configuration conf;
        private final java.util.Map<String, OwnFs> made = new java.util.LinkedHashMap<>();
        private boolean closed;

        Listers(Configuration conf) {
            this.conf = conf;
        }

        /** The file system to list {@code path} with. */
        synchronized FileSystem fs(Path path) throws IOException {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            java.net.URI uri = path.toUri();
            String key = (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT)) + "://"
                    + (uri.getAuthority() == null ? "" : uri.getAuthority().toLowerCase(java.util.Locale.ROOT));
            OwnFs fs = made.get(key);
            if (fs == null) {
                fs = lister(path, conf);
                if (fs.own()) {
                    MADE.incrementAndGet();
                }
                made.put(key, fs);
            }
            return fs.fs();
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            IOException first = null;
            for (OwnFs fs : made.values()) {
                try {
                    fs.close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            made.clear();
            if (first != null) {
                throw first;
            }
        }
    }

    /** What one directory holds: the files taken, and the directories to go on with. */
    private record Level(List<FileSplit.File> files, List<Path> directories) {
    }

    private static Level level(FileSystem fs, Path dir, String prefix, boolean all, Wanted wanted)
            throws IOException {
        List<FileSplit.File> files = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        RemoteIterator<FileStatus> it;
        try {
            it = fs.listStatusIterator(dir);
        } catch (FileNotFoundException e) {
            return new Level(files, directories);            // gone since its parent was listed: nothing below it
        }
        while (it.hasNext()) {
            FileStatus s = it.next();
            if (s.isDirectory()) {
                String name = s.getPath().getName();
                if (!all || !(name.startsWith("_") || name.startsWith("."))) {
                    directories.add(s.getPath());
                }
            } else {
                take(s, prefix, all, wanted, files);
            }
        }
        return new Level(files, directories);
    }

    /** The files below {@code dir}, at any depth; with {@code skipOwn}, not those directly in it. */
    private static List<FileSplit.File> flat(FileSystem fs, Path dir, String prefix, boolean all,
            Wanted wanted, boolean skipOwn) throws IOException {
        String own = dir.toString();
        List<FileSplit.File> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it;
        try {
            it = fs.listFiles(dir, true);
        } catch (FileNotFoundException e) {
            return files;
        }
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            if (s.isFile() && !(skipOwn && own.equals(s.getPath().getParent().toString()))) {
                take(s, prefix, all, wanted, files);
            }
        }
        return files;
    }

    private static void take(FileStatus s, String prefix, boolean all, Wanted wanted,
            List<FileSplit.File> files) {
        String p = s.getPath().toString();
        String relative = p.startsWith(prefix) ? p.substring(prefix.length()) : s.getPath().getName();
        if (FailureScan.accept(relative, all) && wanted.test(s.getPath().getName(), s.getModificationTime())) {
            files.add(new FileSplit.File(p, s.getLen()));
        }
    }

    /** A listing of one directory. */
    private interface Lister<T> {
        T list(Path dir) throws IOException;
    }

    /** Lists every directory on {@code pool}, all at once, and gives the results in the directories' order. */
    private static <T> List<T> all(ExecutorService pool, List<Path> dirs, Lister<T> lister) throws IOException {
        List<Callable<T>> calls = new ArrayList<>(dirs.size());
        for (Path d : dirs) {
            calls.add(() -> lister.list(d));
        }
        return all(pool, calls);
    }

    /**
     * Runs every call on {@code pool} at once (one alone on this thread) and gives the results in order; the first
     * failure in that order is thrown as it was (an {@link IOException} or unchecked exception), and the calls not
     * yet done are cancelled.
     */
    static <T> List<T> all(ExecutorService pool, List<? extends Callable<T>> calls) throws IOException {
        if (calls.size() == 1) {
            try {
                return List.of(calls.get(0).call());
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<Future<T>> parts = new ArrayList<>(calls.size());
        try {
            for (Callable<T> c : calls) {
                parts.add(pool.submit(c));
            }
            List<T> out = new ArrayList<>(calls.size());
            for (Future<T> f : parts) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing", e);
        } finally {
            for (Future<T> f : parts) {
                f.cancel(true);                                      // after a failure, the others are not wanted
            }
        }
    }
}
