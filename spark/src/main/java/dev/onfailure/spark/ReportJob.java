package dev.onfailure.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The ready job: reads failure records, writes them as a Parquet table and a summary beside it, and prints the
 * summary.
 *
 * <pre>
 * spark-submit --class dev.onfailure.spark.ReportJob onfailure-spark.jar \
 *     s3a://dlq-bucket/failures/ s3a://reports/onfailure/2026-12-01 --profile strict
 * </pre>
 *
 * <p>It writes {@code <output>/records} (one row per record, {@link FailureRows#SCHEMA}) and {@code <output>/summary}:
 * per function, topic and condition, the failure records ({@code records}), how many of them are invalid
 * ({@code invalid}), the Kafka offsets waiting to be redriven ({@code offsetsWaiting}: the sum of
 * {@code last - first + 1} over their ranges) and the first and last failure time. An existing output is an error
 * unless {@code --overwrite} is given: nothing is replaced that was not asked for, and a rerun never duplicates.
 * An input may hold a glob ({@code 's3a://dlq-bucket/aws/lambda/*&#47;orders-*&#47;2026/12/*&#47;'}, quoted for the
 * shell): it is read as what it matches, and one that matches nothing is an error before anything is written.
 * {@code --modified-after} and {@code --modified-before} read only the objects last modified strictly after or before
 * a time (options {@code modifiedAfter} and {@code modifiedBefore}: a time without an offset is in the session's time
 * zone), so that a daily report reads that day's objects.
 * Exit codes: 0 done, 2 a usage error or an input or output that could not be used.
 */
public final class ReportJob {

    private static final String USAGE = "usage: ReportJob INPUT... OUTPUT [--profile tolerant|strict] [--overwrite]"
            + " [--show N] [--modified-after TIME] [--modified-before TIME]";

    private ReportJob() {
    }

    /** Runs the job in the session spark-submit made, and exits with its code. */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            help(System.out);
            System.exit(0);
        }
        SparkSession spark = SparkSession.builder().appName("onfailure report").getOrCreate();
        int code;
        try {
            code = run(spark, args, System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the job in {@code spark}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        List<String> paths = new ArrayList<>();
        String profile = "tolerant";
        boolean overwrite = false;
        int show = 100;
        java.util.Map<String, String> window = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--profile needs a value");
                    }
                    profile = args[++i];
                }
                case "--overwrite" -> overwrite = true;
                case "--help", "-h" -> {
                    help(out);
                    return 0;
                }
                case "--modified-after", "--modified-before" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, args[i] + " needs a time");
                    }
                    String option = args[i].equals("--modified-after") ? "modifiedAfter" : "modifiedBefore";
                    try {
                        Wanted.instant(option, args[i + 1], java.time.ZoneOffset.UTC);
                    } catch (IllegalArgumentException e) {
                        return usage(err, args[i] + " must be a time such as 2026-12-01T00:00:00Z or 2026-12-01,"
                                + " not " + args[i + 1]);
                    }
                    window.put(option, args[++i]);
                }
                case "--show" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("[0-9]{1,9}")) {
                        return usage(err, "--show needs a number");
                    }
                    show = Integer.parseInt(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return usage(err, "unknown option " + args[i]);
                    }
                    paths.add(args[i]);
                }
            }
        }
        if (paths.size() < 2) {
            return usage(err, "give at least one input and the output");
        }
        if (!profile.equalsIgnoreCase("tolerant") && !profile.equalsIgnoreCase("strict")) {
            return usage(err, "--profile must be tolerant or strict, not " + profile);
        }
        profile = profile.toLowerCase(java.util.Locale.ROOT);                  // in any case, as the command takes it
        String output = paths.remove(paths.size() - 1);
        try {
            // Inputs are checked before anything is written, so a typo leaves no output behind.
            org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
            // what is read: a glob as what the data source will read of it (markers left out), any other path as it is
            List<org.apache.hadoop.fs.Path> read = new ArrayList<>();
            try (HadoopListing.Listers listers = new HadoopListing.Listers(conf)) {
                for (String p : paths) {
                    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
                    List<String> matched = FailureScan.expand(p, true, conf, listers);
                    if (matched.isEmpty()) {
                        err.println("onfailure report: nothing matches " + p);
                        return 2;
                    }
                    if (!FailureScan.isGlob(p) && !listers.fs(path).exists(path)) {  // a prefix: probed by listing
                        err.println("onfailure report: no such file or directory: " + p);
                        return 2;
                    }
                    for (String each : matched) {
                        org.apache.hadoop.fs.Path m = new org.apache.hadoop.fs.Path(each);
                        read.add(m.getFileSystem(conf).makeQualified(m));
                    }
                }
            }
            // An output inside an input would be read as records by the next run; an input inside another, twice.
            org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(output);
            to = to.getFileSystem(conf).makeQualified(to);
            for (int i = 0; i < read.size(); i++) {
                if (within(to, read.get(i)) || within(read.get(i), to)) {
                    err.println("onfailure report: the output " + output + " and the input " + read.get(i)
                            + " overlap: give an output outside every input");
                    return 2;
                }
                for (int j = 0; j < read.size(); j++) {
                    if (i != j && within(read.get(i), read.get(j))) {
                        boolean same = comparable(read.get(i)).equals(comparable(read.get(j)));
                        err.println("onfailure report: the input " + read.get(i) + " is "
                                + (same ? "given twice" : "inside the input " + read.get(j))
                                + ": its records would be counted twice");
                        return 2;
                    }
                }
            }
            Dataset<Row> records = spark.read().format("onfailure").option("profile", profile).options(window)
                    .load(paths.toArray(new String[0]));
            SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
            records.write().mode(mode).parquet(output + "/records");
            // The summary is computed from the table just written: the records are read and validated once.
            Dataset<Row> summary = summary(spark.read().parquet(output + "/records"));
            summary.coalesce(1).write().mode(mode).parquet(output + "/summary");
            Dataset<Row> written = spark.read().parquet(output + "/summary");
            out.println("onfailure report: " + written.count() + " function/topic/condition groups; records in "
                    + output + "/records, summary in " + output + "/summary");
            print(out, written.orderBy(col("invalid").desc(), col("records").desc(), col("functionArn"),
                    col("topic"), col("condition")).limit(show).collectAsList(), written.columns());
            out.flush();
            return 0;
        } catch (Exception e) {
            // Spark's AnalysisException (an existing output, say) is a checked exception Java cannot name here
            err.println("onfailure report: " + oneLine(e));
            return 2;
        }
    }

    /**
     * Per function, topic and condition: {@code records}, {@code invalid}, {@code offsetsWaiting},
     * {@code firstFailure}, {@code lastFailure}. A record with ranges in several topics counts once in each.
     */
    public static Dataset<Row> summary(Dataset<Row> records) {
        Column waiting = col("range.lastOffset").minus(col("range.firstOffset")).plus(1);
        return records
                .select(col("source"), col("valid"), col("functionArn"), col("condition"), col("timestamp"),
                        explode_outer(col("ranges")).as("range"))
                .withColumn("topic", col("range.topic"))
                .groupBy(col("functionArn"), col("topic"), col("condition"))
                .agg(count_distinct(col("source")).as("records"),
                        count_distinct(when(col("valid").equalTo(false), col("source"))).as("invalid"),
                        sum(when(waiting.geq(0), waiting)).cast("decimal(38,0)").as("offsetsWaiting"),
                        min(col("timestamp")).as("firstFailure"),
                        max(col("timestamp")).as("lastFailure"));
    }

    /** The most characters of a value the printed summary shows; the tables hold every value whole. */
    static final int MAX_CELL = 80;

    /**
     * Prints rows as an aligned table (nulls as {@code -}). Values come from the records (a topic, a function ARN, a
     * condition), so they are shown as {@link #cell} makes them: control characters written out, never sent to the
     * terminal, and long values cut.
     */
    static void print(PrintStream out, List<Row> rows, String[] columns) {
        List<String[]> cells = new ArrayList<>();
        cells.add(columns);
        for (Row r : rows) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                line[i] = r.isNullAt(i) ? "-" : cell(String.valueOf(r.get(i)));
            }
            cells.add(line);
        }
        int[] widths = new int[columns.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                sb.append(line[i]);
                if (i < line.length - 1) {
                    sb.append(" ".repeat(widths[i] - line[i].length() + 2));
                }
            }
            out.println(sb);
        }
    }

    /**
     * A value as the printed summary shows it: each control character (C0, DEL, C1), line or paragraph separator and
     * bidirectional mark or override as <code>&#92;n</code>, <code>&#92;r</code>, <code>&#92;t</code> or
     * <code>&#92;u001b</code>, so that a record cannot move the cursor, recolour the terminal or show a line backwards;
     * then at most {@link #MAX_CELL} characters, a longer value cut between two of its characters (never inside a
     * written-out one or a surrogate pair) and ending in {@code ...}.
     */
    static String cell(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_CELL + 8));
        int fits = 0;   // the length up to the last whole character that leaves room for "..."
        for (int i = 0; i < value.length() && sb.length() <= MAX_CELL; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (isControl(c)) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        sb.append(c).append(value.charAt(++i));
                    } else {
                        sb.append(c);
                    }
                }
            }
            if (sb.length() <= MAX_CELL - 3) {
                fits = sb.length();
            }
        }
        return sb.length() <= MAX_CELL ? sb.toString() : sb.substring(0, fits) + "...";
    }

    /** What {@link #cell} writes out: the characters the command's text output writes out too. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** Whether {@code path} is {@code dir} or below it (both qualified). */
    static boolean within(org.apache.hadoop.fs.Path path, org.apache.hadoop.fs.Path dir) {
        String p = comparable(path);
        String d = comparable(dir);
        return p.equals(d) || p.startsWith(d.endsWith("/") ? d : d + "/");
    }

    /** {@code file:/a} and {@code file:///a} alike: scheme, authority (none as empty) and path. */
    private static String comparable(org.apache.hadoop.fs.Path path) {
        java.net.URI u = path.toUri();
        return u.getScheme() + "://" + (u.getAuthority() == null ? "" : u.getAuthority()) + u.getPath();
    }

    private static void help(PrintStream out) {
        out.println(USAGE);
        out.println("Reads every failure record below the INPUTs (local paths, s3a://, globs) and writes OUTPUT/records"
                + " (a row per document) and OUTPUT/summary (per function, topic and condition) as Parquet, then prints"
                + " the summary's first N groups (--show, 100). OUTPUT must not exist unless --overwrite is given, and"
                + " must lie outside every input. Exit codes: 0 done, 2 a usage error or an input or output that could"
                + " not be used.");
        out.flush();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("onfailure report: " + problem);
        err.println(USAGE);
        return 2;
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || !t.getMessage().startsWith("onfailure"))) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
