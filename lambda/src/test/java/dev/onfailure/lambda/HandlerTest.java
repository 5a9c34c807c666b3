package dev.onfailure.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.model.KafkaFailureRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

final class HandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The tests' handler fails on this record (self-managed.sqs-sns.json). */
    private static final String FAILING_REQUEST =
            OnFailureRecordsTest.fixture("self-managed.sqs-sns.json").requestContext().requestId();

    private static S3Server server;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start();
        s3 = server.client();
        S3Test.upload(s3);
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    /** Records what it was given; fails on {@link #FAILING_REQUEST}. */
    static final class Recorder {
        final List<KafkaFailureRecord> handled = new ArrayList<>();

        void handle(KafkaFailureRecord record) {
            handled.add(record);
            if (record.requestContext().requestId().equals(FAILING_REQUEST)) {
                throw new IllegalStateException("downstream refused " + FAILING_REQUEST);
            }
        }
    }

    static final class SqsHandler extends SqsFailureRecordHandler {
        final Recorder recorder = new Recorder();

        @Override
        protected void handle(KafkaFailureRecord record, Context context) {
            recorder.handle(record);
        }
    }

    /** What the Lambda runtime would write for an SQS response: the runtime's own serializer for the event type. */
    static String serialized(SQSBatchResponse response) {
        PojoSerializer<SQSBatchResponse> serializer =
                LambdaEventSerializers.serializerFor(SQSBatchResponse.class, HandlerTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the Lambda runtime would write for a response of a class of ours: its POJO serializer. */
    static String serialized(KafkaBatchResponse response) {
        PojoSerializer<KafkaBatchResponse> serializer = JacksonFactory.getInstance()
                .getSerializer(KafkaBatchResponse.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String failures(String... ids) {
        StringBuilder b = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < ids.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(ids[i]).append("\"}");
        }
        return b.append("]}").toString();
    }

    static String message(int n) {
        return "5f0e3c1a-0b6e-4d2a-9c1f-00000000000" + n;
    }

    @Test
    void sqs_partialResponse_namesExactlyTheInvalidAndFailedMessages() throws Exception {
        SqsHandler handler = new SqsHandler();
        TestContext context = new TestContext();

        SQSBatchResponse response = handler.handleRequest(Events.sqs("sqs-raw.json"), context);

        // 0 valid, 1 handler exception, 2 invalid (offset order), 3 not JSON, 4 valid.
        assertThat(serialized(response)).isEqualTo(failures(message(1), message(2), message(3)));
        assertThat(handler.recorder.handled).containsExactly(OnFailureRecordsTest.fixture("edge-values.sqs-sns.json"),
                OnFailureRecordsTest.fixture("self-managed.sqs-sns.json"),
                OnFailureRecordsTest.fixture("max-payload-null-response.sqs-sns.json"));

        List<JsonNode> lines = new ArrayList<>();
        for (String line : context.lines()) {
            lines.add(JSON.readTree(line));   // every line is one JSON object
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("level").asText()).isEqualTo("ERROR");
        assertThat(lines.get(0).get("item").asText()).isEqualTo(message(1));
        assertThat(lines.get(0).get("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(lines.get(0).get("detail").asText()).isEqualTo("downstream refused " + FAILING_REQUEST);
        assertThat(lines.get(1).get("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(1).get("item").asText()).isEqualTo(message(2));
        assertThat(lines.get(1).get("code").asText()).isEqualTo("kafka.offset-order");
        assertThat(lines.get(1).get("severity").asText()).isEqualTo("error");
        assertThat(lines.get(1).get("location").asText()).isEqualTo("/Records/2/body");
        assertThat(lines.get(1).get("pointer").asText())
                .isEqualTo("/KafkaBatchInfo/recordsInfo/orders-eu-west-1-12/firstRecordOffset");
        assertThat(lines.get(2).get("code").asText()).isEqualTo("envelope.message-not-json");
        assertThat(lines.get(2).get("item").asText()).isEqualTo(message(3));
    }

    @Test
    void sqs_snsWrappedBodies_failTheInvalidAndTheThrowing() {
        SqsHandler handler = new SqsHandler();

        SQSBatchResponse response = handler.handleRequest(Events.sqs("sqs-sns-wrapped.json"), new TestContext());

        assertThat(serialized(response)).isEqualTo(failures(message(1), message(4)));
        assertThat(handler.recorder.handled).hasSize(4);
    }

    @Test
    void sqs_allValid_givesAnEmptyList() {
        SqsFailureRecordHandler handler = new SqsFailureRecordHandler() {
            @Override
            protected void handle(KafkaFailureRecord record, Context context) {
            }

            @Override
            protected void onInvalid(OnFailureItem item, Context context) {
                // parked elsewhere: the item counts as processed
            }
        };

        SQSBatchResponse response = handler.handleRequest(Events.sqs("sqs-raw.json"), new TestContext());

        assertThat(serialized(response)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void sqs_fifo_failsEverythingAfterTheFirstFailureUnprocessed() {
        SqsHandler handler = new SqsHandler();

        SQSBatchResponse response = handler.handleRequest(Events.sqs("sqs-fifo.json"), new TestContext());

        assertThat(serialized(response)).isEqualTo(failures(message(1), message(2)));
        assertThat(handler.recorder.handled).containsExactly(OnFailureRecordsTest.fixture("edge-values.sqs-sns.json"));
    }

    @Test
    void sns_anyFailure_failsTheInvocationAfterTryingEveryItem() {
        Recorder recorder = new Recorder();
        SnsFailureRecordHandler handler = new SnsFailureRecordHandler() {
            @Override
            protected void handle(KafkaFailureRecord record, Context context) {
                recorder.handle(record);
            }
        };

        assertThatThrownBy(() -> handler.handleRequest(Events.sns("sns.json"), new TestContext()))
                .isInstanceOfSatisfying(FailedItemsException.class, e -> assertThat(e.failed()).containsExactly(
                        new ItemId.SnsMessage("9a1b2c3d-4e5f-4a6b-8c7d-000000000001"),
                        new ItemId.SnsMessage("9a1b2c3d-4e5f-4a6b-8c7d-000000000002")))
                .hasMessage("2 failure record(s) not processed: 9a1b2c3d-4e5f-4a6b-8c7d-000000000001, "
                        + "9a1b2c3d-4e5f-4a6b-8c7d-000000000002");
        assertThat(recorder.handled).hasSize(2);
    }

    @Test
    void s3_invalidAndMissingObjects_failTheInvocation() {
        Recorder recorder = new Recorder();
        S3FailureRecordHandler handler = new S3FailureRecordHandler(s3) {
            @Override
            protected void handle(KafkaFailureRecord record, Context context) {
                recorder.handle(record);
            }
        };
        TestContext context = new TestContext();

        assertThatThrownBy(() -> handler.handleRequest(Events.s3("s3.json"), context))
                .isInstanceOfSatisfying(FailedItemsException.class, e -> assertThat(e.failed())
                        .extracting(ItemId::text).containsExactly(
                                "s3://orders-consumer-failures/failures/payload-mismatch.json",
                                "s3://orders-consumer-failures/failures/missing.json"));
        assertThat(recorder.handled).hasSize(2);
        assertThat(context.lines()).anySatisfy(l -> assertThat(l).contains("\"problem\":\"S3 answered 404 NoSuchKey"));
    }

    @Test
    void s3_allPresentAndValid_succeeds() {
        Recorder recorder = new Recorder();
        S3FailureRecordHandler handler = new S3FailureRecordHandler(s3) {
            @Override
            protected void handle(KafkaFailureRecord record, Context context) {
                recorder.handle(record);
            }
        };
        var event = Events.s3("s3.json");
        event.getRecords().subList(2, 4).clear();

        assertThat(handler.handleRequest(event, new TestContext())).isNull();
        assertThat(recorder.handled).hasSize(2);
    }

    @Test
    void kafka_partialResponse_namesTopicPartitionAndOffset() throws Exception {
        Recorder recorder = new Recorder();
        KafkaFailureRecordHandler handler = new KafkaFailureRecordHandler() {
            @Override
            protected void handle(KafkaFailureRecord record, Context context) {
                recorder.handle(record);
            }
        };

        KafkaBatchResponse response = handler.handleRequest(Events.kafka("kafka.json"), new TestContext());

        // 0-10 valid, 0-11 invalid, 0-12 not base64, 0-13 no value, 1-5 handler exception.
        String json = serialized(response);
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":{\"partition\":\"orders-dlq-0\",\"offset\":11}},"
                + "{\"itemIdentifier\":{\"partition\":\"orders-dlq-0\",\"offset\":12}},"
                + "{\"itemIdentifier\":{\"partition\":\"orders-dlq-0\",\"offset\":13}},"
                + "{\"itemIdentifier\":{\"partition\":\"orders-dlq-1\",\"offset\":5}}]}"));
        assertThat(recorder.handled).containsExactly(OnFailureRecordsTest.fixture("retries.topic.json"),
                OnFailureRecordsTest.fixture("self-managed.sqs-sns.json"));
    }

    @Test
    void profile_strict_sendsWhatOnlyToleranceAcceptsToOnInvalid() {
        List<String> invalid = new ArrayList<>();
        SqsFailureRecordHandler handler = new SqsFailureRecordHandler() {
            @Override
            protected void handle(KafkaFailureRecord record, Context context) {
            }

            @Override
            protected dev.onfailure.schema.Profile profile() {
                return dev.onfailure.schema.Profile.STRICT;
            }

            @Override
            protected void onInvalid(OnFailureItem item, Context context) throws Exception {
                invalid.add(item.id().text());
                super.onInvalid(item, context);
            }
        };

        SQSBatchResponse response = handler.handleRequest(Events.sqs("sqs-sns-wrapped.json"), new TestContext());

        assertThat(invalid).contains(message(1), message(3));
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsAll(Set.copyOf(invalid));
    }
}
