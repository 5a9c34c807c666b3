package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code format("onfailure")} through {@code s3a://} against S3Proxy, against the command on the same files. */
final class OnfailureSourceS3Test {

    private static Path local;
    private static S3Bucket s3;

    @BeforeAll
    static void bucket() throws Exception {
        local = Files.createTempDirectory("onfailure-spark-s3-src");
        TestData.write(local, new TestData.Plan(23, 1200, 200, 10, 20, true, 4 << 20));
        s3 = new S3Bucket(Files.createTempDirectory("onfailure-spark-s3-store"));
        s3.upload("dlq", "failures/", local);
        s3.configure(LocalSpark.get().sparkContext().hadoopConfiguration());
    }

    @AfterAll
    static void stop() throws Exception {
        Configuration conf = LocalSpark.get().sparkContext().hadoopConfiguration();
        conf.unset("fs.s3a.endpoint");
        s3.stop();
    }

    private static SparkSession spark() {
        return LocalSpark.get();
    }

    @Test
    void rows_strict_overS3a_equalTheCommandOnTheSameFiles() {
        String prefix = local.toString();
        List<String> expected = Command.validate(prefix, "strict").stream()
                .map(l -> l.replace("\"source\":\"" + prefix + "/", "\"source\":\"s3a://dlq/failures/")).toList();
        List<String> actual = spark().read().format("onfailure").option("profile", "strict")
                .load("s3a://dlq/failures/").select("source", "kind", "valid", "findings").collectAsList()
                .stream().map(Command::line).toList();
        assertThat(expected).hasSizeGreaterThan(1500);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void kindCount_overS3a_validatesNothing() {
        ReadStats.reset();
        List<Row> counts = spark().read().format("onfailure").load("s3a://dlq/failures/generated/")
                .groupBy("kind").count().orderBy("kind").collectAsList();
        assertThat(counts).extracting(r -> r.getString(0)).containsExactly("kafka.s3", "kafka.sqs-sns", "kafka.topic");
        assertThat(counts.stream().mapToLong(r -> r.getLong(1)).sum()).isEqualTo(1200);
        assertThat(ReadStats.VALIDATIONS.sum()).isZero();
        assertThat(ReadStats.PAYLOADS.sum()).isZero();
    }

    @Test
    void severalPaths_s3aAndLocal_areEachListed_inTheOrderGiven_andGlobsExpand() {
        String corpus = local.resolve("corpus").toString();
        List<String> one = sources(spark().read().format("onfailure").load("s3a://dlq/failures/generated/"));
        List<String> two = sources(spark().read().format("onfailure").load(corpus));
        List<String> three = sources(spark().read().format("onfailure").load("s3a://dlq/failures/corpus/"));
        int made = HadoopListing.Listers.MADE.get();
        List<String> together = sources(spark().read().format("onfailure")
                .load("s3a://dlq/failures/generated/", corpus, "s3a://dlq/failures/corpus/"));
        assertThat(HadoopListing.Listers.MADE.get() - made).as("file systems of our own for one bucket").isOne();
        assertThat(one).hasSizeGreaterThan(1000);
        assertThat(two).isNotEmpty();
        assertThat(together).containsExactlyElementsOf(
                java.util.stream.Stream.of(one, two, three).flatMap(List::stream).toList());
        made = HadoopListing.Listers.MADE.get();
        assertThat(sources(spark().read().format("onfailure").load("s3a://dlq/failures/{generated,corpus}/")))
                .containsExactlyElementsOf(java.util.stream.Stream.of(three, one).flatMap(List::stream).toList());
        assertThat(HadoopListing.Listers.MADE.get() - made).as("a glob and what it matches, one bucket").isOne();
        assertThatThrownBy(() -> spark().read().format("onfailure")
                .load("s3a://dlq/failures/generated/", "s3a://dlq/no-such-prefix/").count())
                .hasMessageContaining("onfailure: no such file or directory: s3a://dlq/no-such-prefix");
    }

    private static List<String> sources(org.apache.spark.sql.Dataset<Row> rows) {
        return rows.select("source").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void oneObject_byName_isRead() {
        List<Row> rows = spark().read().format("onfailure")
                .load("s3a://dlq/failures/corpus/valid/in-sqs-event.json").select("source", "envelope", "valid")
                .collectAsList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.getString(0)
                .startsWith("s3a://dlq/failures/corpus/valid/in-sqs-event.json#/Records/")
                && "sqs-event".equals(r.getString(1)) && r.getBoolean(2));
    }

    /**
     * Keys with a space, a colon, a percent sign, a plus and a character beyond ASCII are read under their own names,
     * as the command names the same objects over s3:// (S3 keys are not URIs: nothing is decoded or encoded).
     */
    @Test
    void keysWithSpacesColonsPercentSignsAndUnicode_areReadUnderTheirOwnNames() throws Exception {
        byte[] record = Files.readAllBytes(local.resolve("corpus/valid/string-payload.s3.json"));
        List<String> keys = List.of("odd/a b.json", "odd/c:d.json", "odd/e%20f.json", "odd/g+h.json",
                "odd/\u00fc.json", "odd/x/2026-12-01T10:00:00.json", "odd/esc\u001b[31m.json", "odd/tab\there.json");
        for (String key : keys) {
            s3.put("dlq", key, record);
        }
        List<Row> rows = spark().read().format("onfailure").load("s3a://dlq/odd/").select("source", "valid")
                .collectAsList();
        assertThat(rows).extracting(r -> r.getString(0)).containsExactlyElementsOf(keys.stream().sorted(
                LocalPaths::compareCodePoints).map(k -> "s3a://dlq/" + k).toList());
        assertThat(rows).allMatch(r -> r.getBoolean(1));
    }

    /**
     * An object whose key XML 1.0 cannot hold (U+0001, first in its prefix) failed the listing of its whole prefix:
     * s3a lists without {@code encoding-type=url}, and S3's answer cannot be read. The data source and the job list
     * with {@link UrlEncodedListing}, so the prefix is read, that object too; the job's check that the prefix exists
     * (a listing of one key) passes.
     */
    @Test
    void aKeyXmlCannotHold_firstInItsPrefix_failsNeitherTheListingNorTheJob(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        byte[] record = Files.readAllBytes(local.resolve("corpus/valid/string-payload.s3.json"));
        s3.put("dlq", "ctl/\u0001first.json", record);
        s3.put("dlq", "ctl/second.json", record);
        assertThat(spark().read().format("onfailure").load("s3a://dlq/ctl/").select("source").collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactly("s3a://dlq/ctl/\u0001first.json", "s3a://dlq/ctl/second.json");
        assertThat(spark().read().format("onfailure").load("s3a://dlq/c*/").count()).isEqualTo(2);

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = ReportJob.run(spark(), new String[] {"s3a://dlq/ctl/", out.resolve("report").toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true),
                new java.io.PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(spark().read().parquet(out.resolve("report/records").toString()).count()).isEqualTo(2);
    }
}
