package dev.onfailure.spark;

import dev.onfailure.schema.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The data source's task side alone, without Spark: the splits a {@code local[2]} scan of a directory gets, read by
 * {@link FailureReader}s on one thread and then on two (each taking the next split from a queue, as Spark's executor
 * slots do), for the command's columns, for every column and for {@code kind} alone. If two threads need more CPU than one for the same rows,
 * or take more than half the wall time, something the tasks share (our code's shared state, the allocator, the
 * machine's caches) holds them back; if not, what keeps {@code local[2]} from 2x in {@code SparkBenchmark} is beside
 * the tasks. Rounds alternate one and two threads. Not part of the test run; see bench/README.md.
 *
 * <pre>{@code
 * java -Xmx2g -XX:+UseParallelGC -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/classpath.txt) \
 *     dev.onfailure.spark.TaskScaling /tmp/onfailure-spark-bench-300000 [rounds] [warm-up rounds]
 * }</pre>
 */
final class TaskScaling {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TaskScaling() {
    }

    /** Reads {@code args[0]} (a directory, as {@code SparkBenchmark} leaves it). */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TaskScaling DIRECTORY [ROUNDS] [WARMUPS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<FileSplit.File> files = LocalPaths.list(dir, true);
        List<FileSplit> splits = FileSplit.pack(files, 128L << 20, FailureScan.OPEN_COST, 2);
        StructType columns = new StructType(Arrays.stream(FailureRows.SCHEMA.fields())
                .filter(f -> List.of("source", "kind", "valid", "findings").contains(f.name()))
                .toArray(StructField[]::new));
        StructType kind = new StructType(Arrays.stream(FailureRows.SCHEMA.fields())
                .filter(f -> f.name().equals("kind")).toArray(StructField[]::new));
        StructType[] schemas = {columns, FailureRows.SCHEMA, kind};
        String[] names = {"command's columns", "every column", "kind (what kind, count(*) reads)"};
        System.out.printf(Locale.ROOT, "%s: %d files in %d splits; %d rounds after %d warm-up rounds%n", dir,
                files.size(), splits.size(), rounds, warmups);
        // [schema][threads - 1][round]: wall, CPU of the reading threads
        double[][][] wall = new double[3][2][rounds];
        double[][][] cpu = new double[3][2][rounds];
        long[] rows = new long[3];
        for (int round = -warmups; round < rounds; round++) {
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < 2; i++) {
                    int threads = (round & 1) == 0 ? 1 + i : 2 - i;
                    double[] r = run(splits, schemas[s], threads);
                    rows[s] = (long) r[2];
                    if (round >= 0) {
                        wall[s][threads - 1][round] = r[0];
                        cpu[s][threads - 1][round] = r[1];
                    }
                }
            }
            System.out.printf(Locale.ROOT, "round %d done (load average %.2f)%n", round,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        for (int s = 0; s < 3; s++) {
            double w1 = median(wall[s][0]);
            double w2 = median(wall[s][1]);
            double c1 = median(cpu[s][0]);
            double c2 = median(cpu[s][1]);
            System.out.printf(Locale.ROOT, "%s, %d rows: 1 thread %.2f s (CPU %.2f s) %s; 2 threads %.2f s (CPU"
                    + " %.2f s) %s; 1 -> 2 threads %.2fx wall, CPU for the same rows %.2fx%n", names[s], rows[s],
                    w1, c1, Arrays.toString(round2(wall[s][0])), w2, c2, Arrays.toString(round2(wall[s][1])),
                    w1 / w2, c2 / c1);
        }
        System.exit(0);
    }

    /** Reads every split on {@code threads} threads; returns wall seconds, the threads' CPU seconds and rows read. */
    private static double[] run(List<FileSplit> splits, StructType schema, int threads) throws InterruptedException {
        ConcurrentLinkedQueue<FileSplit> queue = new ConcurrentLinkedQueue<>(splits);
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long n = 0;
                FileSplit split;
                while ((split = queue.poll()) != null) {
                    FailureReader reader = new FailureReader(split, schema, Profile.TOLERANT, null, 0);
                    try {
                        while (reader.next()) {
                            if (reader.get().numFields() > 0) {
                                n++;
                            }
                        }
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                rows.addAndGet(n);
                cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            }, "task-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return new double[] {(System.nanoTime() - start) / 1e9, cpuNanos.get() / 1e9, rows.get()};
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double[] round2(double[] xs) {
        return Arrays.stream(xs).map(x -> Math.round(x * 100) / 100.0).toArray();
    }
}
