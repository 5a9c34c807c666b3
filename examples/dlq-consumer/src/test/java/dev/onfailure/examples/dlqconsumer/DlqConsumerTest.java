package dev.onfailure.examples.dlqconsumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.onfailure.lambda.TestContext;
import dev.onfailure.redrive.Batches;
import dev.onfailure.redrive.Redriver;
import dev.onfailure.redrive.TestBroker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function end to end against a real Kafka broker (KRaft, in this JVM, started once): records on the source
 * topics, the Lambda SQS event {@code sqs-event.json} (written by {@code src/build/make_event.py}) loaded with
 * {@link EventLoader}, and the retry topic read back.
 */
final class DlqConsumerTest {

    static final String CLUSTER =
            "arn:aws:kafka:eu-west-1:210987654321:cluster/orders-prod/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3";

    private static TestBroker broker;
    /** What was written to the source topics, by "topic partition offset". */
    private static final Map<String, ConsumerRecord<byte[], byte[]>> originals = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        broker.createTopic("orders", 2, Map.of());
        broker.createTopic("orders-short", 1, Map.of());
        List<ConsumerRecord<byte[], byte[]>> written = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            // Keys null at offsets 0, 4, 8; header values with every signed byte; a header name repeated.
            written.addAll(Batches.produce(p, "orders", 0, 10, 1));
            written.addAll(Batches.produce(p, "orders", 1, 3, 2));
            written.addAll(Batches.produce(p, "orders-short", 0, 5, 3));
        }
        written.forEach(r -> originals.put(r.topic() + " " + r.partition() + " " + r.offset(), r));
        // Retention got to orders-short-0 first: offsets 0-2 are gone.
        broker.admin().deleteRecords(Map.of(new TopicPartition("orders-short", 0), RecordsToDelete.beforeOffset(3)))
                .all().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    private DlqConsumer function(String retryTopic, String environment) {
        return new DlqConsumer(Map.of("bootstrap.servers", broker.bootstrap()), retryTopic, Optional.of(CLUSTER),
                dir.resolve(environment), Duration.ofSeconds(20));
    }

    private static SQSEvent event() {
        return EventLoader.loadSQSEvent("sqs-event.json");
    }

    static String message(int n) {
        return "c0ffee00-0000-4000-8000-00000000000" + n;
    }

    /** The provenance identities of the records in {@code topic}, each checked against the original it names. */
    private static List<String> redriven(String topic) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : broker.readAll(topic)) {
            String id = Redriver.provenance(r).orElseThrow();
            ConsumerRecord<byte[], byte[]> original = originals.get(id);
            assertThat(original).as(id).isNotNull();
            assertThat(r.key()).as("key of %s", id).isEqualTo(original.key());
            assertThat(r.value()).as("value of %s", id).isEqualTo(original.value());
            Header[] headers = r.headers().toArray();
            assertThat(Arrays.copyOf(headers, original.headers().toArray().length)).as("headers of %s", id)
                    .containsExactly(original.headers().toArray());
            ids.add(id);
        }
        return ids;
    }

    @Test
    void sqsEvent_redrivesTheValidMessages_andReportsTheOthersFailed() throws Exception {
        broker.createTopic("orders-retry", 2, Map.of());
        TestContext context = new TestContext();

        SQSBatchResponse response = function("orders-retry", "environment-1").handleRequest(event(), context);

        // 1 invalid, 3 a topic the cluster lacks, 4 offsets deleted by retention, 5 another cluster's record.
        assertThat(serialized(response)).isEqualTo("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":\"" + message(1) + "\"},{\"itemIdentifier\":\"" + message(3) + "\"},"
                + "{\"itemIdentifier\":\"" + message(4) + "\"},{\"itemIdentifier\":\"" + message(5) + "\"}]}");
        assertThat(redriven("orders-retry")).containsExactlyInAnyOrder(
                "orders 0 1", "orders 0 2", "orders 0 3", "orders 1 0", "orders 1 1",   // message 0
                "orders 0 5", "orders 0 6",                                             // message 2, SNS-wrapped
                "orders-short 0 3", "orders-short 0 4");                                // message 4, what is left
        assertThat(originals.get("orders 1 0").key()).as("a null key, redriven as one").isNull();
        assertThat(context.lines()).anySatisfy(l -> assertThat(l)
                .contains("\"item\":\"" + message(1) + "\"").contains("\"code\":\"kafka.offset-order\""));
        assertThat(context.lines()).anySatisfy(l -> assertThat(l)
                .contains("\"message\":\"offsets not in the cluster\"").contains("\"absent\":\"0-2 deleted\""));
        assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("\"item\":\"" + message(3) + "\"")
                .contains("orders-gone"));
        assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("\"item\":\"" + message(4) + "\"")
                .contains("records no longer in the cluster: [orders-short-0 0-2 deleted]"));
        assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("\"item\":\"" + message(5) + "\"")
                .contains("comes from cluster").contains("payments-prod"));
    }

    @Test
    void lambdaRetries_inThisOrAnotherExecutionEnvironment_sendNothingTwice() throws Exception {
        broker.createTopic("orders-retry-twice", 1, Map.of());
        function("orders-retry-twice", "environment-1").handleRequest(event(), new TestContext());
        List<String> first = redriven("orders-retry-twice");
        assertThat(first).hasSize(9);

        // SQS brings the failed messages back, and may bring the others back too (a lost response, a timeout).
        TestContext same = new TestContext();
        SQSBatchResponse again = function("orders-retry-twice", "environment-1").handleRequest(event(), same);
        // Another execution environment: a fresh /tmp, so no checkpoint; the retry topic tells what was sent.
        TestContext other = new TestContext();
        SQSBatchResponse elsewhere = function("orders-retry-twice", "environment-2").handleRequest(event(), other);

        assertThat(redriven("orders-retry-twice")).isEqualTo(first);
        for (SQSBatchResponse r : List.of(again, elsewhere)) {
            assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly(message(1), message(3), message(4), message(5));
        }
        for (TestContext c : List.of(same, other)) {
            assertThat(c.lines()).filteredOn(l -> l.contains("\"message\":\"redriven\"")).hasSize(3)
                    .allSatisfy(l -> assertThat(l).contains("\"sent\":0"));
        }
    }

    @Test
    void clusterDown_failsEachMessage_withOneLineSayingSo() {
        TestContext context = new TestContext();
        DlqConsumer down = new DlqConsumer(Map.of("bootstrap.servers", "127.0.0.1:1"), "orders-retry-down",
                Optional.of(CLUSTER), dir.resolve("environment-4"), Duration.ofSeconds(2));

        SQSBatchResponse response = down.handleRequest(event(), context);

        assertThat(response.getBatchItemFailures()).hasSize(6);
        // The four that got as far as the cluster: one line each, naming it.
        assertThat(context.lines()).filteredOn(l -> l.contains("\"message\":\"failure record not processed\""))
                .filteredOn(l -> l.contains("127.0.0.1:1")).hasSize(4);
    }

    @Test
    void tooLittleTimeLeft_failsTheMessages_withoutTouchingTheCluster() {
        TestContext context = new TestContext(30_000);

        SQSBatchResponse response = function("orders-retry-unused", "environment-3").handleRequest(event(), context);

        assertThat(response.getBatchItemFailures()).hasSize(6);
        assertThat(context.lines()).filteredOn(l -> l.contains("not enough time left")).hasSize(5);
    }

    /** What the Lambda runtime writes for the response: its own serializer for the event type. */
    static String serialized(SQSBatchResponse response) {
        PojoSerializer<SQSBatchResponse> serializer =
                LambdaEventSerializers.serializerFor(SQSBatchResponse.class, DlqConsumerTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
