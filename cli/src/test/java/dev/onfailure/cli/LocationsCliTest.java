package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Kind;
import dev.onfailure.sources.Corpus;
import dev.onfailure.sources.KafkaServer;
import dev.onfailure.sources.S3Server;
import dev.onfailure.sources.SqsServer;
import dev.onfailure.sources.TestAws;
import dev.onfailure.sources.TlsRelay;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The command with {@code s3://}, {@code sqs://} and {@code kafka://} locations, against the in-process servers of the
 * sources tests (S3Proxy, ElasticMQ, a KRaft broker), each started once for the class.
 */
final class LocationsCliTest {

    @TempDir
    static Path files;

    private static S3Server s3Server;
    private static SqsServer sqsServer;
    private static KafkaServer kafka;
    private static S3Client s3;
    private static SqsClient sqs;
    private static String s3Endpoint;
    private static String sqsEndpoint;
    /** The S3 corpus written as local files, in the order of their keys. */
    private static final List<String> s3Files = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        s3Server = S3Server.start();
        sqsServer = SqsServer.start();
        kafka = KafkaServer.start();
        s3 = s3Server.client();
        sqs = sqsServer.client();
        s3Endpoint = s3Server.endpoint().toString();
        sqsEndpoint = sqsServer.endpoint().toString();

        s3.createBucket(b -> b.bucket("failures"));
        Path dir = Files.createDirectories(files.resolve("failures"));
        int i = 0;
        for (Map.Entry<String, byte[]> e : Corpus.of(Kind.S3).entrySet()) {
            String key = String.format("r%03d-%s.json", i++, e.getKey());
            s3.putObject(b -> b.bucket("failures").key(key), RequestBody.fromBytes(e.getValue()));
            Files.write(dir.resolve(key), e.getValue());
            s3Files.add(dir.resolve(key).toString());
        }

        kafka.createTopic("failures", 1);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (byte[] value : Corpus.of(Kind.TOPIC).values()) {
                producer.send(new ProducerRecord<>("failures", 0, null, value)).get();
            }
        }
    }

    @AfterAll
    static void stop() {
        s3.close();
        sqs.close();
        kafka.close();
        sqsServer.close();
        s3Server.close();
    }

    private static String queue(String name) {
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                "1"))).queueUrl();
        for (byte[] body : Corpus.of(Kind.SQS_SNS).values()) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(new String(body, StandardCharsets.UTF_8)));
        }
        return url;
    }

    private static int inQueue(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    private static String[] args(String... args) {
        return args;
    }

    @Test
    void validateS3_reportsExactlyAsTheSameFiles() {
        for (String format : List.of("text", "json", "sarif")) {
            Cli.Result remote = Cli.run("validate", "--format", format, "--endpoint-url", s3Endpoint, "s3://failures");
            Cli.Result local = Cli.run(Stream.concat(Stream.of("validate", "--format", format), s3Files.stream())
                    .toArray(String[]::new));

            assertThat(remote.code()).as(format).isEqualTo(local.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(remote.err()).isEmpty();
            String dir = files.resolve("failures").toString();
            assertThat(remote.out()).contains("s3://failures/r0");
            assertThat(remote.out().replace("s3://failures/", dir + "/")).as(format).isEqualTo(local.out());
        }
    }

    @Test
    void validateSqs_leavesMessages_deleteValidTakesExactlyTheValidOnes() throws Exception {
        String url = queue("cli-dlq");
        int sent = inQueue(url);
        Cli.Result first = Cli.run("validate", "--format", "json", "--endpoint-url", sqsEndpoint, "sqs://cli-dlq");

        assertThat(first.code()).isEqualTo(ExitCodes.FINDINGS);
        List<String> lines = first.out().lines().toList();
        assertThat(lines).hasSize(sent).allSatisfy(l -> assertThat(l).startsWith("{\"source\":\"sqs://cli-dlq#"));
        long valid = lines.stream().filter(l -> l.contains("\"valid\":true")).count();
        assertThat(valid).isPositive().isLessThan(sent);
        assertThat(inQueue(url)).isEqualTo(sent);
        assertThat(first.err()).isEqualTo("onfailure: sqs://cli-dlq: " + sent + " messages received and not deleted:"
                + " in flight (hidden from other consumers and the next run) until the queue's visibility timeout\n");
        sqs.createQueue(b -> b.queueName("cli-empty"));
        Cli.Result none = Cli.run("inspect", "--endpoint-url", sqsEndpoint, "sqs://cli-empty");
        assertThat(none.err()).isEqualTo("onfailure: sqs://cli-empty: no message received; messages that another"
                + " consumer or an earlier run received are back only after the queue's visibility timeout\n");

        Thread.sleep(1500); // the visibility timeout
        Cli.Result deleting = Cli.run("validate", "--format", "json", "--delete-valid", "--endpoint-url",
                sqsEndpoint, "sqs://" + url);
        assertThat(deleting.code()).as(deleting.err()).isEqualTo(ExitCodes.FINDINGS);
        String inFlight = " received and not deleted: in flight (hidden from other consumers and the next run) until"
                + " the queue's visibility timeout\n";
        assertThat(deleting.err()).isEqualTo("onfailure: sqs://" + url + ": " + valid + " valid and deleted, "
                + (sent - valid) + " messages" + inFlight);
        Thread.sleep(1500);
        assertThat(inQueue(url)).isEqualTo(sent - (int) valid);
        Thread.sleep(1500);
        Cli.Result again = Cli.run("validate", "--format", "json", "--delete-valid", "--endpoint-url", sqsEndpoint,
                "sqs://cli-dlq");
        assertThat(again.err()).isEqualTo("onfailure: sqs://cli-dlq: 0 valid and deleted, " + (sent - valid)
                + " messages" + inFlight);

        String allValid = sqs.createQueue(b -> b.queueName("cli-all-valid")).queueUrl();
        byte[] record = Corpus.of(Kind.SQS_SNS).values().iterator().next();
        for (int i = 0; i < 3; i++) {
            sqs.sendMessage(b -> b.queueUrl(allValid).messageBody(new String(record,
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        Cli.Result clean = Cli.run("validate", "--delete-valid", "--endpoint-url", sqsEndpoint, "sqs://cli-all-valid");
        assertThat(clean.code()).as(clean.out() + clean.err()).isEqualTo(ExitCodes.OK);
        assertThat(clean.err()).isEqualTo("onfailure: sqs://cli-all-valid: 3 messages received, all valid and"
                + " deleted\n");
    }

    @Test
    void validateSqs_deleteValid_outputThatCannotBeWritten_deletesNothingAndExits2() {
        String url = queue("cli-closed-output");
        int sent = inQueue(url);

        Cli.Result r = Cli.withBrokenOutput(0, "validate", "--format", "json", "--delete-valid", "--endpoint-url",
                sqsEndpoint, "sqs://cli-closed-output");

        assertThat(inQueue(url)).as("no message deleted: no result was written").isEqualTo(sent);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(Main.OUTPUT_FAILED + "\n");
    }

    @Test
    void validateSqs_deleteValid_outputThatFailsMidway_deletesOnlyWhatWasWritten() {
        String url = queue("cli-broken-pipe");
        int sent = inQueue(url);
        Cli.Result all = Cli.run("validate", "--format", "json", "--endpoint-url", sqsEndpoint,
                "sqs://cli-broken-pipe");
        int half = all.out().length() / 2;

        Cli.Result r = Cli.withBrokenOutput(half, "validate", "--format", "json", "--delete-valid",
                "--endpoint-url", sqsEndpoint, "sqs://cli-broken-pipe");

        String whole = r.out().substring(0, r.out().lastIndexOf('\n') + 1);
        long written = whole.lines().filter(l -> l.contains("\"valid\":true")).count();
        assertThat(sent - inQueue(url)).as("deleted: at most the valid results written whole").isLessThanOrEqualTo(
                (int) written);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(Main.OUTPUT_FAILED + "\n");
    }

    @Test
    void validateKafka_sourceIsTopicPartitionAtOffset() {
        Cli.Result r = Cli.run("validate", "--format", "json", "--bootstrap-server", kafka.bootstrapServers(),
                "kafka://failures");

        assertThat(r.code()).isEqualTo(ExitCodes.FINDINGS);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith("{\"source\":\"kafka://failures/0@" + i + "\"");
        }
        Cli.Result later = Cli.run("validate", "--format", "json", "--bootstrap-server", kafka.bootstrapServers(),
                "--from-offset", "3", "kafka://failures");
        assertThat(later.out().lines()).hasSize(lines.size() - 3);
    }

    @Test
    void aLocationThatGivesNothing_isSaid_soATypoIsNotTakenForAnEmptyPlace() throws Exception {
        Cli.Result typo = Cli.run("validate", "--endpoint-url", s3Endpoint, "s3://failures/r00O");
        assertThat(typo.code()).isEqualTo(ExitCodes.OK);
        assertThat(typo.out()).startsWith("0 records");
        assertThat(typo.err()).isEqualTo("onfailure: s3://failures/r00O: no object under this prefix\n");

        Cli.Result later = Cli.run("validate", "--endpoint-url", s3Endpoint, "--since", "2999-01-01",
                "s3://failures/r0");
        assertThat(later.code()).isEqualTo(ExitCodes.OK);
        assertThat(later.err()).matches("onfailure: s3://failures/r0: \\d\\d+ objects listed, none last modified within"
                + " --since/--until\n");

        kafka.createTopic("cli-empty-topic", 2);
        Cli.Result empty = Cli.run("validate", "--bootstrap-server", kafka.bootstrapServers(),
                "kafka://cli-empty-topic");
        assertThat(empty.code()).isEqualTo(ExitCodes.OK);
        assertThat(empty.err()).isEqualTo("onfailure: kafka://cli-empty-topic: no message from the start offsets to"
                + " the end offsets taken when reading began\n");

        Cli.Result some = Cli.run("validate", "--endpoint-url", s3Endpoint, "s3://failures/r000");
        assertThat(some.err()).isEmpty();

        // a console's "folder" (a zero-byte key ending in /) holds no records
        s3.createBucket(b -> b.bucket("folders"));
        s3.putObject(b -> b.bucket("folders").key("made-in-the-console/"), RequestBody.empty());
        Cli.Result folder = Cli.run("validate", "--endpoint-url", s3Endpoint, "--since", "2000-01-01",
                "s3://folders/made-in-the-console/");
        assertThat(folder.code()).isEqualTo(ExitCodes.OK);
        assertThat(folder.err()).isEqualTo("onfailure: s3://folders/made-in-the-console/: no object under this"
                + " prefix\n");
    }

    @Test
    void badSituations_areOneLineExit2_andTheOtherInputsAreStillReported() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        String valid = s3Files.get(0);
        Map<String[], String> cases = Map.of(
                args("--endpoint-url", s3Endpoint, "s3://no-such-bucket"),
                "onfailure: s3://no-such-bucket: no such bucket no-such-bucket (at " + s3Endpoint + ")",
                args("--endpoint-url", s3Endpoint, "--aws-profile", TestAws.WRONG_PROFILE, "s3://failures"),
                "onfailure: s3://failures: access denied (SignatureDoesNotMatch from " + s3Endpoint
                        + "): check the credentials, and that they allow s3:ListBucket on failures",
                args("--endpoint-url", "http://127.0.0.1:" + dead, "s3://failures"),
                "onfailure: s3://failures: http://127.0.0.1:" + dead + " does not answer (3 attempts): connection"
                        + " refused",
                args("--endpoint-url", sqsEndpoint, "sqs://no-such-queue"),
                "onfailure: sqs://no-such-queue: no such queue no-such-queue (at " + sqsEndpoint + ")",
                args("--bootstrap-server", kafka.bootstrapServers(), "kafka://no-such-topic"),
                "onfailure: kafka://no-such-topic: no such topic no-such-topic (at bootstrap server "
                        + kafka.bootstrapServers() + ")",
                args("--bootstrap-server", "127.0.0.1:" + dead, "--timeout", "2s", "kafka://failures"),
                "onfailure: kafka://failures: bootstrap server 127.0.0.1:" + dead + " did not answer within 2 s",
                args("kafka://failures"),
                "onfailure: kafka://failures: no bootstrap server: give --bootstrap-server host:port (or"
                        + " bootstrap.servers in the --kafka-config file)",
                args("--endpoint-url", sqsEndpoint, "s3://failures"),
                "onfailure: s3://failures: HTTP 400 (from " + sqsEndpoint + "), not an answer S3 gives: is"
                        + " --endpoint-url an S3 endpoint?",
                args("--endpoint-url", s3Endpoint, "sqs://failures"),
                "onfailure: sqs://failures: HTTP 501 (from " + s3Endpoint + "), not an answer SQS gives: is"
                        + " --endpoint-url an SQS endpoint?",
                args("s3://Not_A_Bucket"),
                "onfailure: s3://Not_A_Bucket: not an S3 location: the bucket name must be 3 to 63 lowercase"
                        + " letters, digits, dots and hyphens (s3://bucket/prefix)");
        for (Map.Entry<String[], String> c : cases.entrySet()) {
            String[] command = Stream.concat(Stream.of("validate", "--format", "json"),
                    Stream.concat(Stream.of(c.getKey()), Stream.of(valid))).toArray(String[]::new);
            Cli.Result r = Cli.run(command);

            assertThat(r.code()).as(c.getValue()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(c.getValue()).isEqualTo(c.getValue() + "\n");
            assertThat(r.out()).as("the file after it is still reported").contains("\"source\":\"" + valid + "\"");
        }
    }

    @Test
    void inspectS3_summarisesEveryObject() {
        Cli.Result r = Cli.run("inspect", "--endpoint-url", s3Endpoint, "s3://failures/r000");

        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("s3://failures/r000-built-1-0.json: kafka.s3 record (S3 destination)")
                .contains("Re-read the discarded records with:");
    }

    @Test
    void formatKafka_writesEachMessageToItsOwnFile(@TempDir Path out) throws Exception {
        Cli.Result r = Cli.run("format", "--compact", "--output-dir", out.toString(), "--bootstrap-server",
                kafka.bootstrapServers(), "kafka://failures");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS); // the corpus holds text that is not JSON
        try (Stream<Path> written = Files.list(out.resolve("failures"))) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted()).contains("0@0.json", "0@1.json");
        }
        assertThat(Files.readString(out.resolve("failures/0@0.json"))).startsWith("{\"requestContext\":");
        Cli.Result again = Cli.run("format", "--compact", "--output-dir", out.toString(), "--bootstrap-server",
                kafka.bootstrapServers(), "kafka://failures");
        try (Stream<Path> written = Files.list(out.resolve("failures"))) {
            assertThat(written.count()).as("a rerun overwrites, never duplicates")
                    .isEqualTo(again.err().lines().filter(l -> l.contains("written below")).count() > 0
                            ? Corpus.of(Kind.TOPIC).size() : -1);
        }
    }

    /** Keys that differ only in characters a file name cannot hold safely give files of their own, none lost. */
    @Test
    void formatS3_givesEveryKeyItsOwnFile_andRefusesToWriteOneOverAnother(@TempDir Path out) throws Exception {
        s3.createBucket(b -> b.bucket("names"));
        byte[] record = Corpus.of(Kind.S3).values().iterator().next();
        List<String> keys = List.of("a b.json", "a_b.json", "a%20b.json", "\u00fc.json", "\u00e4.json", "x", "x-y", "x-y.json",
                "x.json", "y/z", "y.json");
        for (String key : keys) {
            String body = new String(record, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\{",
                    "{\"key\":\"" + key.replace("%", "p") + "\",");
            s3.putObject(b -> b.bucket("names").key(key), RequestBody.fromString(body));
        }

        Cli.Result r = Cli.run("format", "--compact", "--order", "input", "--output-dir", out.toString(),
                "--endpoint-url", s3Endpoint, "s3://names");

        // "x" is written as x.json, so the object x.json (listed after it, after x-y and x-y.json) is refused, not
        // written over it; so is x-y.json, after x-y
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().filter(l -> l.startsWith("onfailure: ")).toList()).containsExactly(
                "onfailure: s3://names/x-y.json: not written: its file " + out.resolve("names/x-y.json")
                        + " already holds s3://names/x-y (a key is written with .json added where it has none)",
                "onfailure: s3://names/x.json: not written: its file " + out.resolve("names/x.json")
                        + " already holds s3://names/x (a key is written with .json added where it has none)");
        assertThat(r.err()).contains("9 documents written below " + out);
        try (Stream<Path> written = Files.list(out.resolve("names"))) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "%C3%A4.json", "%C3%BC.json", "a%20b.json", "a%2520b.json", "a_b.json", "x-y.json", "x.json", "y", "y.json");
        }
        assertThat(Files.readString(out.resolve("names/a%20b.json"))).contains("\"key\":\"a b.json\"");
        assertThat(Files.readString(out.resolve("names/a_b.json"))).contains("\"key\":\"a_b.json\"");
        assertThat(Files.readString(out.resolve("names/x.json"))).contains("\"key\":\"x\"");
        assertThat(Files.readString(out.resolve("names/x-y.json"))).contains("\"key\":\"x-y\"");
    }

    /**
     * Keys holding control characters (a newline, a tab, an escape sequence: S3 takes any UTF-8) are read, written out
     * in text, escaped in JSON, and given files of their own by {@code format}; so are keys with a space, a plus and a
     * percent sign, which URL-encoded listing must not confuse.
     */
    @Test
    void keysWithControlCharacters_areReadAndWrittenOut(@TempDir Path out) throws Exception {
        s3.createBucket(b -> b.bucket("controls"));
        byte[] record = Corpus.of(Kind.S3).values().iterator().next();
        List<String> keys = List.of("line\nbreak.json", "tab\there.json", "esc\u001b[31mred.json", "plus+sign.json",
                "a space.json", "per%25cent.json");
        for (String key : keys) {
            s3.putObject(b -> b.bucket("controls").key(key), RequestBody.fromBytes(record));
        }
        // S3 lists such a key only URL-encoded (XML 1.0 cannot hold U+001B): asked for plainly, the whole listing
        // was "Could not parse XML response"
        Cli.Result json = Cli.run("validate", "--format", "json", "--endpoint-url", s3Endpoint, "s3://controls");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out().lines().toList()).containsExactly(
                "{\"source\":\"s3://controls/a space.json\",\"kind\":\"kafka.s3\",\"valid\":true,\"findings\":[]}",
                "{\"source\":\"s3://controls/esc\\u001b[31mred.json\",\"kind\":\"kafka.s3\",\"valid\":true,\"findings\":[]}",
                "{\"source\":\"s3://controls/line\\nbreak.json\",\"kind\":\"kafka.s3\",\"valid\":true,\"findings\":[]}",
                "{\"source\":\"s3://controls/per%25cent.json\",\"kind\":\"kafka.s3\",\"valid\":true,\"findings\":[]}",
                "{\"source\":\"s3://controls/plus+sign.json\",\"kind\":\"kafka.s3\",\"valid\":true,\"findings\":[]}",
                "{\"source\":\"s3://controls/tab\\there.json\",\"kind\":\"kafka.s3\",\"valid\":true,\"findings\":[]}");

        Cli.Result format = Cli.run("format", "--output-dir", out.toString(), "--endpoint-url", s3Endpoint,
                "s3://controls");
        assertThat(format.code()).as(format.err()).isZero();
        try (Stream<Path> written = Files.list(out.resolve("controls"))) {
            assertThat(written.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "a%20space.json", "esc%1B%5B31mred.json", "line%0Abreak.json", "per%2525cent.json",
                    "plus+sign.json", "tab%09here.json");
        }

        // a finding's line in text names the key with its control characters written out
        s3.putObject(b -> b.bucket("controls").key("bad\u001b[2Jkey.json"), RequestBody.fromString("{"));
        Cli.Result text = Cli.run("validate", "--endpoint-url", s3Endpoint, "s3://controls");
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out()).contains("s3://controls/bad\\u001b[2Jkey.json").doesNotContain("\u001b");
    }

    /**
     * An object that is not JSON is written as it came; one over the document limit was read only up to one byte past
     * it, and a file of those bytes would not be what came: it is not written, and the line says so.
     */
    @Test
    void formatS3_writesAnObjectThatIsNotJsonAsItCame_butNotOneOverTheLimit(@TempDir Path out) throws Exception {
        s3.createBucket(b -> b.bucket("limits"));
        byte[] big = new byte[(int) dev.onfailure.json.ReadLimits.defaults().maxDocumentBytes() + 1000];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        s3.putObject(b -> b.bucket("limits").key("big.json"), RequestBody.fromBytes(big));
        s3.putObject(b -> b.bucket("limits").key("text.json"), RequestBody.fromString("not json"));

        Cli.Result r = Cli.run("format", "--output-dir", out.toString(), "--endpoint-url", s3Endpoint, "s3://limits");

        // exit 2, as for every object not written: a script must not take it for "all written, some not JSON"
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("s3://limits/big.json", "json.limit", "(not written: only its first "
                + (dev.onfailure.json.ReadLimits.defaults().maxDocumentBytes() + 1) + " bytes were read)")
                .contains("s3://limits/text.json", "json.syntax", "(written as it came)")
                .contains("1 document written below " + out);
        assertThat(out.resolve("limits/big.json")).doesNotExist();
        assertThat(Files.readString(out.resolve("limits/text.json"))).isEqualTo("not json");
    }

    @Test
    void formatLocation_anOutputDirectoryThatIsAFile_isOneLine_andNoMessageIsReceived(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        // a long visibility timeout: a message received by mistake would stay hidden through the check below
        String url = sqs.createQueue(b -> b.queueName("cli-format-nowhere").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "600"))).queueUrl();
        for (byte[] body : Corpus.of(Kind.SQS_SNS).values()) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(new String(body, StandardCharsets.UTF_8)));
        }
        int sent = Corpus.of(Kind.SQS_SNS).size();
        Cli.Result r = Cli.run("format", "--output-dir", file.toString(), "--endpoint-url", sqsEndpoint,
                "sqs://cli-format-nowhere");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("onfailure: --output-dir " + file + ": not a directory\n");
        Cli.Result again = Cli.run("validate", "--format", "json", "--endpoint-url", sqsEndpoint,
                "sqs://cli-format-nowhere");
        assertThat(again.out().lines()).as("every message still visible: none was received").hasSize(sent);
    }

    @Test
    void formatLocation_thatIsNotOne_isOneLine_andNoDirectoryIsMade(@TempDir Path dir) {
        Path out = dir.resolve("not-made");
        Cli.Result r = Cli.run("format", "--output-dir", out.toString(), "s3://Not_A_Bucket/x");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("onfailure: s3://Not_A_Bucket/x: not an S3 location: the bucket name must be 3"
                + " to 63 lowercase letters, digits, dots and hyphens (s3://bucket/prefix)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void formatLocation_needsAnOutputDirectory() {
        Cli.Result r = Cli.run("format", "--endpoint-url", s3Endpoint, "s3://failures");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("onfailure: --output-dir is needed to format s3://failures");
    }

    @Test
    void strictProfileAndAwsProfile_areDifferentOptions() {
        Cli.Result r = Cli.run("validate", "--profile", "strict", "--aws-profile", "default", "--endpoint-url",
                s3Endpoint, "--format", "json", "s3://failures/r000");

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\"source\":\"s3://failures/r000-built-1-0.json\"");
    }

    @Test
    void caBundle_trustsAnHttpsEndpoint_andABadOneIsOneLineExit2(@TempDir Path dir) throws Exception {
        try (TlsRelay tls = TlsRelay.start(dir, s3Server.endpoint(), "ip:127.0.0.1")) {
            String https = tls.endpoint().toString();
            Cli.Result plain = Cli.run("validate", "--format", "json", "--endpoint-url", s3Endpoint, "s3://failures");
            Cli.Result trusted = Cli.run("validate", "--format", "json", "--endpoint-url", https, "--ca-bundle",
                    tls.certificate().toString(), "s3://failures");

            assertThat(trusted.err()).isEmpty();
            assertThat(trusted.code()).isEqualTo(plain.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(trusted.out()).contains("s3://failures/r0").isEqualTo(plain.out());

            Cli.Result untrusted = Cli.run("validate", "--endpoint-url", https, "s3://failures");
            assertThat(untrusted.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(untrusted.err()).isEqualTo("onfailure: s3://failures: " + TlsRelay.untrusted(tls.endpoint())
                    + "\n");

            Path empty = Files.writeString(dir.resolve("empty.pem"), "");
            Cli.Result bad = Cli.run("validate", "--endpoint-url", https, "--ca-bundle", empty.toString(),
                    "s3://failures");
            assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.err()).isEqualTo("onfailure: s3://failures: the CA bundle " + empty + " (--ca-bundle)"
                    + " holds no certificate: give a PEM file of -----BEGIN CERTIFICATE----- blocks\n");
        }
    }
}
