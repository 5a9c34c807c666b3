package dev.onfailure.spark;

import dev.onfailure.cli.Main;
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
 * Sizes: {@code -Dbench.files=N} (default 4000), {@code -Dbench.runs=N} (default 5 rounds, after 1 warm-up round).
 *
 * <p>The measurements are interleaved, so that load from elsewhere on the machine hits all of them alike: each round
 * times the command with one thread, then the data source at {@code local[1]} (a fresh session, one untimed query
 * first), then the command with two threads and the data source at {@code local[2]}, the two halves swapping places
 * every other round. The JIT stays warm across sessions (one JVM); medians over the rounds are reported, of wall-clock
 * time and of the process's CPU time (which a loaded machine inflates far less than wall-clock time).
 */
final class SparkBenchmark {

    private static final int FILES = Integer.getInteger("bench.files", 4000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

    /** Runs the benchmark outside Maven (see bench/README.md). */
    public static void main(String[] args) throws IOException {
        new SparkBenchmark().run();
        System.exit(0);
    }

    @Test
    void run() throws IOException {
        Path dir = Files.createTempDirectory("onfailure-spark-bench");
        // Generated records only (every kind, both payload forms, a sixth invalid): what a DLQ bucket holds.
        int valid = FILES * 5 / 6;
        TestData.write(dir, new TestData.Plan(42, valid, FILES - valid, 0, 0, false, 0));
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
                + " 1 warm-up round", FILES, docs, bytes / 1e6, RUNS));

        // [cores 1 or 2][command, spark command's columns, spark every column, spark kind + count(*)][round]
        double[][][] t = new double[2][4][RUNS];
        double[][][] c = new double[2][4][RUNS]; // process CPU seconds, likewise
        for (int round = -1; round < RUNS; round++) {
            for (int i = 0; i < 2; i++) {
                int cores = (round & 1) == 0 ? 1 + i : 2 - i;
                double[][] times = round(dir, cores);
                if (round >= 0) {
                    for (int k = 0; k < 4; k++) {
                        t[cores - 1][k][round] = times[0][k];
                        c[cores - 1][k][round] = times[1][k];
                    }
                }
            }
            System.out.printf(Locale.ROOT, "round %d done%n", round);
        }
        double cmd1 = median(t[0][0]);
        double cmd2 = median(t[1][0]);
        double[] spark1 = {median(t[0][1]), median(t[0][2]), median(t[0][3])};
        double[] spark2 = {median(t[1][1]), median(t[1][2]), median(t[1][3])};

        out.add(row("command --threads 1", docs, cmd1, t[0][0]));
        out.add(row("command --threads 2", docs, cmd2, t[1][0]));
        out.add(row("spark local[1], command's columns", docs, spark1[0], t[0][1]));
        out.add(row("spark local[1], every column", docs, spark1[1], t[0][2]));
        out.add(row("spark local[1], kind + count(*)", docs, spark1[2], t[0][3]));
        out.add(row("spark local[2], command's columns", docs, spark2[0], t[1][1]));
        out.add(row("spark local[2], every column", docs, spark2[1], t[1][2]));
        out.add(row("spark local[2], kind + count(*)", docs, spark2[2], t[1][3]));
        out.add(String.format(Locale.ROOT, "scaling local[1] -> local[2]: %.2fx (command's columns), %.2fx (every"
                + " column), %.2fx (kind + count(*)); command 1 -> 2 threads: %.2fx", spark1[0] / spark2[0],
                spark1[1] / spark2[1], spark1[2] / spark2[2], cmd1 / cmd2));
        out.add(String.format(Locale.ROOT, "cost per document vs the command on one core: %.2fx (command's columns),"
                + " %.2fx (every column); at two: %.2fx (command's columns)", spark1[0] / cmd1, spark1[1] / cmd1,
                spark2[0] / cmd2));
        out.add(String.format(Locale.ROOT, "process CPU seconds (median): command %.2f / %.2f (1 / 2 threads);"
                + " local[1] %.2f, %.2f, %.2f; local[2] %.2f, %.2f, %.2f (command's columns, every column, kind +"
                + " count(*))", median(c[0][0]), median(c[1][0]), median(c[0][1]), median(c[0][2]), median(c[0][3]),
                median(c[1][1]), median(c[1][2]), median(c[1][3])));
        out.add(String.format(Locale.ROOT, "CPU per document vs the command on one core: %.2fx (command's columns),"
                + " %.2fx (every column), %.2fx (kind + count(*))", median(c[0][1]) / median(c[0][0]),
                median(c[0][2]) / median(c[0][0]), median(c[0][3]) / median(c[0][0])));
        System.out.println("\n==== SparkBenchmark ====\n" + String.join("\n", out) + "\n========================");
    }

    /**
     * Wall-clock seconds, then process CPU seconds, for: the command with {@code cores} threads, then at
     * {@code local[cores]} the command's columns, every column, {@code kind, count(*)}.
     */
    private static double[][] round(Path dir, int cores) {
        double[] cpu = new double[4];
        double command = time(() -> command(dir, cores));
        cpu[0] = lastCpu;
        SparkSession existing = SparkSession.getActiveSession().getOrElse(() -> null);
        if (existing != null) {
            existing.stop();
        }
        SparkSession spark = LocalSpark.start("local[" + cores + "]");
        try {
            String path = dir.toString();
            // untimed: the first query of a new session
            spark.read().format("onfailure").load(path).groupBy("kind").count().collectAsList();
            double columns = time(() -> {
                spark.read().format("onfailure").load(path).select("source", "kind", "valid", "findings").write()
                        .format("noop").mode("overwrite").save();
                return 0;
            });
            cpu[1] = lastCpu;
            double all = time(() -> {
                spark.read().format("onfailure").load(path).write().format("noop").mode("overwrite").save();
                return 0;
            });
            cpu[2] = lastCpu;
            double kinds = time(() -> spark.read().format("onfailure").load(path).groupBy("kind").count()
                    .collectAsList().size());
            cpu[3] = lastCpu;
            return new double[][] {{command, columns, all, kinds}, cpu};
        } finally {
            spark.stop();
        }
    }

    private static long command(Path dir, int threads) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return Main.run(new String[] {"validate", "--format", "json", "--threads", Integer.toString(threads),
            dir.toString()}, new ByteArrayInputStream(new byte[0]), sink, sink, false);
    }

    /** Process CPU seconds of the last {@link #time}: the JVM's threads, Spark's and the command's alike. */
    private static double lastCpu;

    private static double time(LongSupplier work) {
        long cpu = processCpu();
        long start = System.nanoTime();
        work.getAsLong();
        double wall = (System.nanoTime() - start) / 1e9;
        lastCpu = (processCpu() - cpu) / 1e9;
        return wall;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
