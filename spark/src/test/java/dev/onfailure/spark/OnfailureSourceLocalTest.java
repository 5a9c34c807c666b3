package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code format("onfailure")} on a local directory of a few thousand files, against the command. */
final class OnfailureSourceLocalTest {

    private static Path root;
    private static int files;

    @BeforeAll
    static void data() throws IOException {
        root = Files.createTempDirectory("onfailure-spark-local");
        files = TestData.write(root, new TestData.Plan(17, 1700, 300, 30, 40, false, Long.MAX_VALUE));
    }

    private static SparkSession spark() {
        return LocalSpark.get();
    }

    private static Dataset<Row> read(String profile) {
        return spark().read().format("onfailure").option("profile", profile).load(root.toString());
    }

    @Test
    void rows_tolerant_equalTheCommandsJsonOutput() {
        assertThat(files).isGreaterThan(2000);
        List<String> expected = Command.validate(root.toString(), "tolerant");
        ReadStats.reset();
        List<String> actual = read("tolerant").select("source", "kind", "valid", "findings").collectAsList()
                .stream().map(Command::line).toList();
        assertThat(actual).hasSize(expected.size()).containsExactlyElementsOf(expected);
        // the command's columns come from the validator's reports alone: the reader parses no tree of its own
        assertThat(ReadStats.DOCUMENTS.sum()).isPositive();
        assertThat(ReadStats.TREES.sum()).isZero();
        assertThat(expected).anyMatch(l -> l.contains("\"json.limit\"")).anyMatch(l -> l.contains("\"kafka.s3\""))
                .anyMatch(l -> l.contains("\"kafka.topic\"")).anyMatch(l -> l.contains("#/Records/1/body"))
                .anyMatch(l -> l.contains(".ndjson:12\""));
    }

