package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.redrive.Batches;
import dev.onfailure.redrive.LambdaJson;
import dev.onfailure.redrive.Redriver;
import dev.onfailure.redrive.Target;
import dev.onfailure.redrive.TestBroker;
import dev.onfailure.schema.Kind;
import dev.onfailure.sources.S3Server;
import dev.onfailure.sources.SqsServer;
import dev.onfailure.sources.TestAws;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * {@code fetch} and {@code redrive} with failure records where they live ({@code s3://}, {@code sqs://},
 * {@code kafka://}), against S3Proxy, ElasticMQ and a KRaft broker in-process, as a user runs them.
 */
final class RemoteRecoveryTest {

    private static final String TOPIC = "orders-eu-west-1";
    private static final RecordCodec CODEC = RecordCodec.defaults();

    private static TestBroker broker;
    private static S3Server s3Server;
    private static SqsServer sqsServer;
    private static S3Client s3;
    private static SqsClient sqs;
    private static String s3Endpoint;
    private static String sqsEndpoint;
    private static List<ConsumerRecord<byte[], byte[]>> p0;
    private static List<ConsumerRecord<byte[], byte[]>> p1;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        s3Server = S3Server.start();
        sqsServer = SqsServer.start();
        s3 = s3Server.client();
        sqs = sqsServer.client();
        s3Endpoint = s3Server.endpoint().toString();
        sqsEndpoint = sqsServer.endpoint().toString();
        s3.createBucket(b -> b.bucket("fetch-failures"));
        broker.createTopic(TOPIC, 2, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            p0 = Batches.produce(p, TOPIC, 0, 20, 1);
            p1 = Batches.produce(p, TOPIC, 1, 20, 2);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        sqs.close();
        sqsServer.close();
        s3Server.close();
        broker.stop();
    }

    private static List<ConsumerRecord<byte[], byte[]>> batch() {
        List<ConsumerRecord<byte[], byte[]>> b = new ArrayList<>(p0.subList(2, 12));
        b.addAll(p1.subList(0, 5));
        return b;
    }

    private static List<ConsumerRecord<byte[], byte[]>> otherBatch() {
        List<ConsumerRecord<byte[], byte[]>> b = new ArrayList<>(p0.subList(14, 17));
        b.addAll(p1.subList(10, 12));
        return b;
    }

    private static String lines(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder s = new StringBuilder();
        records.forEach(r -> s.append(LambdaJson.record(r)).append('\n'));
        return s.toString();
    }

    /** A queue whose messages come back 1 s after they are received, holding {@code bodies}. */
    private static String queue(String name, String... bodies) {
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT,
                "1"))).queueUrl();
        for (String body : bodies) {
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
        return url;
    }

    private static int inQueue(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().values().stream()
                .mapToInt(Integer::parseInt).sum();
    }

    private static String sqsRecord(List<ConsumerRecord<byte[], byte[]>> records, String requestId) {
        return CODEC.write(Batches.failureRecords(records, Kind.SQS_SNS, requestId).get(0));
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void fetchS3_bothPayloadForms_fromThePayload_andFromTheCluster() {
        String prefix = "aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-eu-west-1/2026/11/30/";
        s3.putObject(b -> b.bucket("fetch-failures").key(prefix + "a-string-payload"),
                RequestBody.fromString(CODEC.write(Batches.failureRecords(batch(), Kind.S3, "req-s3-1").get(0))));
        s3.putObject(b -> b.bucket("fetch-failures").key(prefix + "b-object-payload"),
                RequestBody.fromString(CODEC.write(Batches.s3WithObjectPayload(batch(), "req-s3-2"))));

        Cli.Result payload = Cli.run("fetch", "--endpoint-url", s3Endpoint, "s3://fetch-failures/aws/lambda/");
        assertThat(payload.err()).isEmpty();
        assertThat(payload.code()).isZero();
        assertThat(payload.out()).isEqualTo(lines(batch()) + lines(batch()));

        Cli.Result cluster = Cli.run("fetch", "--endpoint-url", s3Endpoint, "s3://fetch-failures/aws/lambda/",
                "--bootstrap-server", broker.bootstrap(), "--from", "cluster");
        assertThat(cluster.code()).as(cluster.err()).isZero();
        assertThat(cluster.out()).isEqualTo(lines(batch()) + lines(batch()));
        String object = "s3://fetch-failures/" + prefix + "a-string-payload";
        assertThat(cluster.err()).startsWith(object + " orders-eu-west-1-0 2..11: expected 10 (payload), found 10\n"
                + object + " orders-eu-west-1-1 0..4: expected 5 (payload), found 5\n");

        Cli.Result verified = Cli.run("fetch", "--endpoint-url", s3Endpoint, "s3://fetch-failures/aws/lambda/",
                "--bootstrap-server", broker.bootstrap(), "--verify");
        assertThat(verified.code()).as(verified.err()).isZero();
        assertThat(verified.err()).contains(object + " verify: the payload's 15 records are the cluster's, byte for"
                + " byte");
    }

    @Test
    void fetchSqs_readsTheOffsetsFromTheCluster_leavesTheMessages_andSkipsWhatIsNotARecord() {
        String url = queue("fetch-dlq", sqsRecord(batch(), "req-sqs-1"), "not a failure record",
                sqsRecord(otherBatch(), "req-sqs-2"));

        Cli.Result r = Cli.run("fetch", "--endpoint-url", sqsEndpoint, "sqs://fetch-dlq", "--bootstrap-server",
                broker.bootstrap(), "--max-messages", "3");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        List<String> err = r.err().lines().toList();
        assertThat(err.stream().filter(l -> l.startsWith("onfailure: sqs://fetch-dlq#")))
                .singleElement().asString().contains(": not JSON (json.syntax): ");
        assertThat(err.stream().filter(l -> l.matches("sqs://fetch-dlq#\\S+ orders-eu-west-1-[01] .*"))).hasSize(4);
        assertThat(err).noneMatch(l -> l.contains("\tat "));
        // SQS hands messages out in no promised order: each record's batch is whole, in its order
        String out = r.out();
        assertThat(out.length()).isEqualTo(lines(batch()).length() + lines(otherBatch()).length());
        assertThat(out).contains(lines(batch())).contains(lines(otherBatch()));
        assertThat(inQueue(url)).as("nothing is deleted").isEqualTo(3);

        Cli.Result noCluster = Cli.run("fetch", "--endpoint-url", sqsEndpoint, "sqs://fetch-dlq");
        assertThat(noCluster.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCluster.err()).isEqualTo("onfailure: fetch: sqs://fetch-dlq holds SQS/SNS failure records,"
                + " which carry only offsets: give --bootstrap-server to read the records from the cluster\n");
    }

    @Test
    void fetchSqs_messagesInFlight_saysWhyNothingCame() {
        String url = sqs.createQueue(b -> b.queueName("hidden-dlq").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(sqsRecord(batch(), "req-hidden")));
        String[] command = {"fetch", "--endpoint-url", sqsEndpoint, "sqs://hidden-dlq", "--bootstrap-server",
            broker.bootstrap(), "--max-messages", "1"};

        Cli.Result first = Cli.run(command);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(lines(batch()));
        Cli.Result second = Cli.run(command);
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).isEqualTo("onfailure: no failure record came from sqs://hidden-dlq; messages that"
                + " another consumer or an earlier run received are back only after the queue's visibility timeout\n");
        assertThat(inQueue(url)).isEqualTo(1);
    }

    @Test
    void fetchKafkaTopic_ofFailureRecords_fromTheSameCluster_orAnother() throws Exception {
        broker.createTopic("orders-failures", 1, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            for (KafkaFailureRecord t : Batches.failureRecords(batch(), Kind.TOPIC, "req-topic-1")) {
                p.send(new ProducerRecord<>("orders-failures", 0, null,
                        CODEC.write(t).getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
            }
        }

        Cli.Result cluster = Cli.run("fetch", "kafka://orders-failures", "--bootstrap-server", broker.bootstrap());
        assertThat(cluster.code()).as(cluster.err()).isZero();
        assertThat(cluster.out()).isEqualTo(lines(batch()));
        assertThat(cluster.err().lines()).hasSize(15).first().asString()
                .isEqualTo("kafka://orders-failures/0@0 orders-eu-west-1-0 2..2: expected 1 (payload), found 1");

        // the failure records on a cluster of their own: the original records' cluster is not needed for the payload
        Cli.Result payload = Cli.run("fetch", "kafka://orders-failures", "--source-bootstrap-server",
                broker.bootstrap());
        assertThat(payload.code()).as(payload.err()).isZero();
        assertThat(payload.err()).isEmpty();
        assertThat(payload.out()).isEqualTo(lines(batch()));

        int dead = deadPort();
        Cli.Result down = Cli.run("fetch", "kafka://orders-failures", "--bootstrap-server", broker.bootstrap(),
                "--source-bootstrap-server", "127.0.0.1:" + dead, "--timeout", "2s");
        assertThat(down.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(down.err()).isEqualTo("onfailure: kafka://orders-failures: bootstrap server 127.0.0.1:" + dead
                + " did not answer within 2 s\n");
    }

    @Test
    void redriveSqs_sendsEachRecordOnce_acrossReruns_andAQueueThatGainedMessages() throws Exception {
        String target = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        broker.createTopic(target, 2, Map.of());
        String url = queue("redrive-dlq-" + target, sqsRecord(batch(), "req-r-1"));
        Path checkpoint = Redriver.defaultCheckpoint(Target.topic(target), List.of("sqs://" + url));
        try {
            String[] command = {"redrive", "--endpoint-url", sqsEndpoint, "sqs://" + url, "--bootstrap-server",
                    broker.bootstrap(), "--to-topic", target, "--max-messages", "5", "--timeout", "10s"};
            Cli.Result first = Cli.run(command);
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.err()).contains("onfailure: redrive: checkpoint " + checkpoint + "\n");
            assertThat(first.out()).isEqualTo("sent 15 of 15 records to " + target + "\n");
            assertThat(inQueue(url)).as("redrive deletes no message").isEqualTo(1);

            Thread.sleep(1500); // the visibility timeout
            Cli.Result again = Cli.run(command);
            assertThat(again.out()).isEqualTo("sent 0 of 15 records to " + target + "; 15 sent by an earlier run\n");

            // a new failure record arrives: the same command sends only its records
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(sqsRecord(otherBatch(), "req-r-2")));
            Thread.sleep(1500);
            Cli.Result more = Cli.run(command);
            assertThat(more.code()).as(more.err()).isZero();
            assertThat(more.out()).isEqualTo("sent 5 of 20 records to " + target + "; 15 sent by an earlier run\n");

            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<byte[], byte[]> t : broker.readAll(target)) {
                assertThat(ids.add(Redriver.provenance(t).orElseThrow())).as("sent once").isTrue();
            }
            assertThat(ids).hasSize(20);
            assertThat(inQueue(url)).isEqualTo(2);
        } finally {
            Files.deleteIfExists(checkpoint);
        }
    }

    @Test
    void badSituations_areOneLineExit2_andTheOtherInputsAreStillDone() throws Exception {
        Path file = dir.resolve("sqs.json");
        Files.writeString(file, sqsRecord(batch(), "req-bad-1"));
        int dead = deadPort();
        Map<String, String> cases = Map.of(
                "s3://no-such-bucket",
                "onfailure: s3://no-such-bucket: no such bucket no-such-bucket (at " + s3Endpoint + ")",
                "sqs://no-such-queue",
                "onfailure: sqs://no-such-queue: no such queue no-such-queue (at " + sqsEndpoint + ")",
                "kafka://no-such-topic",
                "onfailure: kafka://no-such-topic: no such topic no-such-topic (at bootstrap server "
                        + broker.bootstrap() + ")");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String endpoint = c.getKey().startsWith("s3") ? s3Endpoint : sqsEndpoint;
            Cli.Result r = Cli.run("fetch", "--endpoint-url", endpoint, c.getKey(), file.toString(),
                    "--bootstrap-server", broker.bootstrap());
            assertThat(r.code()).as(c.getKey()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().toList()).as(c.getKey()).first().isEqualTo(c.getValue());
            assertThat(r.err()).as(c.getKey()).doesNotContain("\tat ");
            assertThat(r.out()).as("the file after it is still fetched").isEqualTo(lines(batch()));
        }

        Cli.Result denied = Cli.run("fetch", "--endpoint-url", s3Endpoint, "--aws-profile", TestAws.WRONG_PROFILE,
                "s3://fetch-failures", "--bootstrap-server", broker.bootstrap());
        assertThat(denied.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(denied.err()).isEqualTo("onfailure: s3://fetch-failures: access denied (SignatureDoesNotMatch"
                + " from " + s3Endpoint + "): check the credentials, and that they allow s3:ListBucket on"
                + " fetch-failures\n");

        Cli.Result unreachable = Cli.run("redrive", "--endpoint-url", "http://127.0.0.1:" + dead, "sqs://dlq",
                "--bootstrap-server", broker.bootstrap(), "--to-topic", "anywhere", "--dry-run");
        assertThat(unreachable.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unreachable.err()).startsWith("onfailure: sqs://dlq: http://127.0.0.1:" + dead
                + " does not answer").doesNotContain("\tat ");
        assertThat(unreachable.out()).isEqualTo("dry run: would send 0 records; checkpoint "
                + Redriver.defaultCheckpoint(Target.topic("anywhere"), List.of("sqs://dlq")) + "\n");
    }
}
