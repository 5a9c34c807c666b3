package dev.onfailure.spark;

import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a split's files in order, one document at a time. Nothing in a file fails the task: bad JSON and documents
 * over the limits are rows with their {@code json.*} finding, and a file that cannot be opened or read is a row with
 * {@code readError} (after the rows of the documents read before the failure).
 *
 * <p>On an object store each GET waits tens of milliseconds for its first byte, far longer than validating a record,
 * so the next {@code readAhead} whole-document files are fetched in the background while this one is validated
 * (NDJSON files are streamed a line at a time when their turn comes). At most {@code readAhead} documents of at most
 * the document limit are held ahead.
 *
 * <p>Local files ({@code file:}) are opened with {@code java.nio}, not through Hadoop's {@code Path} and file system,
 * and a one-document file is read whole into an array of its size ({@link LocalPaths#readWhole}); files on other file
 * systems ({@code s3a:}) go through Hadoop, with the configuration the scan broadcast.
 */
final class FailureReader implements PartitionReader<InternalRow> {

    /** One validator per executor JVM: it is thread-safe, and its schemas are loaded once. */
    private static volatile Validator shared;

    /** A file whose turn has come, or is coming: its bytes fetched ahead, or to be streamed. */
    private record Pending(FileSplit.File file, Optional<java.nio.file.Path> local, String source, boolean ndjson,
            CompletableFuture<byte[]> fetched) {
    }

    private final Iterator<FileSplit.File> files;
    private final Broadcast<HadoopConf> conf;
    private final RowMaker maker;
    private final ReadLimits limits;
    private final int readAhead;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final ArrayDeque<InternalRow> rows = new ArrayDeque<>();
    private ExecutorService fetcher;
    private InputStream open;
    private Documents.Reader documents;
    private String source;
    private InternalRow current;

    FailureReader(FileSplit split, StructType required, Profile profile, Broadcast<HadoopConf> conf, int readAhead) {
        this.files = split.files().iterator();
        this.conf = conf;
        this.limits = ReadLimits.defaults();
        this.readAhead = readAhead;
        this.maker = new RowMaker(required, validator(), ValidationOptions.of(profile), limits);
    }

    private static Validator validator() {
        Validator v = shared;
        if (v == null) {
            synchronized (FailureReader.class) {
                v = shared;
                if (v == null) {
                    v = Validator.create();
                    shared = v;
                }
            }
        }
        return v;
    }

    @Override
    public boolean next() throws IOException {
        while (rows.isEmpty()) {
            if (documents == null) {
                fill();
                if (pending.isEmpty()) {
                    return false;
                }
                start(pending.poll());
                continue;
            }
            Documents.Document d;
            try {
                d = documents.next();
            } catch (IOException | RuntimeException e) {
                maker.unreadable(source, "cannot read: " + LocalPaths.message(e), rows::add);
                closeCurrent();
                continue;
            }
            if (d == null) {
                closeCurrent();
                continue;
            }
            maker.rows(d.source(), d.bytes(), rows::add);
        }
        current = rows.poll();
        return true;
    }

    /** Keeps {@code readAhead} files fetching (at least the next file known). */
    private void fill() {
        while (files.hasNext() && pending.size() < Math.max(1, readAhead)) {
            FileSplit.File f = files.next();
            // the local path is made once per file (a row's source is its text)
            Optional<java.nio.file.Path> local = LocalPaths.qualified(f.path()).map(LocalPaths::onDisk);
            boolean ndjson = Documents.isNdjson(LocalPaths.name(f.path()));
            CompletableFuture<byte[]> fetched = null;
            if (readAhead > 0 && !ndjson && f.problem() == null) {
                if (fetcher == null) {
                    fetcher = Executors.newFixedThreadPool(readAhead, r -> {
                        Thread t = new Thread(r, "onfailure-read-ahead");
                        t.setDaemon(true);
                        return t;
                    });
                }
                fetched = CompletableFuture.supplyAsync(() -> fetch(f.path(), local), fetcher);
            }
            pending.add(new Pending(f, local, local.map(java.nio.file.Path::toString).orElse(f.path()), ndjson,
                    fetched));
        }
    }

    private byte[] fetch(String path, Optional<java.nio.file.Path> local) {
        try {
            if (local.isPresent()) {
                return LocalPaths.readWhole(local.get(), Documents.cap(limits));
            }
            try (InputStream in = open(path, local)) {
                return in.readNBytes(Documents.cap(limits));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Opens a file: a local one straight from the disk, as the command reads it (Hadoop's local file system looks for
     * a {@code .crc} file beside every file it opens, and its absence costs an exception each time), any other through
     * its Hadoop file system.
     */
    private InputStream open(String path, Optional<java.nio.file.Path> local) throws IOException {
        if (local.isPresent()) {
            return Files.newInputStream(local.get());
        }
        Path hadoop = new Path(path);
        return hadoop.getFileSystem(hadoopConf()).open(hadoop);
    }

    /** The scan's Hadoop configuration: broadcast once, read once per executor JVM (only for non-local files). */
    private Configuration hadoopConf() {
        if (conf == null) {
            throw new IllegalStateException("onfailure: no Hadoop configuration for a file that is not local");
        }
        return conf.value().get();
    }

    private void start(Pending p) {
        source = p.source();
        if (p.file().problem() != null) {                  // the listing's: nothing to open
            maker.unreadable(source, p.file().problem(), rows::add);
            return;
        }
        if (p.fetched() != null) {
            byte[] bytes;
            try {
                bytes = p.fetched().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
                maker.unreadable(source, problem("cannot read", p.local(), cause), rows::add);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + source, e);
            }
            documents = Documents.of(source, false, new java.io.ByteArrayInputStream(bytes), limits);
            return;
        }
        try {
            if (p.local().isPresent() && !p.ndjson()) {
                documents = Documents.whole(source, LocalPaths.readWhole(p.local().get(), Documents.cap(limits)));
                return;
            }
            open = open(p.file().path(), p.local());
            documents = Documents.of(source, p.ndjson(), open, limits);
        } catch (IOException | RuntimeException e) {
            maker.unreadable(source, problem("cannot open", p.local(), e), rows::add);
        }
    }

    private void closeCurrent() {
        documents = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // everything was read; a failed close loses nothing
            }
            open = null;
        }
    }

    /** Why a file could not be read: a broken link is named so, as the command names it. */
    private static String problem(String verb, Optional<java.nio.file.Path> local, Throwable e) {
        if (local.isPresent() && Files.isSymbolicLink(local.get()) && !Files.exists(local.get())) {
            return LocalPaths.BROKEN_LINK;
        }
        return verb + ": " + LocalPaths.message(e);
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() {
        closeCurrent();
        pending.clear();
        if (fetcher != null) {
            fetcher.shutdownNow();
        }
    }
}
