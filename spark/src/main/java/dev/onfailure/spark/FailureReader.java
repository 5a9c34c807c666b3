package dev.onfailure.spark;

import dev.onfailure.model.json.ReadLimits;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a split's files one after the other and one document at a time. Nothing in a file fails the task: bad JSON
 * and documents over the limits are rows with their {@code json.*} finding, and a file that cannot be opened or read
 * is a row with {@code readError} (after the rows of the documents read before the failure).
 */
final class FailureReader implements PartitionReader<InternalRow> {

    /** One validator per executor JVM: it is thread-safe, and its schemas are loaded once. */
    private static volatile Validator shared;

    private final Iterator<FileSplit.File> files;
    private final Configuration conf;
    private final RowMaker maker;
    private final long maxBytes;
    private final ArrayDeque<InternalRow> rows = new ArrayDeque<>();
    private InputStream open;
    private Documents.Reader documents;
    private String source;
    private InternalRow current;

    FailureReader(FileSplit split, StructType required, Profile profile, Configuration conf) {
        this.files = split.files().iterator();
        this.conf = conf;
        ReadLimits limits = ReadLimits.defaults();
        this.maxBytes = limits.maxDocumentBytes();
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

    /** A local file's path without {@code file:}, as the command prints it; any other file system's URI. */
    static String sourceOf(String path) {
        URI uri = new Path(path).toUri();
        return "file".equals(uri.getScheme()) ? uri.getPath() : path;
    }

    @Override
    public boolean next() throws IOException {
        while (rows.isEmpty()) {
            if (documents == null) {
                if (!files.hasNext()) {
                    return false;
                }
                openNext();
                continue;
            }
            Documents.Document d;
            try {
                d = documents.next();
            } catch (IOException | RuntimeException e) {
                maker.unreadable(source, "cannot read: " + message(e), rows::add);
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

    private void openNext() {
        FileSplit.File f = files.next();
        source = sourceOf(f.path());
        Path path = new Path(f.path());
        try {
            open = path.getFileSystem(conf).open(path);
            documents = Documents.of(source, Documents.isNdjson(path.getName()), open, maxBytes);
        } catch (IOException | RuntimeException e) {
            maker.unreadable(source, "cannot open: " + message(e), rows::add);
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

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public InternalRow get() {
        return current;
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