    @Test
    void rows_strict_equalTheCommandsJsonOutput() {
        List<String> expected = Command.validate(root.toString(), "strict");
        List<String> actual = read("strict").select("source", "kind", "valid", "findings").collectAsList()
                .stream().map(Command::line).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void reportColumns_equalThoseOfTheFullRead_envelopesAndKindsIncluded() {
        // from the reports alone, beside a context column (the validator's records, the reader's own tree only for
        // a record the model cannot bind) and without validation (the reader's own tree): the same rows
        List<String> reports = read("tolerant").select("source", "envelope", "kind", "valid", "findings")
                .collectAsList().stream().map(r -> first(r, 5)).toList();
        ReadStats.reset();
        List<Row> fullRows = read("tolerant").select("source", "envelope", "kind", "valid", "findings", "condition")
                .collectAsList();
        List<String> full = fullRows.stream().map(r -> first(r, 5)).toList();
        assertThat(ReadStats.TREES.sum()).isPositive().isLessThan(ReadStats.DOCUMENTS.sum() / 10);
        ReadStats.reset();
        List<String> tree = read("tolerant").select("source", "envelope", "kind", "condition")
                .collectAsList().stream().map(r -> first(r, 3)).toList();
        // without validation: plain records bound from their bytes, every other document through a tree
        assertThat(ReadStats.BOUND.sum()).isPositive();
        assertThat(ReadStats.BOUND.sum() + ReadStats.TREES.sum()).isEqualTo(ReadStats.DOCUMENTS.sum());
        assertThat(ReadStats.VALIDATIONS.sum()).isZero();
        assertThat(reports).hasSize(full.size()).containsExactlyElementsOf(full)
                .anyMatch(r -> r.contains(",sqs-event,")).anyMatch(r -> r.contains(",sns-notification,"));
        assertThat(tree).containsExactlyElementsOf(fullRows.stream().map(r -> first(r, 3)).toList());
    }

    @Test
    void kindCount_parsesNoPayload_validatesNothing_andCountsAsTheFullRead() {
        Map<String, Long> full = counts(read("tolerant").select("source", "kind", "valid", "findings", "ranges")
                .groupBy("kind").count());
        ReadStats.reset();
        Map<String, Long> light = counts(read("tolerant").groupBy("kind").count());
        assertThat(ReadStats.DOCUMENTS.sum()).isPositive();
        // most documents without a tree (KindSkim), the rest (envelopes, hostile, not plain) through one
        assertThat(ReadStats.SKIMS.sum() + ReadStats.TREES.sum()).isEqualTo(ReadStats.DOCUMENTS.sum());
        assertThat(ReadStats.SKIMS.sum()).isGreaterThan(ReadStats.DOCUMENTS.sum() / 2);
        assertThat(ReadStats.VALIDATIONS.sum()).isZero();
        assertThat(ReadStats.PAYLOADS.sum()).isZero();
        assertThat(ReadStats.MESSAGES.sum()).isZero();
        assertThat(light).isEqualTo(full).containsKeys("kafka.sqs-sns", "kafka.s3", "kafka.topic", "-");
    }

    @Test
    void kindAndValid_makeNoMessages_andParseNoPayloadThemselves() {
        ReadStats.reset();
        long invalid = read("tolerant").select("kind", "valid").where("not valid").count();
        assertThat(invalid).isPositive();
        assertThat(ReadStats.VALIDATIONS.sum()).isPositive();
        assertThat(ReadStats.MESSAGES.sum()).isZero();
        assertThat(ReadStats.PAYLOADS.sum()).isZero();
        ReadStats.reset();
        String invalidDir = root.resolve("invalid").toString();
        spark().read().format("onfailure").load(invalidDir).select("findings.code").collectAsList();
        assertThat(ReadStats.MESSAGES.sum()).isZero();
        spark().read().format("onfailure").load(invalidDir).select("findings").collectAsList();
        assertThat(ReadStats.MESSAGES.sum()).isPositive();
    }

    @Test
    void everyColumn_takesEachPayloadFromTheValidatorsRecord_parsingNoneAgain() {
        ReadStats.reset();
        List<Row> rows = spark().read().format("onfailure").load(root.resolve("generated").toString())
                .collectAsList();
        assertThat(ReadStats.VALIDATIONS.sum()).isPositive();
        assertThat(ReadStats.PAYLOADS.sum()).isZero();
        assertThat(rows).anyMatch(r -> r.getList(r.fieldIndex("ranges")).stream()
                .anyMatch(x -> ((Row) x).getAs("payloadRecords") != null && ((Row) x).<Long>getAs("payloadRecords") > 0
                        && ((Row) x).getAs("topic") != null));
    }

    @Test
    void ranges_fromTheValidatorsRecords_equalThoseTheReaderParsesItself() {
        // without validation the reader binds plain records itself and parses the others' payloads from its tree;
        // with it, it takes the validator's: same ranges, hostile, invalid and unbindable records included (for those
        // it still parses the payload itself)
        ReadStats.reset();
        List<String> own = read("tolerant").select("source", "ranges").collectAsList().stream()
                .map(r -> first(r, 2)).toList();
        assertThat(ReadStats.BOUND.sum()).isPositive();
        long parsedByReader = ReadStats.PAYLOADS.sum();
        assertThat(parsedByReader).isPositive();
        ReadStats.reset();
        List<String> handed = read("tolerant").select("source", "ranges", "valid").collectAsList().stream()
                .map(r -> first(r, 2)).toList();
        assertThat(ReadStats.VALIDATIONS.sum()).isPositive();
        assertThat(ReadStats.PAYLOADS.sum()).isLessThan(parsedByReader);
        assertThat(handed).hasSize(own.size()).containsExactlyElementsOf(own)
                .anyMatch(r -> r.contains("/hostile/")).anyMatch(r -> r.contains("/invalid/"));
    }

    @Test
    void s3Record_rowHoldsContextRangesAndPayloadCounts() {
        Row r = spark().read().format("onfailure").load(root.resolve("corpus").toString())
                .where("source like '%/corpus/valid/string-payload.s3.json'").collectAsList().get(0);
        assertThat(r.<String>getAs("kind")).isEqualTo("kafka.s3");
        assertThat(r.<Boolean>getAs("valid")).isTrue();
        assertThat(r.<String>getAs("condition")).isEqualTo("RetryAttemptsExhausted");
        assertThat(r.<String>getAs("functionArn"))
                .isEqualTo("arn:aws:lambda:eu-west-1:210987654321:function:orders-consumer");
        assertThat(r.<String>getAs("requestId")).isEqualTo("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e");
        assertThat(r.<String>getAs("timestampText")).isEqualTo("2024-05-01T10:00:09.999Z");
        assertThat(r.<java.sql.Timestamp>getAs("timestamp").toInstant())
                .isEqualTo(java.time.Instant.parse("2024-05-01T10:00:09.999Z"));
        assertThat(r.<Long>getAs("batchSize")).isEqualTo(3L);
        assertThat(r.<Long>getAs("payloadSize")).isEqualTo(1782L);
        assertThat(r.<String>getAs("payloadForm")).isEqualTo("string");
        assertThat(r.<String>getAs("responseContextState")).isEqualTo("object");
        assertThat(r.<Row>getAs("responseContext").<Long>getAs("statusCode")).isEqualTo(200L);
        List<Row> ranges = r.getList(r.fieldIndex("ranges"));
        assertThat(ranges).hasSize(2);
        Row first = ranges.get(0);
        assertThat(first.<String>getAs("topic")).isEqualTo("orders");
        assertThat(first.<Integer>getAs("partition")).isEqualTo(0);
        assertThat(first.<BigDecimal>getAs("firstOffset")).isEqualByComparingTo("1200");
        assertThat(first.<BigDecimal>getAs("lastOffset")).isEqualByComparingTo("1201");
        assertThat(first.<String>getAs("lastOffsetText")).isEqualTo("1201");
        assertThat(first.<String>getAs("lastTimestampText")).isEqualTo("2024-05-01T10:00:00.950Z");
        assertThat(first.<Long>getAs("payloadRecords")).isEqualTo(2L);
        assertThat(ranges.get(1).<Long>getAs("payloadRecords")).isEqualTo(1L);
    }

    private static List<String> sources(Dataset<Row> rows) {
        return rows.select("source").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    @Test
    void globs_readWhatTheyMatch_sorted_withoutMarkers_andALiteralNameWins() throws IOException {
        assertThat(sources(spark().read().format("onfailure").load(root + "/{generated,corpus}")))
                .containsExactlyElementsOf(sources(spark().read().format("onfailure")
                        .load(root.resolve("corpus").toString(), root.resolve("generated").toString())));

        Path dir = Files.createTempDirectory("onfailure-spark-glob");
        byte[] record = Files.readAllBytes(root.resolve("corpus/valid/compact.sqs-sns.json"));
        for (String name : List.of("a.json", "object-without-extension", "_SUCCESS", ".hidden.json", "[old]/c.json",
                "d/e.json")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.write(dir.resolve(name), record);
        }
        assertThat(sources(spark().read().format("onfailure").load(dir + "/*"))).containsExactly(
                dir + "/[old]/c.json", dir + "/a.json", dir + "/d/e.json", dir + "/object-without-extension");
        // files=records is the command's rule: any file named as a record, hidden or not, and every directory
        assertThat(sources(spark().read().format("onfailure").option("files", "records").load(dir + "/*")))
                .containsExactly(dir + "/.hidden.json", dir + "/[old]/c.json", dir + "/a.json", dir + "/d/e.json")
                .containsExactlyElementsOf(sources(spark().read().format("onfailure").option("files", "records")
                        .load(dir.toString())));
        assertThat(sources(spark().read().format("onfailure").load(dir + "/[old]")))   // the directory, not [dlo]
                .containsExactly(dir + "/[old]/c.json");
        assertThatThrownBy(() -> spark().read().format("onfailure").load(dir + "/nothing-*").count())
                .hasMessageContaining("onfailure: nothing matches " + dir + "/nothing-*");

        // names with a colon (Hadoop's globStatus fails beside them: "Relative path in absolute URI"), braces that
        // hold a slash, and an escaped wildcard
        Path colons = Files.createTempDirectory("onfailure-spark-glob-colon");
        for (String name : List.of("2026-12-01T10:00:00.json", "a.json", "d/2026-12-01T11:00:00.json", "e/f.json",
                "star*.json", "stars.json")) {
            Files.createDirectories(colons.resolve(name).getParent());
            Files.write(colons.resolve(name), record);
        }
        assertThat(sources(spark().read().format("onfailure").load(colons + "/*.json"))).containsExactly(
                colons + "/2026-12-01T10:00:00.json", colons + "/a.json", colons + "/star*.json",
                colons + "/stars.json");
        assertThat(sources(spark().read().format("onfailure").load(colons + "/{d,e/f.json}"))).containsExactly(
                colons + "/d/2026-12-01T11:00:00.json", colons + "/e/f.json");
        assertThat(sources(spark().read().format("onfailure").load(colons + "/sta*\\*.json")))
                .containsExactly(colons + "/star*.json");
        assertThat(sources(spark().read().format("onfailure").load("file://" + colons + "/?.json")))
                .containsExactly(colons + "/a.json");
    }

    @Test
    void hugeOffsets_areDecimalsWhenTheyFit_andTextAlways() {
        List<Row> rows = spark().read().format("onfailure")
                .load(root.resolve("generated").toString(), root.resolve("corpus").toString())
                .selectExpr("source", "explode(ranges) as r")
                .selectExpr("source", "r.firstOffset as first", "r.firstOffsetText as text").collectAsList();
        assertThat(rows).isNotEmpty();
        for (Row row : rows) {
            String text = row.getString(2);
            BigDecimal first = row.getDecimal(1);
            if (text != null && text.matches("-?[0-9]{1,38}")) {
                assertThat(first).as(row.getString(0)).isEqualByComparingTo(text);
            } else {
                assertThat(first).as(row.getString(0)).isNull();
            }
        }
        assertThat(rows).anyMatch(row -> row.getString(2) != null && row.getString(2).length() >= 19
                && row.getDecimal(1) != null);
        assertThat(rows).anyMatch(row -> row.getString(2) != null && row.getString(2).length() > 38
                && row.getDecimal(1) == null);
    }

    @Test
    void unreadableAndCorruptFiles_areRows_notFailures() {
        List<Row> rows = spark().read().format("onfailure").load(root.resolve("corrupt").toString())
                .select("source", "valid", "findings.code")
                .collectAsList();
        assertThat(rows).extracting(r -> r.getString(0).substring(r.getString(0).indexOf("/corrupt/")))
                .containsExactly("/corrupt/binary.json", "/corrupt/empty.json", "/corrupt/latin1.json",
                        "/corrupt/lines.ndjson:1", "/corrupt/lines.ndjson:2", "/corrupt/truncated.json");
        assertThat(rows).allMatch(r -> !r.getBoolean(1));
    }

    /** As the command: a link to a directory is followed, a link that leads nowhere is said, not left out. */
    @Test
    void symbolicLinks_areFollowed_andABrokenOneIsARow() throws IOException {
        Path dir = Files.createTempDirectory("onfailure-spark-links");
        Files.createDirectories(dir.resolve("data"));
        Files.copy(root.resolve("corpus/valid/string-payload.s3.json"), dir.resolve("data/a.json"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(root.resolve("corpus/valid/string-payload.s3.json"), dir.resolve("elsewhere/b.json"));
        Files.createSymbolicLink(dir.resolve("data/linked"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("data/z-broken.json"), dir.resolve("nowhere.json"));
        for (int readAhead : new int[] {0, 2}) {
            List<String> rows = spark().read().format("onfailure").option("readAhead", readAhead)
                    .load(dir.resolve("data").toString()).select("source", "valid", "readError").collectAsList()
                    .stream().map(r -> r.getString(0).substring(dir.toString().length()) + " " + r.getBoolean(1)
                            + " " + r.getString(2)).toList();
            assertThat(rows).as("readAhead=%d", readAhead).containsExactly("/data/a.json true null",
                    "/data/linked/b.json true null", "/data/z-broken.json false a broken symbolic link");
        }
    }

    /**
     * What the command reports on standard error and goes on (a symbolic link loop, a FIFO or a device named as a
     * record, a broken link) is a row with the command's words in {@code readError}, never a failed query or a task
     * that waits forever; a file whose name is not UTF-8 is read as the command reads it.
     */
    @Test
    void whatTheCommandReportsAndGoesOn_isARowWithItsWords_andNamesThatAreNotUtf8_areRead() throws Exception {
        Path dir = Files.createTempDirectory("onfailure-spark-hostile");
        Files.copy(root.resolve("corpus/valid/string-payload.s3.json"), dir.resolve("a.json"));
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(root.resolve("corpus/valid/compact.sqs-sns.json"), dir.resolve("sub/b.json"));
        Files.createSymbolicLink(dir.resolve("sub/loop"), dir);
        LocalPathsTest.mkfifo(dir.resolve("pipe.json"));
        Files.createSymbolicLink(dir.resolve("null.json"), Path.of("/dev/null"));
        Files.createSymbolicLink(dir.resolve("z-broken.json"), dir.resolve("nowhere.json"));
        boolean utf8Names = "UTF-8".equals(System.getProperty("sun.jnu.encoding"));
        if (utf8Names) {
            Process p = new ProcessBuilder("sh", "-c", "cp \"$0/a.json\" \"$0/caf$(printf '\\351').json\"",
                    dir.toString()).inheritIO().start();
            assertThat(p.waitFor()).isZero();
        }
        Command.Run command = Command.run(dir.toString(), "tolerant");
        List<String> said = command.err().lines().filter(l -> l.startsWith("onfailure: " + dir))
                .map(l -> l.substring("onfailure: ".length())).sorted().toList();
        for (int readAhead : new int[] {0, 2}) {
            List<Row> rows = spark().read().format("onfailure").option("readAhead", readAhead)
                    .option("files", "records").load(dir.toString())
                    .select("source", "kind", "valid", "findings", "readError").collectAsList();
            assertThat(rows.stream().filter(r -> r.isNullAt(4)).map(Command::line).toList())
                    .as("readAhead=%d", readAhead).containsExactlyInAnyOrderElementsOf(command.lines())
                    .hasSize(utf8Names ? 3 : 2);
            assertThat(rows.stream().filter(r -> !r.isNullAt(4)).map(r -> r.getString(0) + ": " + r.getString(4))
                    .sorted().toList()).as("readAhead=%d", readAhead).isEqualTo(said).containsExactly(
                            dir + "/null.json: not a regular file",
                            dir + "/pipe.json: not a regular file",
                            dir + "/sub/loop: leads back to a directory above it (a symbolic link loop): not read again",
                            dir + "/z-broken.json: a broken symbolic link");
        }
        // named on their own
        for (String named : List.of("pipe.json", "null.json")) {
            assertThat(spark().read().format("onfailure").load(dir.resolve(named).toString())
                    .select("readError").collectAsList()).extracting(r -> r.getString(0))
                    .containsExactly("not a regular file");
        }
    }

    @Test
    void extensionlessObjects_areRead_markersAndHiddenFilesAreNot() throws IOException {
        Path dir = Files.createTempDirectory("onfailure-spark-keys");
        String record = Files.readString(root.resolve("corpus/valid/string-payload.s3.json"));
        Path key = dir.resolve("aws/lambda/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c/orders-0/2026/12/01/"
                + "2026-12-01T10.00.00-5f0e1d2c-3b4a-4c5d-8e9f-0a1b2c3d4e5f");
        Files.createDirectories(key.getParent());
        Files.writeString(key, record);
        Files.writeString(dir.resolve("named.json"), record);
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve(".hidden.json"), record);
        Files.createDirectories(dir.resolve("_temporary"));
        Files.writeString(dir.resolve("_temporary/part.json"), record);
        List<String> all = spark().read().format("onfailure").load(dir.toString()).select("source", "valid")
                .collectAsList().stream().map(r -> r.getString(0).substring(dir.toString().length()) + " "
                        + r.getBoolean(1)).toList();
        assertThat(all).containsExactly("/aws/lambda/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c/orders-0/2026/12/01/"
                + "2026-12-01T10.00.00-5f0e1d2c-3b4a-4c5d-8e9f-0a1b2c3d4e5f true", "/named.json true");
        List<String> records = spark().read().format("onfailure").option("files", "records").load(dir.toString())
                .select("source").collectAsList().stream()
                .map(r -> r.getString(0).substring(dir.toString().length())).toList();
        List<String> command = Command.validate(dir.toString(), "tolerant").stream()
                .map(l -> l.substring(l.indexOf(dir.toString()) + dir.toString().length(), l.indexOf("\",\"kind")))
                .toList();
        assertThat(records).containsExactlyElementsOf(command)
                .contains("/named.json", "/.hidden.json", "/_temporary/part.json");
    }

    @Test
    void modifiedAfterAndBefore_readOnlyTheFilesModifiedInTheWindow() throws IOException {
        Path dir = Files.createTempDirectory("onfailure-spark-modified");
        byte[] record = Files.readAllBytes(root.resolve("corpus/valid/compact.sqs-sns.json"));
        for (String day : List.of("2026-11-29", "2026-11-30", "2026-12-01")) {
            Path f = dir.resolve("d/" + day + ".json");
            Files.createDirectories(f.getParent());
            Files.write(f, record);
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(
                    java.time.Instant.parse(day + "T12:00:00Z")));
        }
        java.util.function.BiFunction<String, String, List<String>> window = (after, before) -> {
            var reader = spark().read().format("onfailure").option("timeZone", "UTC");
            if (after != null) {
                reader = reader.option("modifiedAfter", after);
            }
            if (before != null) {
                reader = reader.option("modifiedBefore", before);
            }
            return sources(reader.load(dir.toString())).stream()
                    .map(src -> src.substring(src.lastIndexOf('/') + 1)).toList();
        };
        assertThat(window.apply("2026-11-30T00:00:00", null)).containsExactly("2026-11-30.json", "2026-12-01.json");
        assertThat(window.apply(null, "2026-12-01")).containsExactly("2026-11-29.json", "2026-11-30.json");
        assertThat(window.apply("2026-11-30", "2026-12-01T00:00:00Z")).containsExactly("2026-11-30.json");
        // strictly after and strictly before, as Spark's sources compare
        assertThat(window.apply("2026-11-30T12:00:00Z", "2026-12-01T12:00:00Z")).isEmpty();
        // a time with its offset is that instant; one without is in the timeZone option, else the session's zone,
        // and a file is compared by its instant whatever the zone (Spark's own sources shift the file's time)
        assertThat(window.apply("2026-11-30T12:59:59+01:00", null)).containsExactly("2026-11-30.json",
                "2026-12-01.json");
        assertThat(window.apply("2026-11-30 11:59:59", null)).containsExactly("2026-11-30.json", "2026-12-01.json");
        assertThat(sources(spark().read().format("onfailure").option("timeZone", "Asia/Tokyo")
                .option("modifiedAfter", "2026-11-30T21:00:00").load(dir.toString()))).hasSize(1);
        assertThat(sources(spark().read().format("onfailure").option("timeZone", "+9:00")
                .option("modifiedAfter", "2026-11-30T20:59:59").load(dir.toString()))).hasSize(2);
        assertThat(sources(spark().read().format("onfailure").option("timeZone", "PST")     // UTC-8 in November
                .option("modifiedBefore", "2026-11-30T04:00:01").load(dir.toString()))).hasSize(2);
        String session = spark().conf().get("spark.sql.session.timeZone");
        try {
            spark().conf().set("spark.sql.session.timeZone", "Asia/Tokyo");
            assertThat(sources(spark().read().format("onfailure").option("modifiedAfter", "2026-11-30T21:00:00")
                    .load(dir.toString()))).hasSize(1);
        } finally {
            spark().conf().set("spark.sql.session.timeZone", session);
        }
        // a file named on its own is filtered too, and the command's columns come from what is read
        assertThat(window.apply("2026-12-01", null)).hasSize(1);
        assertThat(spark().read().format("onfailure").option("modifiedBefore", "2026-11-30T00:00:00Z")
                .load(dir.resolve("d/2026-11-30.json").toString()).count()).isZero();
        assertThat(spark().read().format("onfailure").option("modifiedAfter", "2026-11-30T00:00:00Z")
                .load(dir.toString()).queryExecution().executedPlan().toString())
                .contains("modifiedAfter=2026-11-30T00:00:00Z");

        assertThatThrownBy(() -> spark().read().format("onfailure").option("modifiedAfter", "yesterday")
                .load(dir.toString()).count())
                .hasMessageContaining("option modifiedAfter must be a time such as 2026-12-01T00:00:00")
                .hasMessageContaining("not yesterday");
        // at load(), as Spark's own sources say it, not at the first action
        assertThatThrownBy(() -> spark().read().format("onfailure").option("modifiedBefore", "2026-12-01")
                .option("timeZone", "Mars/Olympus").load(dir.toString()))
                .hasMessageContaining("option timeZone is not a time zone: Mars/Olympus");
        assertThatThrownBy(() -> spark().read().format("onfailure").option("profile", "lax").load(dir.toString()))
                .hasMessageContaining("option profile must be tolerant or strict");
        // a profile in any case, as the command takes it
        assertThat(spark().read().format("onfailure").option("profile", "STRICT").load(dir.toString()).count())
                .isEqualTo(spark().read().format("onfailure").option("profile", "strict").load(dir.toString())
                        .count());
        for (String[] bad : List.of(new String[] {"readAhead", "-1", "option readAhead must be 0 to 999, not -1"},
                new String[] {"readAhead", "many", "option readAhead must be 0 to 999, not many"},
                new String[] {"maxPartitionBytes", "0", "option maxPartitionBytes must be above zero, not 0"},
                new String[] {"maxPartitionBytes", "big", "option maxPartitionBytes is not a size: big"},
                new String[] {"openCostInBytes", "-4k", "option openCostInBytes"},
                new String[] {"files", "some", "option files must be all or records, not some"})) {
            assertThatThrownBy(() -> spark().read().format("onfailure").option(bad[0], bad[1]).load(dir.toString()))
                    .as(bad[0] + "=" + bad[1]).hasMessageContaining(bad[2]);
        }
        // values are taken in any case, as profile's
        assertThat(spark().read().format("onfailure").option("files", "RECORDS").option("profile", "Strict")
                .option("maxPartitionBytes", "64m").load(dir.toString()).count()).isPositive();
    }

    @Test
    void pathGlobFilter_readsTheFilesWhoseNameMatches_inEveryDirectory() throws IOException {
        Path dir = Files.createTempDirectory("onfailure-spark-glob-filter");
        byte[] record = Files.readAllBytes(root.resolve("corpus/valid/compact.sqs-sns.json"));
        for (String name : List.of("a.json", "b.ndjson", "object-without-extension", "sub.json/c.json", "sub/d.txt")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.write(dir.resolve(name), record);
        }
        java.util.function.Function<String, List<String>> glob = g -> sources(spark().read().format("onfailure")
                .option("pathGlobFilter", g).load(dir.toString())).stream()
                .map(src -> src.substring(dir.toString().length() + 1)).toList();
        // a directory is walked whatever its name; the glob is matched against files' names only
        assertThat(glob.apply("*.json")).containsExactly("a.json", "sub.json/c.json");
        assertThat(glob.apply("{a,object}*")).containsExactly("a.json", "object-without-extension");
        assertThat(glob.apply("?.*json")).containsExactly("a.json", "b.ndjson:1", "sub.json/c.json");
        assertThat(glob.apply("*.csv")).isEmpty();
        assertThat(sources(spark().read().format("onfailure").option("pathGlobFilter", "*.json")
                .option("modifiedBefore", "2000-01-01").load(dir.toString()))).isEmpty();
        assertThatThrownBy(() -> spark().read().format("onfailure").option("pathGlobFilter", "[a")
                .load(dir.toString()).count()).hasMessageContaining("option pathGlobFilter is not a glob: [a");
    }

    @Test
    void missingPath_isOneClearError() {
        assertThatThrownBy(() -> spark().read().format("onfailure").load(root.resolve("nowhere").toString()).count())
                .hasMessageContaining("onfailure: no such file or directory");
        assertThatThrownBy(() -> spark().read().format("onfailure").option("profile", "lax").load(root.toString())
                .count()).hasMessageContaining("option profile must be tolerant or strict");
    }

    @Test
    void schema_isTheDocumentedOne() {
        assertThat(read("tolerant").schema()).isEqualTo(FailureRows.SCHEMA);
    }

    /** The first {@code n} columns of {@code r}, as text. */
    private static String first(Row r, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(r.get(i));
        }
        return sb.append(']').toString();
    }

    private static Map<String, Long> counts(Dataset<Row> grouped) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : grouped.collectAsList()) {
            out.put(r.isNullAt(0) ? "-" : r.getString(0), r.getLong(1));
        }
        return out;
    }

