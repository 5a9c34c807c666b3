package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * {@link HadoopListing}: the same files in the same order whatever its walk's limits, as {@link LocalPaths} lists
 * them on local disk and through {@code s3a://} against S3Proxy, with list requests really in flight together.
 */
final class HadoopListingTest {

    /** Files of a tree like an S3 destination's, with Hadoop's and Spark's markers, and deeper than the walk goes. */
    private static final List<String> TREE = List.of(
            "top.json", "object-at-top", "_SUCCESS", ".top.json.crc",
            "aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-0/2026/11/30/10-00-00-aa",
            "aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-0/2026/11/30/10-00-01-bb",
            "aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-0/2026/12/01/09-00-00-cc.json",
            "aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-1/2026/12/01/09-00-00-dd",
            "aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/payments-11/2026/12/01/09-30-00-ee",
            "aws/lambda/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/audit-3/2026/12/01/11-00-00-ff",
            "aws/lambda/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/audit-3/2026/12/01/_SUCCESS",
            "aws/lambda/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/audit-3/2026/12/01/records.ndjson",
            "batch/b-1.json", "batch/b-10.json", "batch/b-2.json", "batch/b.json/inside.json",
            "_temporary/0/part-00000.json", ".staging/x.json", "kept/.hidden/y.json", "kept/z.jsonl",
            "d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/deep.json", "d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/deep-object");

    /**
     * Walk limits (width, levels, most): the defaults, flat from the start, one level, narrow, deeper than the tree,
     * and levels too wide to go into (the root's own, or the mappings' partitions with a deep directory beside them).
     */
    private static final int[][] LIMITS = {{HadoopListing.WIDTH, HadoopListing.LEVELS, HadoopListing.MOST},
        {1, 0, 1}, {1000, 1, 1000}, {2, 3, 1000}, {2, 20, 1000}, {1000, 20, 1000}, {1000, 20, 4}, {1000, 20, 3}};

    private static java.nio.file.Path local;
    private static S3Bucket s3;
    private static Configuration conf;
    private static ExecutorService pool;
    private static final AtomicInteger LISTS = new AtomicInteger();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();

    /** Counts S3Proxy's list requests, and how many overlap; each takes 20 ms, so those made together overlap. */
    private static final class CountingStore extends ForwardingBlobStore {
        CountingStore(BlobStore store) {
            super(store);
        }

        @Override
        public ListObjectsV2Response list(ListObjectsV2Request request) {
            LISTS.incrementAndGet();
            MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
                return super.list(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        }
    }

    @BeforeAll
    static void tree() throws Exception {
        local = Files.createTempDirectory("onfailure-listing");
        int i = 0;
        for (String f : TREE) {
            java.nio.file.Path p = local.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "{\"n\":" + i++ + "}", StandardCharsets.UTF_8);
        }
        Files.createDirectories(local.resolve("empty/dir"));
        s3 = new S3Bucket(Files.createTempDirectory("onfailure-listing-store"), CountingStore::new);
        s3.upload("listing", "t/", local);   // a bucket of its own: Hadoop caches a file system per bucket
        conf = new Configuration();
        s3.configure(conf);
        conf.set("fs.s3a.connection.maximum", "32");
        pool = Executors.newFixedThreadPool(HadoopListing.THREADS);
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        s3.stop();
    }

    @BeforeEach
    void count() {
        LISTS.set(0);
        MOST_IN_FLIGHT.set(0);
    }

    private static List<String> expected(boolean all, String as) throws IOException {
        String prefix = LocalPaths.uri(local) + "/";
        return LocalPaths.list(local, all).stream()
                .map(f -> as + f.path().substring(prefix.length()) + " " + f.length()).toList();
    }

    private static List<String> listed(String root, boolean all, int width, int levels, int most) {
        return HadoopListing.list(new Path(root), conf, all, pool, width, levels, most).stream()
                .map(f -> f.path() + " " + f.length()).toList();
    }

    @Test
    void localDisk_throughHadoop_givesWhatLocalPathsLists_whateverTheLimits() throws IOException {
        for (boolean all : new boolean[] {true, false}) {
            List<String> expected = expected(all, LocalPaths.uri(local) + "/");
            assertThat(expected).hasSizeGreaterThan(all ? 14 : 9);
            for (int[] l : LIMITS) {
                assertThat(listed(LocalPaths.uri(local), all, l[0], l[1], l[2]))
                        .as("all %s, limits %s", all, java.util.Arrays.toString(l))
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void s3a_givesWhatLocalPathsLists_whateverTheLimits() throws IOException {
        for (boolean all : new boolean[] {true, false}) {
            List<String> expected = expected(all, "s3a://listing/t/");
            for (int[] l : LIMITS) {
                assertThat(listed("s3a://listing/t/", all, l[0], l[1], l[2]))
                        .as("all %s, limits %s", all, java.util.Arrays.toString(l))
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void modifiedWindow_keepsTheFilesTheListingDates_onS3AndOnLocalDisk() throws IOException {
        java.time.Instant now = java.time.Instant.now();
        Wanted past = new Wanted(java.util.Optional.empty(),
                java.util.Optional.of(now.minus(java.time.Duration.ofHours(1))), java.util.Optional.empty());
        Wanted future = new Wanted(java.util.Optional.empty(),
                java.util.Optional.of(now.plus(java.time.Duration.ofHours(1))), java.util.Optional.empty());
        List<String> all = expected(true, "s3a://listing/t/");
        assertThat(HadoopListing.list(new Path("s3a://listing/t/"), conf, true, past, pool).stream()
                .map(f -> f.path() + " " + f.length()).toList()).containsExactlyElementsOf(all);
        assertThat(HadoopListing.list(new Path("s3a://listing/t/"), conf, true, future, pool)).isEmpty();
        Wanted named = Wanted.of(java.util.Optional.of("*.json"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), "UTC");
        assertThat(HadoopListing.list(new Path("s3a://listing/t/"), conf, true, named, pool).stream()
                .map(f -> f.path() + " " + f.length()).toList()).containsExactlyElementsOf(all.stream()
                        .filter(f -> f.substring(0, f.lastIndexOf(' ')).endsWith(".json")).toList())
                .isNotEmpty().hasSizeLessThan(all.size());

        // through Hadoop's local file system, times to the millisecond, as Spark's sources see them
        java.nio.file.Path dir = Files.createTempDirectory("onfailure-listing-modified");
        for (int day = 1; day <= 3; day++) {
            java.nio.file.Path f = dir.resolve("a/" + day + ".json");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "{}");
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.parse("2026-12-0" + day + "T00:00:00Z")));
        }
        Wanted second = Wanted.of(java.util.Optional.empty(), java.util.Optional.of("2026-12-01T00:00:00Z"),
                java.util.Optional.of("2026-12-03T00:00:00Z"), java.util.Optional.empty(), "UTC");
        String root = LocalPaths.uri(dir);
        assertThat(HadoopListing.list(new Path(root), conf, true, second, pool)).extracting(FileSplit.File::path)
                .containsExactly(root + "/a/2.json");
        assertThat(LocalPaths.list(dir, true, second)).extracting(FileSplit.File::path)
                .containsExactly(root + "/a/2.json");
    }

    @Test
    void listers_makeOneFileSystemPerBucket_closeTheirOwn_andLeaveTheSessionsOpen() throws IOException {
        org.apache.hadoop.fs.FileSystem own;
        org.apache.hadoop.fs.FileSystem local;
        int made = HadoopListing.Listers.MADE.get();
        try (HadoopListing.Listers listers = new HadoopListing.Listers(conf)) {
            own = listers.fs(new Path("s3a://listing/t/aws/"));
            assertThat(listers.fs(new Path("s3a://listing/t/batch/b-1.json"))).isSameAs(own);
            assertThat(listers.fs(new Path("S3A://listing/t/kept/"))).isSameAs(own);
            assertThat(own).isNotSameAs(new Path("s3a://listing/t/").getFileSystem(conf));
            assertThat(HadoopListing.list(new Path("s3a://listing/t/kept/"), listers, true, Wanted.ANY, pool))
                    .extracting(FileSplit.File::path).containsExactly("s3a://listing/t/kept/z.jsonl");
            local = listers.fs(new Path(LocalPaths.uri(HadoopListingTest.local)));
            assertThat(local).isSameAs(new Path(LocalPaths.uri(HadoopListingTest.local)).getFileSystem(conf));
            assertThat(HadoopListing.Listers.MADE.get() - made).isOne();
        }
        assertThatThrownBy(() -> own.exists(new Path("s3a://listing/t/"))).isInstanceOf(IOException.class);
        assertThat(local.exists(new Path(LocalPaths.uri(HadoopListingTest.local)))).isTrue();
    }

    @Test
    void s3a_listsDirectoriesTogether_whereAFlatListingGoesOneRequestAtATime() throws IOException {
        List<String> expected = expected(true, "s3a://listing/t/");

        assertThat(listed("s3a://listing/t/", true, 1, 0, 1)).containsExactlyElementsOf(expected);
        assertThat(MOST_IN_FLIGHT.get()).isEqualTo(1);

        count();
        assertThat(listed("s3a://listing/t/", true, HadoopListing.WIDTH, HadoopListing.LEVELS, HadoopListing.MOST))
                .containsExactlyElementsOf(expected);
        assertThat(MOST_IN_FLIGHT.get()).isGreaterThanOrEqualTo(2);
        assertThat(LISTS.get()).isLessThanOrEqualTo(TREE.size() * 2);   // one request per directory walked, at most
    }

    @Test
    void oneObject_byName_isThatObject_andAMissingPath_isNamed() {
        assertThat(listed("s3a://listing/t/batch/b-1.json", true, HadoopListing.WIDTH, HadoopListing.LEVELS,
                HadoopListing.MOST))
                .containsExactly("s3a://listing/t/batch/b-1.json 8");
        assertThatThrownBy(() -> listed("s3a://listing/t/no-such-prefix/", true, HadoopListing.WIDTH,
                HadoopListing.LEVELS, HadoopListing.MOST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("onfailure: no such file or directory: s3a://listing/t/no-such-prefix");
    }
}
