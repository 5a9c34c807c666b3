package dev.onfailure.spark;

import dev.onfailure.cli.Main;
import dev.onfailure.codegen.GeneratorOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Documents per second through {@code format("onfailure")} at {@code local[1]} and {@code local[2]}, beside the command
 * ({@code onfailure validate --format json}, in-process, one and two threads) on the same files in the same run. Not
 * part of the test run (its name does not end in Test); see bench/README.md for how to run it and the results.
 * Sizes: {@code -Dbench.files=N} (default 4000), {@code -Dbench.runs=N} (default 5 rounds; 0 only
 * generates the records), {@code -Dbench.warmups=N}
 * (default 3 untimed rounds first: the JIT is still compiling after one), {@code -Dbench.dir=PATH} (where the
 * generated records are kept for the next run; see {@link #data}), {@code -Dbench.maxRecords=N} (the most Kafka
 * records in a generated batch, default 20: one batch in twenty has that many, so larger values make a few files of
 * up to several MB, as S3 destinations hold). For large inputs, where a round takes minutes:
 * {@code -Dbench.command=false} leaves the command out (its figures are then 0), and {@code -Dbench.firstQuery=small}
 * runs each session's untimed first query over the {@code corpus} directory only instead of over every file.
 *
 * <p>The measurements are interleaved, so that load from elsewhere on the machine hits all of them alike: each round
 * times the command with one thread, then the data source at {@code local[1]} (a fresh session, one untimed query
 * first), then the command with two threads and the data source at {@code local[2]}, the two halves swapping places
 * every other round. The JIT stays warm across sessions (one JVM); medians over the rounds are reported, of wall-clock
 * time and of the process's CPU time (which a loaded machine inflates far less than wall-clock time).
 *
 * <p>Diagnostics, for telling why {@code local[2]} does or does not scale: each timed run's CPU time split by thread
 * ({@link ThreadCpu}: the task threads, the driver's, the JIT's, the collector's), medians over the rounds; and, for the
 * last round, each query's tasks on its executor slots ({@link TaskTimeline}: how busy each slot was, how long before
 * the first task started, how much of a task's run time it was on a CPU).
 */
final class SparkBenchmark {

    private static final int FILES = Integer.getInteger("bench.files", 4000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final int WARMUPS = Integer.getInteger("bench.warmups", 3);
    private static final int MAX_RECORDS = Integer.getInteger("bench.maxRecords",
            GeneratorOptions.defaults().maxRecords());
    private static final boolean COMMAND = Boolean.parseBoolean(System.getProperty("bench.command", "true"));
    private static final boolean SMALL_FIRST = System.getProperty("bench.firstQuery", "full").equals("small");
    private static final String[] WHAT = {"command", "command's columns", "every column", "kind + count(*)"};

    /**
     * One timed run: wall seconds, its CPU split, (for Spark) its tasks, and the classes the JVM loaded during it
     * (new classes are new code for the JIT to compile: Spark's generated code, lambdas, proxies).
     */
    private record Run(double wall, ThreadCpu.Split cpu, TaskTimeline.Summary tasks, long classes) {
    }

    /** Runs the benchmark outside Maven (see bench/README.md). */
    public static void main(String[] args) throws IOException {
        new SparkBenchmark().run();
        System.exit(0);
    }

    @Test
    void run() throws IOException {
        Path dir = data();
        if (RUNS == 0) {
            return;                                                     // -Dbench.runs=0: only make the records
        }
        long docs;
        long bytes;
        try (var files = Files.walk(dir)) {
            docs = files.filter(p -> p.toString().endsWith(".json")).count();
        }
        try (var files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d files, %d documents, %.1f MB; median of %d interleaved rounds after"
                + " %d warm-up rounds; batches of up to %d records; command %s; first query of a session over %s;"
                + " JVM: %s", FILES, docs, bytes / 1e6, RUNS, WARMUPS, MAX_RECORDS, COMMAND ? "timed" : "left out",
                SMALL_FIRST ? "corpus/" : "every file",
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-XX") || a.startsWith("-Xm")).toList())));

        // [cores 1 or 2][command, spark command's columns, spark every column, spark kind + count(*)][round]
        Run[][][] r = new Run[2][4][RUNS];
        for (int round = -WARMUPS; round < RUNS; round++) {
            for (int i = 0; i < 2; i++) {
                int cores = (round & 1) == 0 ? 1 + i : 2 - i;
                Run[] runs = round(dir, cores);
                if (round >= 0) {
                    for (int k = 0; k < 4; k++) {
                        r[cores - 1][k][round] = runs[k];
                    }
                }
            }
            System.out.printf(Locale.ROOT, "round %d done (load average %.2f)%n", round,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        double[][] t = new double[8][];
        double[][] c = new double[8][];
        for (int cores = 0; cores < 2; cores++) {
            for (int k = 0; k < 4; k++) {
                Run[] runs = r[cores][k];
                t[cores * 4 + k] = Arrays.stream(runs).mapToDouble(Run::wall).toArray();
                c[cores * 4 + k] = Arrays.stream(runs).mapToDouble(x -> x.cpu().process()).toArray();
            }
        }
        double cmd1 = median(t[0]);
        double cmd2 = median(t[4]);
        double[] spark1 = {median(t[1]), median(t[2]), median(t[3])};
        double[] spark2 = {median(t[5]), median(t[6]), median(t[7])};

        if (COMMAND) {
            out.add(row("command --threads 1", docs, cmd1, t[0]));
            out.add(row("command --threads 2", docs, cmd2, t[4]));
        }
        out.add(row("spark local[1], command's columns", docs, spark1[0], t[1]));
        out.add(row("spark local[1], every column", docs, spark1[1], t[2]));
        out.add(row("spark local[1], kind + count(*)", docs, spark1[2], t[3]));
        out.add(row("spark local[2], command's columns", docs, spark2[0], t[5]));
        out.add(row("spark local[2], every column", docs, spark2[1], t[6]));
        out.add(row("spark local[2], kind + count(*)", docs, spark2[2], t[7]));
        out.add(String.format(Locale.ROOT, "scaling local[1] -> local[2]: %.2fx (command's columns), %.2fx (every"
                + " column), %.2fx (kind + count(*))%s", spark1[0] / spark2[0], spark1[1] / spark2[1],
                spark1[2] / spark2[2], COMMAND ? String.format(Locale.ROOT, "; command 1 -> 2 threads: %.2fx",
                        cmd1 / cmd2) : ""));
        if (COMMAND) {
            out.add(String.format(Locale.ROOT, "cost per document vs the command on one core: %.2fx (command's"
                    + " columns), %.2fx (every column); at two: %.2fx (command's columns)", spark1[0] / cmd1,
                    spark1[1] / cmd1, spark2[0] / cmd2));
        }
        out.add(String.format(Locale.ROOT, "process CPU seconds (median): %slocal[1] %.2f, %.2f, %.2f; local[2] %.2f,"
                + " %.2f, %.2f (command's columns, every column, kind + count(*))", COMMAND
                        ? String.format(Locale.ROOT, "command %.2f / %.2f (1 / 2 threads); ", median(c[0]),
                                median(c[4])) : "", median(c[1]), median(c[2]), median(c[3]), median(c[5]),
                median(c[6]), median(c[7])));
        if (COMMAND) {
            out.add(String.format(Locale.ROOT, "CPU per document vs the command on one core: %.2fx (command's"
                    + " columns), %.2fx (every column), %.2fx (kind + count(*))", median(c[1]) / median(c[0]),
                    median(c[2]) / median(c[0]), median(c[3]) / median(c[0])));
        }
        out.add("CPU by thread, seconds (median of the rounds; tasks = Spark's task threads or the command's workers;"
                + " driver = every other Java thread; JIT = C1/C2 compiler threads; GC/VM = collector and VM thread):");
        for (int cores = 0; cores < 2; cores++) {
            for (int k = COMMAND ? 0 : 1; k < 4; k++) {
                Run[] runs = r[cores][k];
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-8s %-18s wall %.2f",
                        k == 0 ? "threads " + (cores + 1) : "local[" + (cores + 1) + "]", WHAT[k],
                        median(Arrays.stream(runs).mapToDouble(Run::wall).toArray())));
                for (ThreadCpu.Kind kind : ThreadCpu.Kind.values()) {
                    line.append(String.format(Locale.ROOT, "  %s %.2f", kind.name().toLowerCase(Locale.ROOT),
                            median(Arrays.stream(runs).mapToDouble(x -> x.cpu().of(kind)).toArray())));
                }
                line.append(String.format(Locale.ROOT, "  (process %.2f); JIT by round %s; classes loaded %s",
                        median(c[cores * 4 + k]), Arrays.toString(Arrays.stream(runs).mapToLong(
                                x -> Math.round(x.cpu().of(ThreadCpu.Kind.JIT) * 1000)).toArray()) + " ms",
                        Arrays.toString(Arrays.stream(runs).mapToLong(Run::classes).toArray())));
                if (k > 0) {
                    line.append(String.format(Locale.ROOT, "; slots busy %.0f%%, task CPU / run %.0f%%, first task"
                            + " after %.0f ms", 100 * median(Arrays.stream(runs)
                                    .mapToDouble(x -> x.tasks().utilisation()).toArray()),
                            100 * median(Arrays.stream(runs).mapToDouble(
                                    x -> x.tasks().cpuMs() / Math.max(1, x.tasks().runMs())).toArray()),
                            median(Arrays.stream(runs).mapToDouble(x -> x.tasks().beforeFirstMs()).toArray())));
                }
                out.add(line.toString());
            }
        }
        out.add("The last round, run by run:");
        for (int cores = 0; cores < 2; cores++) {
            for (int k = COMMAND ? 0 : 1; k < 4; k++) {
                Run last = r[cores][k][RUNS - 1];
                out.add(String.format(Locale.ROOT, "%s, %s: %.3f s; %s", k == 0 ? "command --threads " + (cores + 1)
                        : "local[" + (cores + 1) + "]", WHAT[k], last.wall(), last.cpu().describe()));
                if (last.tasks() != null) {
                    out.addAll(last.tasks().describe());
                }
            }
        }
        System.out.println("\n==== SparkBenchmark ====\n" + String.join("\n", out) + "\n========================");
    }

    /**
     * The directory of records: {@code -Dbench.dir}, by default {@code onfailure-spark-bench-<files>} in the temporary
     * directory. Generated once (every kind, both payload forms, a sixth invalid: what a DLQ bucket holds; 100,000
     * files take minutes) and reused by later runs with the same plan, which a marker file written last records; a
     * directory holding anything else is refused rather than mixed in.
     */
    private static Path data() throws IOException {
        boolean larger = MAX_RECORDS != GeneratorOptions.defaults().maxRecords();
        Path dir = Path.of(System.getProperty("bench.dir", Path.of(System.getProperty("java.io.tmpdir"),
                "onfailure-spark-bench-" + FILES + (larger ? "-r" + MAX_RECORDS : "")).toString()));
        int valid = FILES * 5 / 6;
        TestData.Plan plan = new TestData.Plan(42, valid, FILES - valid, 0, 0, false, 0);
        Path marker = dir.resolve(".bench-plan");
        String want = plan + (larger ? " maxRecords=" + MAX_RECORDS : "");
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(want)) {
            System.out.println("reusing " + dir + " (" + want + ")");
            return dir;
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException("bench.dir " + dir + " holds files of another plan than " + want
                            + ": remove it or name another");
                }
            }
        }
        Files.createDirectories(dir);
        long start = System.nanoTime();
        TestData.write(dir, plan, GeneratorOptions.defaults().maxRecords(MAX_RECORDS));
        Files.writeString(marker, want);
        System.out.printf(Locale.ROOT, "generated %s in %.0f s%n", dir, (System.nanoTime() - start) / 1e9);
        return dir;
    }

    /**
     * One run each, with {@code cores} threads or at {@code local[cores]}: the command, the command's columns, every
     * column, {@code kind, count(*)}.
     */
    private static Run[] round(Path dir, int cores) {
        Run command = time(() -> COMMAND ? command(dir, cores) : 0, null, null, cores);
        SparkSession existing = SparkSession.getActiveSession().getOrElse(() -> null);
        if (existing != null) {
            existing.stop();
        }
        SparkSession spark = LocalSpark.start("local[" + cores + "]");
        TaskTimeline timeline = new TaskTimeline();
        spark.sparkContext().addSparkListener(timeline);
        try {
            String path = dir.toString();
            // untimed: the first query of a new session
            spark.read().format("onfailure").load(SMALL_FIRST ? dir.resolve("corpus").toString() : path)
                    .groupBy("kind").count().collectAsList();
            Run columns = time(() -> {
                spark.read().format("onfailure").load(path).select("source", "kind", "valid", "findings").write()
                        .format("noop").mode("overwrite").save();
                return 0;
            }, spark, timeline, cores);
            Run all = time(() -> {
                spark.read().format("onfailure").load(path).write().format("noop").mode("overwrite").save();
                return 0;
            }, spark, timeline, cores);
            Run kinds = time(() -> spark.read().format("onfailure").load(path).groupBy("kind").count()
                    .collectAsList().size(), spark, timeline, cores);
            return new Run[] {command, columns, all, kinds};
        } finally {
            spark.stop();
        }
    }

    private static long command(Path dir, int threads) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return Main.run(new String[] {"validate", "--format", "json", "--threads", Integer.toString(threads),
            dir.toString()}, new ByteArrayInputStream(new byte[0]), sink, sink, false);
    }

    private static Run time(LongSupplier work, SparkSession spark, TaskTimeline timeline, int cores) {
        if (timeline != null) {
            timeline.begin();
        }
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        ThreadCpu cpu = ThreadCpu.start();
        long start = System.nanoTime();
        work.getAsLong();
        double wall = (System.nanoTime() - start) / 1e9;
        ThreadCpu.Split split = cpu.stop();
        classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes;
        if (timeline == null) {
            return new Run(wall, split, null, classes);
        }
        timeline.end(spark.sparkContext());
        return new Run(wall, split, timeline.summary(cores, 60), classes);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String row(String what, long docs, double seconds, double[] all) {
        StringBuilder each = new StringBuilder();
        for (double x : all) {
            each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
        }
        return String.format(Locale.ROOT, "%-36s %8.3f s  %9.0f documents/s  [%s]", what, seconds, docs / seconds,
                each);
    }
}