    /**
     * A DataFrame lists its paths at its first query and its later queries read the same files, as Spark's own file
     * sources list once per load(): a file written in between is not read by them (nor is one removed missed as a
     * failure), and another load() lists anew. Different options on the same paths are another listing.
     */
    @Test
    void aDataFrameListsOnce_anotherLoadListsAnew() throws Exception {
        Path dir = Files.createTempDirectory("onfailure-spark-once");
        byte[] record = dev.onfailure.fixtures.HandMadeRecords.named("string-payload.s3.json").json()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(dir.resolve("a.json"), record);
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows = spark().read().format("onfailure")
                .load(dir.toString());
        assertThat(rows.count()).isEqualTo(1);
        Files.write(dir.resolve("b.json"), record);
        assertThat(rows.count()).as("the same DataFrame: its listing").isEqualTo(1);
        assertThat(rows.filter("valid").count()).as("a query made from it: the same listing").isEqualTo(1);
        assertThat(spark().read().format("onfailure").load(dir.toString()).count()).as("another load()").isEqualTo(2);
        Files.delete(dir.resolve("a.json"));
        assertThat(spark().read().format("onfailure").load(dir.toString()).select("source").collectAsList())
                .extracting(r -> r.getString(0)).containsExactly(dir.resolve("b.json").toString());
    }
}
