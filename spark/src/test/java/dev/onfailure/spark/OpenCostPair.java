package dev.onfailure.spark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One query over the same directory with different values of the option {@code openCostInBytes} (so with more or
 * fewer, larger tasks), in one session, taking turns: the order of the values turns round every round, so that the
 * JIT and the page cache favour none of them. Two untimed rounds first; then the median wall-clock and process CPU
 * time of each value. Not part of the test run; see bench/README.md ("Fewer, larger tasks").
 *
 * <pre>{@code
 * java <spark.test.jvm options> -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/classpath.txt) \
 *     dev.onfailure.spark.OpenCostPair /tmp/onfailure-spark-bench-300000 5 64k,16k,4k local[2] kind
 * }</pre>
 *
 * <p>Arguments: the directory, timed rounds, the open costs (comma-separated, as Spark writes sizes), the master, and
 * the query: {@code kind} ({@code kind, count(*)}) or {@code columns} (the command's columns written to Spark's
 * {@code noop} sink).
 */
final class OpenCostPair {

    private OpenCostPair() {
    }

    /** Runs the rounds and prints each run and the medians. */
    public static void main(String[] args) {
        if (args.length != 5 || !args[4].matches("kind|columns")) {
            System.err.println("usage: OpenCostPair DIR ROUNDS COST[,COST...] MASTER kind|columns");
            System.exit(2);
        }
        String path = args[0];
        int rounds = Integer.parseInt(args[1]);
        String[] costs = args[2].split(",");
        boolean kind = args[4].equals("kind");
        SparkSession spark = LocalSpark.start(args[3]);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] wall = new double[costs.length][rounds];
        double[][] cpu = new double[costs.length][rounds];
        for (int round = -2; round < rounds; round++) {
            for (int turn = 0; turn < costs.length; turn++) {
                int k = (round & 1) == 0 ? turn : costs.length - 1 - turn;
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                Dataset<Row> df = spark.read().format("onfailure").option("openCostInBytes", costs[k]).load(path);
                if (kind) {
                    df.groupBy("kind").count().collectAsList();
                } else {
                    df.select("source", "kind", "valid", "findings").write().format("noop").mode("overwrite").save();
                }
                double w = (System.nanoTime() - start) / 1e9;
                double c = (os.getProcessCpuTime() - cpuStart) / 1e9;
                System.out.printf(Locale.ROOT, "round %d, open cost %s: wall %.3f s, process CPU %.3f s%n", round,
                        costs[k], w, c);
                if (round >= 0) {
                    wall[k][round] = w;
                    cpu[k][round] = c;
                }
            }
        }
        for (int k = 0; k < costs.length; k++) {
            System.out.printf(Locale.ROOT, "%s %s, open cost %s: wall %.3f s, process CPU %.3f s (medians of %d)%n",
                    args[3], args[4], costs[k], median(wall[k]), median(cpu[k]), rounds);
        }
        spark.stop();
        System.exit(0);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
