package dev.onfailure.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Two builds of the row maker on the same documents, without Spark around them: each build (a class path: its
 * {@code spark/target/classes}, the modules it was built with and Spark's jars) is loaded in a class loader of its
 * own, and {@code RowMaker.rows} makes every column of every document, build after build, alternating which goes
 * first, timed in this thread's CPU time. Wall-clock runs of {@code SparkBenchmark} move by 10% from run to run on a
 * shared machine; in one JVM, round by round, a change of a few per cent in the task's own work shows. Not part of
 * the test run; see bench/README.md.
 *
 * <pre>{@code
 * java -cp spark/target/test-classes ... dev.onfailure.spark.RowMakerComparison BEFORE_CP AFTER_CP \
 *     /tmp/onfailure-spark-bench-100000 5 15 10     # every 5th .json file, 15 rounds after 10 warm-up rounds
 * }</pre>
 */
final class RowMakerComparison {

    private static final String[] NAMES = {"before", "after"};

    private RowMakerComparison() {
    }

    /** One build's row maker, made as a reader task makes it (every column, tolerant). */
    private record Build(Object maker, Method rows, AtomicLong payloads) {

        static Build load(String classPath) throws ReflectiveOperationException, IOException {
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(":")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            // never closed: the build's classes live as long as the run
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> validator = loader.loadClass("dev.onfailure.validator.Validator");
            Class<?> profile = loader.loadClass("dev.onfailure.schema.Profile");
            Class<?> options = loader.loadClass("dev.onfailure.validator.ValidationOptions");
            Class<?> limits = loader.loadClass("dev.onfailure.json.ReadLimits");
            Class<?> maker = loader.loadClass("dev.onfailure.spark.RowMaker");
            Constructor<?> make = maker.getDeclaredConstructor(loader.loadClass(
                    "org.apache.spark.sql.types.StructType"), validator, options, limits);
            make.setAccessible(true);
            Object instance = make.newInstance(loader.loadClass("dev.onfailure.spark.FailureRows")
                    .getField("SCHEMA").get(null), validator.getMethod("create").invoke(null),
                    options.getMethod("of", profile).invoke(null, profile.getField("TOLERANT").get(null)),
                    limits.getMethod("defaults").invoke(null));
            Method rows = maker.getDeclaredMethod("rows", String.class, byte[].class, Consumer.class);
            rows.setAccessible(true);
            java.lang.reflect.Field payloads = loader.loadClass("dev.onfailure.spark.ReadStats")
                    .getDeclaredField("PAYLOADS");
            payloads.setAccessible(true);
            return new Build(instance, rows, (AtomicLong) payloads.get(null));
        }
    }

    /** Compares the builds on class paths {@code args[0]} and {@code args[1]} over the files of {@code args[2]}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: RowMakerComparison BEFORE_CP AFTER_CP DIRECTORY STEP ROUNDS WARMUPS");
            System.exit(2);
        }
        int step = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        int warmups = Integer.parseInt(args[5]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(args[2]))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<byte[]> documents = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < files.size(); i += step) {
            documents.add(Files.readAllBytes(files.get(i)));
            bytes += documents.get(documents.size() - 1).length;
        }
        System.out.printf(Locale.ROOT, "%d documents (one .json file in %d), %.1f MB%n", documents.size(), step,
                bytes / 1e6);
        Build[] builds = {Build.load(args[0]), Build.load(args[1])};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[2][rounds];
        long[] rows = new long[1];
        Consumer<Object> count = row -> rows[0]++;
        for (int round = -warmups; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                int b = Math.floorMod(round + k, 2);
                builds[b].payloads().set(0);
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < documents.size(); i++) {
                    builds[b].rows().invoke(builds[b].maker(), "d" + i, documents.get(i), count);
                }
                long took = threads.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    cpu[b][round] = took;
                }
                System.out.printf(Locale.ROOT, "round %d %-6s %.3f s CPU; payloads the reader parsed itself: %d%n",
                        round, NAMES[b], took / 1e9, builds[b].payloads().get());
            }
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = cpu[1][r] / (double) cpu[0][r];
        }
        Arrays.sort(ratios);
        long[] before = cpu[0].clone();
        long[] after = cpu[1].clone();
        Arrays.sort(before);
        Arrays.sort(after);
        System.out.printf(Locale.ROOT, "median CPU: before %.3f s, after %.3f s; after / before, round by round:"
                + " median %.3f (%.3f to %.3f)%n", before[rounds / 2] / 1e9, after[rounds / 2] / 1e9,
                ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
    }
}
