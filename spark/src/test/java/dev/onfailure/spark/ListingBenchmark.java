package dev.onfailure.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a query of a local directory costs on the driver before its first task, alone: {@link LocalPaths#list} of the
 * directory, then {@link FileSplit#pack} and Java serialisation of the splits (which Spark does for every task while
 * the tasks run). Twelve rounds; the first few are the JIT's. Then the heap a listing and its splits hold (what the
 * driver keeps while a query is planned), per file. Not part of the test run; see bench/README.md.
 *
 * <pre>{@code
 * java -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/classpath.txt) \
 *     dev.onfailure.spark.ListingBenchmark /tmp/onfailure-spark-bench-100000
 * }</pre>
 */
final class ListingBenchmark {

    private ListingBenchmark() {
    }

    /** Lists {@code args[0]} (a directory, as {@code SparkBenchmark} leaves it) twelve times. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ListingBenchmark DIRECTORY");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 12; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<FileSplit.File> files = LocalPaths.list(dir, true);
            long listed = System.nanoTime();
            long listCpu = threads.getCurrentThreadCpuTime() - cpu;
            List<FileSplit> splits = FileSplit.pack(files, 128L << 20, FailureScan.OPEN_COST, 2);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                for (FileSplit s : splits) {
                    out.writeObject(s);
                    out.reset();
                }
            }
            long done = System.nanoTime();
            System.out.printf(Locale.ROOT, "list %d files %.0f ms (this thread's CPU %.0f ms); pack and serialise %d"
                    + " splits %.0f ms, %d bytes%n", files.size(), (listed - start) / 1e6, listCpu / 1e6,
                    splits.size(), (done - listed) / 1e6, bytes.size());
        }
        // What the driver holds while a query is planned: the listing, then the splits made of it
        long before = heapAfterGc();
        List<FileSplit.File> files = LocalPaths.list(dir, true);
        long listed = heapAfterGc();
        List<FileSplit> splits = FileSplit.pack(files, 128L << 20, FailureScan.OPEN_COST, 2);
        long packed = heapAfterGc();
        System.out.printf(Locale.ROOT, "heap held: %.0f bytes a file listed (paths of %.1f characters on average),"
                + " %.0f with the %d splits%n", (listed - before) / (double) files.size(),
                files.stream().mapToInt(f -> f.path().length()).average().orElse(0),
                (packed - before) / (double) files.size(), splits.size());
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
