package dev.onfailure.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.validator.Validator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds of the validator in one JVM, each in a class loader of its own, measured in alternation: for changes of
 * a few percent, which the host's speed, drifting from one JVM to the next by more than that, hides when each build
 * runs in its own JVM. Every round times, in the thread's CPU time, 1,000 validations and 1,000 of Jackson's
 * {@code readTree} of the input in each build, the builds in turn (which goes first alternating from round to round),
 * twice; it prints the medians of each build's ratio to {@code readTree} and of B's time over A's, with quartiles.
 * Run it both ways round (A, B then B, A): a build can gain a percent or two from its place.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar dev.onfailure.bench.LoaderPair 30 before.jar after.jar documented-compact
 * </pre>
 */
public final class LoaderPair {

    private LoaderPair() {
    }

    /** Arguments: rounds, build A's jar, build B's jar, and the input ({@link Inputs#named}, default the compact one). */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String input = args.length > 3 ? args[3] : "documented-compact";
        Method[] validate = new Method[2];
        Method[] tree = new Method[2];
        byte[] document = Inputs.named(input, 2026);   // the harness's own inputs, the same bytes for both builds
        for (int k = 0; k < 2; k++) {
            // the build's jar first; the harness's own after it, for a build older than this driver
            URL harness = LoaderPair.class.getProtectionDomain().getCodeSource().getLocation();
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[1 + k]).toUri().toURL(), harness},
                    ClassLoader.getPlatformClassLoader());
            Class<?> driver = Class.forName(Driver.class.getName(), true, loader);
            validate[k] = driver.getMethod("validate", byte[].class, int.class);
            tree[k] = driver.getMethod("tree", byte[].class, int.class);
        }
        long warm = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < warm) {
            for (int k = 0; k < 2; k++) {
                validate[k].invoke(null, document, 500);
                tree[k].invoke(null, document, 500);
            }
        }
        double[][] ratio = new double[2][rounds];
        double[] bOverA = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] v = new double[2];
            double t = 0;
            for (int rep = 0; rep < 2; rep++) {
                for (int i = 0; i < 2; i++) {
                    int k = (i + r) % 2;
                    v[k] += (double) validate[k].invoke(null, document, 1000);
                    t += (double) tree[k].invoke(null, document, 1000);
                }
            }
            t /= 4;
            ratio[0][r] = v[0] / 2 / t;
            ratio[1][r] = v[1] / 2 / t;
            bOverA[r] = v[1] / v[0];
        }
        Arrays.sort(ratio[0]);
        Arrays.sort(ratio[1]);
        Arrays.sort(bOverA);
        int m = rounds / 2;
        int q = rounds / 4;
        System.out.printf("%s: A %.3fx readTree, B %.3fx readTree; B/A %.3f (quartiles %.3f-%.3f)%n", input,
                ratio[0][m], ratio[1][m], bOverA[m], bOverA[q], bOverA[rounds - 1 - q]);
    }

    /** Loaded once per build: its own validator and mapper, compiled for that build's classes. */
    public static final class Driver {

        private static final Validator VALIDATOR = Validator.create();
        private static final JsonMapper MAPPER = JsonMapper.builder().build();
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        /** Keeps results alive so the JIT cannot drop the work. */
        static volatile Object sink;

        private Driver() {
        }

        /** CPU nanoseconds per validation of {@code document}, over {@code n}. */
        public static double validate(byte[] document, int n) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink = VALIDATOR.validate(document);
            }
            return (THREADS.getCurrentThreadCpuTime() - t0) / (double) n;
        }

        /** CPU nanoseconds per {@code readTree} of {@code document}, over {@code n}. */
        public static double tree(byte[] document, int n) throws java.io.IOException {
            long t0 = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink = MAPPER.readTree(document);
            }
            return (THREADS.getCurrentThreadCpuTime() - t0) / (double) n;
        }
    }
}
