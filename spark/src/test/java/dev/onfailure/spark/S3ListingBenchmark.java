package dev.onfailure.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * What listing one prefix of an S3 destination costs on the driver: {@link HadoopListing} as it is (the tree walked,
 * then its directories listed flat, many at once) against one flat listing (limits 1 and 0: what the data source did
 * before, one page of 1,000 keys after another), through {@code s3a://} against S3Proxy (objects in memory), each list
 * request held for a latency like S3's. Not part of the test run; see bench/README.md.
 *
 * <pre>{@code
 * java -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/classpath.txt) \
 *     dev.onfailure.spark.S3ListingBenchmark MAPPINGS PARTITIONS DAYS PER_DAY [LATENCY_MS] [ROUNDS]
 * }</pre>
 *
 * <p>The objects are laid out as AWS names them ({@code aws/lambda/<mapping-uuid>/<topic>-<partition>/YYYY/MM/DD/
 * <time>-<uuid>}): {@code MAPPINGS} mappings, {@code PARTITIONS} topic-partitions each, {@code DAYS} days from
 * 2026-11-15, {@code PER_DAY} objects a day in each. Rounds alternate which listing goes first.
 */
final class S3ListingBenchmark {

    private static final AtomicInteger LISTS = new AtomicInteger();

    /** Holds every list request for the latency, as S3 takes tens of milliseconds to answer one. */
    private static final class Slow extends ForwardingBlobStore {
        private final long millis;

        Slow(BlobStore store, long millis) {
            super(store);
            this.millis = millis;
        }

        @Override
        public ListObjectsV2Response list(ListObjectsV2Request request) {
            LISTS.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return super.list(request);
        }
    }

    private S3ListingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: S3ListingBenchmark MAPPINGS PARTITIONS DAYS PER_DAY [LATENCY_MS] [ROUNDS]");
            System.exit(2);
        }
        int mappings = Integer.parseInt(args[0]);
        int partitions = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        int perDay = Integer.parseInt(args[3]);
        long latency = args.length > 4 ? Long.parseLong(args[4]) : 50;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;

        S3Bucket s3 = new S3Bucket(new TransientNio2BlobStore(), store -> new Slow(store, latency));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        java.time.LocalDate first = java.time.LocalDate.of(2026, 11, 15);
        int objects = 0;
        for (int m = 0; m < mappings; m++) {
            String uuid = new java.util.UUID(0x3f1e2d4c5b6a4798L + m, 0x8a9b0c1d2e3f4a5bL).toString();
            for (int p = 0; p < partitions; p++) {
                for (int d = 0; d < days; d++) {
                    String day = first.plusDays(d).toString().replace('-', '/');
                    for (int o = 0; o < perDay; o++) {
                        s3.put("dlq", String.format(Locale.ROOT, "aws/lambda/%s/orders-%d/%s/%05d-%08x", uuid, p, day,
                                o, o * 2654435761L & 0xffffffffL), body);
                        objects++;
                    }
                }
            }
        }
        Configuration conf = new Configuration();
        s3.configure(conf);
        conf.set("fs.s3a.connection.maximum", "64");
        ExecutorService pool = Executors.newFixedThreadPool(HadoopListing.THREADS);
        System.out.printf(Locale.ROOT, "%d objects: %d mappings x %d partitions x %d days x %d; %d ms a list"
                + " request; %d rounds after one untimed%n", objects, mappings, partitions, days, perDay, latency,
                rounds);

        double[][] ms = new double[2][rounds];
        int[] requests = new int[2];
        for (int r = -1; r < rounds; r++) {
            for (int i = 0; i < 2; i++) {
                int which = (r & 1) == 0 ? i : 1 - i;         // 0: walked, 1: flat
                LISTS.set(0);
                long start = System.nanoTime();
                List<FileSplit.File> files = which == 0
                        ? HadoopListing.list(new Path("s3a://dlq/aws/lambda/"), conf, true, pool)
                        : HadoopListing.list(new Path("s3a://dlq/aws/lambda/"), conf, true, pool, 1, 0, 1);
                double took = (System.nanoTime() - start) / 1e6;
                if (files.size() != objects) {
                    throw new IllegalStateException("listed " + files.size() + " of " + objects);
                }
                if (r >= 0) {
                    ms[which][r] = took;
                    requests[which] = LISTS.get();
                }
            }
        }
        List<String> out = new ArrayList<>();
        String[] names = {"walked, then flat, 16 at once", "one flat listing"};
        for (int k = 0; k < 2; k++) {
            double[] sorted = ms[k].clone();
            Arrays.sort(sorted);
            out.add(String.format(Locale.ROOT, "%-30s median %8.0f ms (rounds %s), %d list requests", names[k],
                    sorted[sorted.length / 2], Arrays.toString(Arrays.stream(ms[k]).mapToLong(Math::round).toArray()),
                    requests[k]));
        }
        out.forEach(System.out::println);
        pool.shutdownNow();
        s3.stop();
        System.exit(0);
    }
}
