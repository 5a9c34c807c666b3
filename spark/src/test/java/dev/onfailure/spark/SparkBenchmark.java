package dev.onfailure.spark;

import dev.onfailure.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
 * Sizes: {@code -Dbench.files=N} (default 4000), {@code -Dbench.runs=N} (default 5, after 2 warm-up runs).
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
        long docs = Files.walk(dir).filter(p -> p.toString().endsWith(".json")).count();
        long bytes = Files.walk(dir).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d files, %d documents, %.1f MB; median of %d runs after 2 warm-up runs",
                FILES, docs, bytes / 1e6, RUNS));

        double cmd1 = median(() -> command(dir, 1));
        double cmd2 = median(() -> command(dir, 2));
        double[] spark1 = spark("local[1]", dir);
        double[] spark2 = spark("local[2]", dir);

        out.add(row("command --threads 1", docs, cmd1));
        out.add(row("command --threads 2", docs, cmd2));
        out.add(row("spark local[1], command's columns", docs, spark1[0]));
        out.add(row("spark local[1], every column", docs, spark1[1]));
        out.add(row("spark local[1], kind + count(*)", docs, spark1[2]));
        out.add(row("spark local[2], command's columns", docs, spark2[0]));
        out.add(row("spark local[2], every column", docs, spark2[1]));
        out.add(row("spark local[2], kind + count(*)", docs, spark2[2]));
        out.add(String.format(Locale.ROOT, "scaling local[1] -> local[2]: %.2fx (command's columns), %.2fx (every"
                + " column); command 1 -> 2 threads: %.2fx", spark1[0] / spark2[0], spark1[1] / spark2[1],
                cmd1 / cmd2));
        out.add(String.format(Locale.ROOT, "cost per document vs the command on one core: %.2fx (command's columns),"
                + " %.2fx (every column)", spark1[0] / cmd1, spark1[1] / cmd1));
        System.out.println("\n==== SparkBenchmark ====\n" + String.join("\n", out) + "\n========================");
    }

    /** Seconds for: the command's columns, every column, kind + count(*). */
    private static double[] spark(String master, Path dir) {
        SparkSession existing = SparkSession.getActiveSession().getOrElse(() -> null);
        if (existing != null) {
            existing.stop();
        }
        SparkSession spark = LocalSpark.start(master);
        try {
            String path = dir.toString();
            double columns = median(() -> {
                spark.read().format("onfailure").load(path).select("source", "kind", "valid", "findings").write()
                        .format("noop").mode("overwrite").save();
                return 0;
            });
            double all = median(() -> {
                spark.read().format("onfailure").load(path).write().format("noop").mode("overwrite").save();
                return 0;
            });
            double kinds = median(() -> spark.read().format("onfailure").load(path).groupBy("kind").count()
                    .collectAsList().size());
            return new double[] {columns, all, kinds};
        } finally {
            spark.stop();
        }
    }

    private static long command(Path dir, int threads) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        return Main.run(new String[] {"validate", "--format", "json", "--threads", Integer.toString(threads),
            dir.toString()}, new ByteArrayInputStream(new byte[0]), sink, sink, false);
    }

    private static double median(LongSupplier work) {
        for (int i = 0; i < 2; i++) {
            work.getAsLong();
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.getAsLong();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    private static String row(String what, long docs, double seconds) {
        return String.format(Locale.ROOT, "%-36s %8.3f s  %9.0f documents/s", what, seconds, docs / seconds);
    }
}
