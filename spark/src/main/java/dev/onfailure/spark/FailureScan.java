package dev.onfailure.spark;

import dev.onfailure.model.json.Json;
import dev.onfailure.model.json.JsonArray;
import dev.onfailure.model.json.JsonString;
import dev.onfailure.model.json.JsonValue;
import dev.onfailure.model.json.ReadException;
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
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
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
 * Spark packs files: whole files, up to {@code maxPartitionBytes} per task counting {@code openCostInBytes} for each,
 * and small enough that every core gets work.
 */
final class FailureScan implements Scan, Batch {

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
        List<FileSplit.File> files = new ArrayList<>();
        for (String p : paths()) {
            list(new Path(p), conf, files);
        }
        long maxPartitionBytes = bytes("maxPartitionBytes", spark, "spark.sql.files.maxPartitionBytes",
                128L << 20);
        long openCost = bytes("openCostInBytes", spark, "spark.sql.files.openCostInBytes", 4L << 20);
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

    private long bytes(String option, SparkSession spark, String sparkKey, long fallback) {
        String v = options.containsKey(option) ? options.get(option) : spark.conf().get(sparkKey, Long.toString(fallback));
        try {
            return org.apache.spark.network.util.JavaUtils.byteStringAsBytes(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("onfailure: " + option + " is not a size: " + v, e);
        }
    }

    private static void walk(FileSystem fs, Path dir, List<FileSplit.File> out) throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            if (f.isDirectory()) {
                walk(fs, f.getPath(), out);
            } else if (f.isFile() && Documents.isRecordFile(f.getPath().getName())) {
                out.add(new FileSplit.File(f.getPath().toString(), f.getLen()));
            }
        }
    }

    /** A file named explicitly is read whatever its name; below a directory only record files are. */
    private static void list(Path path, Configuration conf, List<FileSplit.File> out) {
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
            if (fs instanceof org.apache.hadoop.fs.LocalFileSystem || fs instanceof org.apache.hadoop.fs.RawLocalFileSystem) {
                // listFiles makes a LocatedFileStatus, whose permissions the local file system finds by running a
                // process per file: walked with listStatus, which reads them only when asked
                walk(fs, status.getPath(), found);
            } else {
                // one flat listing on object stores (s3a pages through the prefix)
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    if (f.isFile() && Documents.isRecordFile(f.getPath().getName())) {
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
