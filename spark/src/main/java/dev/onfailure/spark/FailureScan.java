package dev.onfailure.spark;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Lists the files on the driver (sorted, so rows come in the command's order) and packs them into tasks the way
 * Spark packs files: whole files, up to {@code maxPartitionBytes} per task counting {@code openCostInBytes} for each
 * (64 KB unless set: {@link #OPEN_COST}), and small enough that every core gets a few tasks.
 */
final class FailureScan implements Scan, Batch {

    /**
     * What opening a file costs, in bytes of reading, unless {@code openCostInBytes} or Spark's
     * {@code spark.sql.files.openCostInBytes} is set: 64 KB, not Spark's 4 MB (which models a columnar file's footer
     * reads). A failure record is one small object, read whole in one GET (fetched ahead on object stores) or one
     * local read: at 4 MB a task held only 32 files, and a few thousand files were a hundred tasks of milliseconds.
     */
    static final long OPEN_COST = 64L << 10;

    private final CaseInsensitiveStringMap options;
    private final StructType required;
    private final Profile profile;

    FailureScan(CaseInsensitiveStringMap options, StructType required) {
        this.options = options;
        this.required = required;
        String p = options.getOrDefault("profile", "tolerant");
        this.profile = Profile.fromId(p).orElseThrow(() -> new IllegalArgumentException(
                "onfailure: option profile must be tolerant or strict, not " + p));
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        return "onfailure[profile=" + profile.name().toLowerCase(java.util.Locale.ROOT) + ", paths=" + paths()
                + "]";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        SparkSession spark = SparkSession.active();
        Configuration conf = hadoopConf(spark);
        List<FileSplit.File> files = listAll(paths(), conf, allFiles());
        long maxPartitionBytes = bytes("maxPartitionBytes", spark, "spark.sql.files.maxPartitionBytes",
                128L << 20);
        long openCost = bytes("openCostInBytes", spark, "spark.sql.files.openCostInBytes", OPEN_COST);
        int parallelism = Math.max(1, spark.sparkContext().defaultParallelism());
        return FileSplit.pack(files, maxPartitionBytes, openCost, parallelism).toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new FailureReaderFactory(required, profile, new HadoopConf(hadoopConf(SparkSession.active())),
                readAhead());
    }

    /** Files fetched ahead per task: option {@code readAhead}; by default 8 on object stores, none on local disk. */
    private int readAhead() {
        if (options.containsKey("readAhead")) {
            String v = options.get("readAhead");
            if (!v.matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("onfailure: option readAhead must be 0 to 999, not " + v);
            }
            return Integer.parseInt(v);
        }
        boolean local = paths().stream().allMatch(p -> {
            String scheme = new Path(p).toUri().getScheme();
            return scheme == null || scheme.equals("file");
        });
        return local ? 0 : 8;
    }

    private List<String> paths() {
        List<String> out = new ArrayList<>();
        if (options.containsKey("path")) {
            out.add(options.get("path"));
        }
        if (options.containsKey("paths")) {
            // DataFrameReader.load(String...) passes several paths as a JSON array of strings
            try {
                JsonValue v = Json.parse(options.get("paths"));
                if (v instanceof JsonArray a) {
                    for (JsonValue e : a.elements()) {
                        if (e instanceof JsonString s) {
                            out.add(s.value());
                        }
                    }
                }
            } catch (ReadException e) {
                throw new IllegalArgumentException("onfailure: option paths is not a JSON array of strings", e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("onfailure: no path: use load(\"s3a://bucket/prefix\") or a directory");
        }
        return out;
    }

    /** Spark's Hadoop configuration, plus the options that name Hadoop settings ({@code fs.*}). */
    private Configuration hadoopConf(SparkSession spark) {
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        for (Map.Entry<String, String> e : options.asCaseSensitiveMap().entrySet()) {
            if (e.getKey().startsWith("fs.")) {
                conf.set(e.getKey(), e.getValue());
            }
        }
        return conf;
    }

    /** The option, else the Spark setting when it is set, else {@code fallback}. */
    private long bytes(String option, SparkSession spark, String sparkKey, long fallback) {
        String v = options.containsKey(option) ? options.get(option)
                : spark.conf().contains(sparkKey) ? spark.conf().get(sparkKey) : Long.toString(fallback);
        try {
            return org.apache.spark.network.util.JavaUtils.byteStringAsBytes(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("onfailure: " + option + " is not a size: " + v, e);
        }
    }

    static void walk(FileSystem fs, Path dir, String relative, boolean all, List<FileSplit.File> out)
            throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            String name = relative + f.getPath().getName();
            if (f.isDirectory()) {
                if (!all || accept(name, true)) {
                    walk(fs, f.getPath(), name + "/", all, out);
                }
            } else if (f.isFile() && accept(name, all)) {
                out.add(new FileSplit.File(f.getPath().toString(), f.getLen()));
            }
        }
    }

    /**
     * {@link #walk} of a directory on the local file system with {@code java.nio}: the same files (symbolic links
     * followed, as {@code listStatus} follows them), the same paths, several times faster on many small files.
     */
    static void walkLocal(RawLocalFileSystem raw, Path dir, boolean all, List<FileSplit.File> out)
            throws IOException {
        java.nio.file.Path base = raw.pathToFile(dir).toPath();
        java.nio.file.Files.walkFileTree(base, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
                Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult preVisitDirectory(java.nio.file.Path d,
                            java.nio.file.attribute.BasicFileAttributes attrs) {
                        if (d.equals(base) || !all || accept(relative(d), true)) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFile(java.nio.file.Path f,
                            java.nio.file.attribute.BasicFileAttributes attrs) {
                        String name = relative(f);
                        if (attrs.isRegularFile() && accept(name, all)) {
                            out.add(new FileSplit.File(new Path(dir, name).toString(), attrs.size()));
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    private String relative(java.nio.file.Path p) {
                        String r = base.relativize(p).toString();
                        return java.io.File.separatorChar == '/' ? r : r.replace(java.io.File.separatorChar, '/');
                    }
                });
    }

    /** Option {@code files}: {@code all} (the default) or {@code records} (the command's rule). */
    private boolean allFiles() {
        String v = options.getOrDefault("files", "all");
        return switch (v) {
            case "all" -> true;
            case "records" -> false;
            default -> throw new IllegalArgumentException("onfailure: option files must be all or records, not " + v);
        };
    }

    /**
     * Lists every path, several at once (a prefix per day or per mapping lists in parallel), in the order given.
     */
    private static List<FileSplit.File> listAll(List<String> paths, Configuration conf, boolean all) {
        if (paths.size() == 1) {
            List<FileSplit.File> out = new ArrayList<>();
            list(new Path(paths.get(0)), conf, all, out);
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(16, paths.size()), r -> {
                    Thread t = new Thread(r, "onfailure-list");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<List<FileSplit.File>>> parts = new ArrayList<>();
            for (String p : paths) {
                parts.add(pool.submit(() -> {
                    List<FileSplit.File> out = new ArrayList<>();
                    list(new Path(p), conf, all, out);
                    return out;
                }));
            }
            List<FileSplit.File> out = new ArrayList<>();
            for (java.util.concurrent.Future<List<FileSplit.File>> f : parts) {
                try {
                    out.addAll(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while listing", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Whether a file below a directory is read: with {@code all}, every file whose path below the directory has no
     * part starting with {@code _} or {@code .} (Hadoop's and Spark's markers: {@code _SUCCESS}, {@code .crc},
     * {@code _temporary/}), since S3 destinations name objects without an extension; otherwise the command's rule.
     */
    private static boolean accept(String relative, boolean all) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        if (!all) {
            return Documents.isRecordFile(name);
        }
        for (String part : relative.split("/")) {
            if (part.startsWith("_") || part.startsWith(".")) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** A file named explicitly is read whatever its name; below a directory only record files are. */
    private static void list(Path path, Configuration conf, boolean all, List<FileSplit.File> out) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new IllegalArgumentException("onfailure: no such file or directory: " + path);
            }
            if (!status.isDirectory()) {
                out.add(new FileSplit.File(status.getPath().toString(), status.getLen()));
                return;
            }
            List<FileSplit.File> found = new ArrayList<>();
            if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
                // listFiles makes a LocatedFileStatus, whose permissions the local file system finds by running a
                // process per file; listStatus is cheaper but still several times slower than java.nio, which reads
                // a directory and each file's attributes once (the paths are made as listStatus makes them)
                RawLocalFileSystem raw = fs instanceof LocalFileSystem local
                        ? (RawLocalFileSystem) local.getRaw() : (RawLocalFileSystem) fs;
                try {
                    walkLocal(raw, status.getPath(), all, found);
                } catch (IllegalArgumentException e) {
                    // a name Hadoop's Path cannot take as a child (such as one with a colon): Hadoop's own walk
                    found.clear();
                    walk(fs, status.getPath(), "", all, found);
                }
            } else {
                // one flat listing on object stores (s3a pages through the prefix)
                String root = status.getPath().toString();
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    String p = f.getPath().toString();
                    String relative = p.startsWith(root + "/") ? p.substring(root.length() + 1) : f.getPath().getName();
                    if (f.isFile() && accept(relative, all)) {
                        found.add(new FileSplit.File(f.getPath().toString(), f.getLen()));
                    }
                }
            }
            found.sort(java.util.Comparator.comparing(FileSplit.File::path));
            out.addAll(found);
        } catch (IOException e) {
            throw new UncheckedIOException("onfailure: cannot list " + path + ": " + e.getMessage(), e);
        }
    }
}
