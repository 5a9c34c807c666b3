package dev.onfailure.spark;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
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
 * (16 KB unless set: {@link #OPEN_COST}), and small enough that every core gets a few tasks.
 *
 * <p>A scan lists once: Spark may ask for the partitions more than once (planning, then execution), and the answer
 * is kept. Local paths are listed with {@code java.nio} ({@link LocalPaths}), without Hadoop; other file systems
 * through Hadoop ({@link HadoopListing}: a prefix's directories listed many at once), with a configuration made once
 * per scan and broadcast to the executors (not serialised into every task).
 */
final class FailureScan implements Scan, Batch {

    /**
     * What opening a file costs, in bytes of reading, unless {@code openCostInBytes} or Spark's
     * {@code spark.sql.files.openCostInBytes} is set: 16 KB, not Spark's 4 MB (which models a columnar file's footer
     * reads). A failure record is one small object, read whole in one GET (fetched ahead on object stores) or one
     * local read, so small files fill a task by this cost, not by their bytes: at 4 MB a task held 32 files, and a few
     * thousand files were a hundred tasks of milliseconds; at 16 KB it holds about 7,000 (a split's 128 MB cap), enough
     * that what Spark spends on each task (deserialising it; for an aggregation, a shuffle file per reduce partition
     * and its generated code) is a few percent of its time (bench/README.md, "Fewer, larger tasks").
     */
    static final long OPEN_COST = 16L << 10;

    private final CaseInsensitiveStringMap options;
    private final StructType required;
    private final Profile profile;
    private List<String> paths;
    private String defaultFs;
    private Configuration conf;
    private InputPartition[] partitions;
    private FailureReaderFactory factory;
    /** The table's listings, kept for its later queries; null for a scan of its own (a check). */
    private final java.util.Map<String, List<FileSplit.File>> listings;

    FailureScan(CaseInsensitiveStringMap options, StructType required) {
        this(options, required, null);
    }

    FailureScan(CaseInsensitiveStringMap options, StructType required,
            java.util.Map<String, List<FileSplit.File>> listings) {
        this.options = options;
        this.required = required;
        this.listings = listings;
        String p = options.getOrDefault("profile", "tolerant");
        // in any case, as the command takes it
        this.profile = Profile.fromId(p.toLowerCase(java.util.Locale.ROOT)).orElseThrow(
                () -> new IllegalArgumentException("onfailure: option profile must be tolerant or strict, not " + p));
    }

    /**
     * Checks the options that need no listing (profile, files, pathGlobFilter, modifiedAfter, modifiedBefore,
     * timeZone, readAhead, maxPartitionBytes, openCostInBytes), so that a bad one is an error at {@code load()}, as
     * Spark's own sources give it, not at the first action.
     *
     * @throws IllegalArgumentException naming the option
     */
    static void check(CaseInsensitiveStringMap options) {
        FailureScan scan = new FailureScan(options, FailureRows.SCHEMA);
        SparkSession spark = SparkSession.active();
        scan.allFiles();
        scan.wanted(spark);
        scan.readAheadOption();
        scan.packing(spark);
    }

    /** Options {@code maxPartitionBytes} (above zero) and {@code openCostInBytes}, else Spark's, else ours. */
    private long[] packing(SparkSession spark) {
        return new long[] {bytes("maxPartitionBytes", spark, "spark.sql.files.maxPartitionBytes", 128L << 20, 1),
            bytes("openCostInBytes", spark, "spark.sql.files.openCostInBytes", OPEN_COST, 0)};
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        StringBuilder sb = new StringBuilder("onfailure[profile=")
                .append(profile.name().toLowerCase(java.util.Locale.ROOT)).append(", paths=").append(paths());
        for (String option : List.of("pathGlobFilter", "modifiedAfter", "modifiedBefore")) {
            if (options.containsKey(option)) {
                sb.append(", ").append(option).append('=').append(options.get(option));
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public synchronized InputPartition[] planInputPartitions() {
        if (partitions == null) {
            SparkSession spark = SparkSession.active();
            boolean all = allFiles();
            List<FileSplit.File> files;
            if (listings == null) {
                files = list(all, spark);
            } else {
                // once per table: its DataFrame's later queries read what its first one listed
                files = listings.computeIfAbsent(listingKey(spark), k -> List.copyOf(list(all, spark)));
            }
            long[] packing = packing(spark);
            int parallelism = Math.max(1, spark.sparkContext().defaultParallelism());
            partitions = FileSplit.pack(files, packing[0], packing[1], parallelism).toArray(new InputPartition[0]);
        }
        return partitions.clone();
    }

    /** Expands the paths' globs and lists what they name, in the order given. */
    private List<FileSplit.File> list(boolean all, SparkSession spark) {
        // one file system of our own per bucket for all the paths and globs (s3a: see HadoopListing.lister)
        try (HadoopListing.Listers listers = new HadoopListing.Listers(hadoopConf(spark))) {
            List<String> paths = new ArrayList<>();
            for (String p : paths()) {
                paths.addAll(expand(p, all, spark, listers));
            }
            return listAll(paths, all, wanted(spark), spark, listers);
        } catch (IOException e) {
            throw new UncheckedIOException("onfailure: cannot close a listing: " + e.getMessage(), e);
        }
    }

    /**
     * What decides a listing: the paths, the options (the listing ones among them: files, pathGlobFilter,
     * modifiedAfter, modifiedBefore, timeZone) and the session's time zone, which a time without an offset is read in.
     */
    String listingKey(SparkSession spark) {
        return new java.util.TreeMap<>(options.asCaseSensitiveMap()).toString() + "|"
                + spark.conf().get("spark.sql.session.timeZone", java.util.TimeZone.getDefault().getID());
    }

    @Override
    public synchronized PartitionReaderFactory createReaderFactory() {
        if (factory == null) {
            SparkSession spark = SparkSession.active();
            Broadcast<HadoopConf> broadcast = allLocal(spark) ? null
                    : JavaSparkContext.fromSparkContext(spark.sparkContext())
                            .broadcast(new HadoopConf(hadoopConf(spark)));
            factory = new FailureReaderFactory(required, profile, broadcast, readAhead(spark));
        }
        return factory;
    }

    /** Files fetched ahead per task: option {@code readAhead}; by default 8 on object stores, none on local disk. */
    private int readAhead(SparkSession spark) {
        OptionalInt given = readAheadOption();
        return given.isPresent() ? given.getAsInt() : allLocal(spark) ? 0 : 8;
    }

    /** Option {@code readAhead}, 0 to 999, if given. */
    private OptionalInt readAheadOption() {
        if (!options.containsKey("readAhead")) {
            return OptionalInt.empty();
        }
        String v = options.get("readAhead").strip();
        if (!v.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("onfailure: option readAhead must be 0 to 999, not " + v);
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    /** Whether every path is on the local file system (read with {@code java.nio}, no Hadoop). */
    private boolean allLocal(SparkSession spark) {
        return paths().stream().allMatch(p -> local(p, spark).isPresent());
    }

    private Optional<java.nio.file.Path> local(String path, SparkSession spark) {
        if (defaultFs == null) {
            defaultFs = spark.sparkContext().hadoopConfiguration().get("fs.defaultFS", "file:///");
        }
        return LocalPaths.of(path, defaultFs);
    }

    private List<String> paths() {
        if (paths == null) {
            paths = List.copyOf(parsePaths());
        }
        return paths;
    }

    private List<String> parsePaths() {
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

    /**
     * Spark's Hadoop configuration, plus the options that name Hadoop settings ({@code fs.*}): copied once per scan,
     * and only for paths that are not local.
     */
    private synchronized Configuration hadoopConf(SparkSession spark) {
        if (conf == null) {
            conf = new Configuration(spark.sparkContext().hadoopConfiguration());
            for (Map.Entry<String, String> e : options.asCaseSensitiveMap().entrySet()) {
                if (e.getKey().startsWith("fs.")) {
                    conf.set(e.getKey(), e.getValue());
                }
            }
        }
        return conf;
    }

    /** The option, else the Spark setting when it is set, else {@code fallback}. */
    private long bytes(String option, SparkSession spark, String sparkKey, long fallback, long least) {
        String v = options.containsKey(option) ? options.get(option).strip()
                : spark.conf().contains(sparkKey) ? spark.conf().get(sparkKey) : Long.toString(fallback);
        long n;
        try {
            n = org.apache.spark.network.util.JavaUtils.byteStringAsBytes(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("onfailure: option " + option + " is not a size: " + v, e);
        }
        if (n < least) {
            throw new IllegalArgumentException("onfailure: option " + option + " must be " + (least == 0
                    ? "zero or more" : "above zero") + ", not " + v);
        }
        return n;
    }

    /** Options {@code pathGlobFilter}, {@code modifiedAfter}, {@code modifiedBefore} and {@code timeZone}. */
    private Wanted wanted(SparkSession spark) {
        return Wanted.of(Optional.ofNullable(options.get("pathGlobFilter")),
                Optional.ofNullable(options.get("modifiedAfter")), Optional.ofNullable(options.get("modifiedBefore")),
                Optional.ofNullable(options.get("timeZone")),
                spark.conf().get("spark.sql.session.timeZone", java.util.TimeZone.getDefault().getID()));
    }

    /** Option {@code files}: {@code all} (the default) or {@code records} (the command's rule). */
    private boolean allFiles() {
        String v = options.getOrDefault("files", "all");
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> true;
            case "records" -> false;
            default -> throw new IllegalArgumentException("onfailure: option files must be all or records, not " + v);
        };
    }

    /** {@link #expand(String, boolean, Configuration)}, a glob that matches nothing being an error. */
    private List<String> expand(String path, boolean all, SparkSession spark, HadoopListing.Listers listers) {
        try {
            List<String> out = expand(path, all, hadoopConf(spark), listers);
            if (out.isEmpty()) {
                throw new IllegalArgumentException("onfailure: nothing matches " + path);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("onfailure: cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * A path with a glob ({@code *}, {@code ?}, {@code [...]}, {@code {a,b}}, as Hadoop reads them) that names nothing
     * as it is written: the files and directories it matches, sorted, leaving out what {@link #accept} would (markers
     * and hidden names with {@code all}; with {@code records}, files not named as records), none when nothing is
     * left. Any other path as it is, unchecked. {@link ReportJob} checks its inputs with it before writing anything.
     */
    static List<String> expand(String path, boolean all, Configuration conf) throws IOException {
        try (HadoopListing.Listers listers = new HadoopListing.Listers(conf)) {
            return expand(path, all, conf, listers);
        }
    }

    /** {@link #expand(String, boolean, Configuration)} with the file systems of {@code listers}. */
    static List<String> expand(String path, boolean all, Configuration conf, HadoopListing.Listers listers)
            throws IOException {
        if (!isGlob(path)) {
            return List.of(path);
        }
        Optional<java.nio.file.Path> local = LocalPaths.of(path, conf.get("fs.defaultFS", "file:///"));
        if (local.isPresent()) {
            return expandLocal(path, local.get(), all);
        }
        Path pattern = new Path(path);
        FileSystem fs = listers.fs(pattern);
        if (fs.exists(pattern)) {
            return List.of(path);                                    // a name that only looks like a glob
        }
        FileStatus[] matches = fs.globStatus(pattern);
        List<String> out = new ArrayList<>();
        for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
            String name = m.getPath().getName();
            if (all ? LocalPaths.acceptedName(name) : m.isDirectory() || Documents.isRecordFile(name)) {
                out.add(m.getPath().toString());
            }
        }
        out.sort(LocalPaths::compareCodePoints);
        return out;
    }

    /**
     * {@link #expand} for a local path, with Hadoop's glob syntax (its {@code GlobExpander} for braces that hold a
     * {@code /}, its {@code GlobPattern} for each part) but the directories listed with {@code java.nio}: Hadoop's
     * {@code globStatus} makes a {@code Path} of every entry of a directory it lists, and fails on a name with a
     * colon ({@code Relative path in absolute URI}) beside what the glob matches.
     */
    private static List<String> expandLocal(String path, java.nio.file.Path qualified, boolean all)
            throws IOException {
        if (Files.exists(qualified)) {
            return List.of(path);                                    // a name that only looks like a glob
        }
        List<String> out = new ArrayList<>();
        for (String one : org.apache.hadoop.fs.GlobExpander.expand(qualified.toString())) {
            List<java.nio.file.Path> level = List.of(qualified.getRoot());
            String[] parts = one.substring(1).split("/");
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                org.apache.hadoop.fs.GlobPattern glob = new org.apache.hadoop.fs.GlobPattern(part);
                List<java.nio.file.Path> next = new ArrayList<>();
                for (java.nio.file.Path dir : level) {
                    if (!glob.hasWildcard()) {
                        java.nio.file.Path child = dir.resolve(unescape(part));
                        if (Files.exists(child)) {
                            next.add(child);
                        }
                        continue;
                    }
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (java.nio.file.DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(dir)) {
                        for (java.nio.file.Path e : entries) {
                            if (glob.matches(e.getFileName().toString())) {
                                next.add(e);
                            }
                        }
                    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                        // a directory that cannot be listed matches nothing, as Hadoop's globber takes it
                    }
                }
                level = next;
            }
            for (java.nio.file.Path m : level) {
                String name = m.getFileName() == null ? "" : m.getFileName().toString();
                if (all ? LocalPaths.acceptedName(name) : Files.isDirectory(m) || Documents.isRecordFile(name)) {
                    out.add(LocalPaths.uri(m));
                }
            }
        }
        out.sort(LocalPaths::compareCodePoints);
        return out.stream().distinct().toList();
    }

    /** A glob part without wildcards, as the name it stands for: {@code \x} is {@code x}. */
    private static String unescape(String part) {
        StringBuilder sb = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' && i + 1 < part.length()) {
                c = part.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Whether {@code path} holds a character Hadoop's globs give a meaning to. */
    static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /**
     * Lists every path, several at once (a prefix per day or per mapping lists in parallel), in the order given. Paths
     * on Hadoop file systems share one pool of {@link HadoopListing#THREADS} threads for their requests, which
     * {@link HadoopListing} spreads over the directories of each, and the file systems of {@code listers}.
     */
    private List<FileSplit.File> listAll(List<String> paths, boolean all, Wanted wanted, SparkSession spark,
            HadoopListing.Listers listers) {
        java.util.concurrent.ExecutorService requests = null;
        java.util.concurrent.ExecutorService listings = null;
        try {
            // decided here, on the calling thread: the local ones need no Hadoop, the others share one configuration
            List<java.util.concurrent.Callable<List<FileSplit.File>>> each = new ArrayList<>();
            for (String p : paths) {
                Optional<java.nio.file.Path> local = local(p, spark);
                if (local.isPresent()) {
                    each.add(() -> listLocal(local.get(), all, wanted));
                } else {
                    if (requests == null) {
                        requests = threads(HadoopListing.THREADS);
                    }
                    java.util.concurrent.ExecutorService pool = requests;
                    each.add(() -> HadoopListing.list(new Path(p), listers, all, wanted, pool));
                }
            }
            listings = each.size() > 1 ? threads(Math.min(16, each.size())) : null;   // one runs on this thread
            List<FileSplit.File> out = new ArrayList<>();
            for (List<FileSplit.File> part : HadoopListing.all(listings, each)) {
                out.addAll(part);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);                     // the listings throw theirs unchecked, with paths
        } finally {
            if (listings != null) {
                listings.shutdownNow();
            }
            if (requests != null) {
                requests.shutdownNow();
            }
        }
    }

    /** A pool of daemon threads named {@code onfailure-list}. */
    private static java.util.concurrent.ExecutorService threads(int n) {
        return java.util.concurrent.Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "onfailure-list");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Whether a file below a directory is read: with {@code all}, every file whose path below the directory has no
     * part starting with {@code _} or {@code .} (Hadoop's and Spark's markers: {@code _SUCCESS}, {@code .crc},
     * {@code _temporary/}), since S3 destinations name objects without an extension; otherwise the command's rule.
     */
    static boolean accept(String relative, boolean all) {
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

    private static List<FileSplit.File> listLocal(java.nio.file.Path path, boolean all, Wanted wanted) {
        try {
            return LocalPaths.list(path, all, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("onfailure: cannot list " + path + ": " + e.getMessage(), e);
        }
    }
}
