package dev.onfailure.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onfailure.codegen.GeneratedRecord;
import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.InvalidRecord;
import dev.onfailure.codegen.InvalidRecords;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.lambda.OnFailureItem.Status;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Generated records (seeded, every kind, the format's edge cases) in Lambda events of each source, written to files
 * and loaded with {@link EventLoader} as the fixtures' events are: every item is valid and its typed record is the
 * generated one, which is also what {@code RecordCodec} reads from the document.
 */
final class GeneratedRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RecordCodec CODEC = RecordCodec.defaults();
    private static final int COUNT = 40;

    @TempDir
    Path dir;

    static List<KafkaFailureRecord> generated(long seed) {
        SeededEntropy entropy = SeededEntropy.of(seed);
        List<KafkaFailureRecord> out = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            GeneratedRecord g = RecordGenerators.records(GeneratorOptions.defaults().maxRecords(5)).generate(entropy);
            out.add(g.record());
        }
        return out;
    }

    /** AWS's order for SQS/SNS bodies and Kafka values, sorted for S3 objects, as AWS writes each. */
    static String write(KafkaFailureRecord r) {
        return r.kind() == Kind.S3 ? CODEC.write(r, WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT))
                : CODEC.write(r);
    }

    Path file(String name, ObjectNode event) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event), StandardCharsets.UTF_8);
        return p;
    }

    static String notification(int i, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("Type", "Notification").put("MessageId", "9a1b2c3d-0000-4000-8000-" + String.format("%012d", i))
                .put("TopicArn", "arn:aws:sns:eu-west-1:210987654321:failures").put("Message", message)
                .put("Timestamp", "2024-05-01T10:00:10.050Z").put("SignatureVersion", "1").put("Signature", "EXAMPLE")
                .put("SigningCertURL", "https://sns.eu-west-1.amazonaws.com/cert.pem")
                .put("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe");
        return n.toString();
    }

    @Test
    void sqs_generatedBodies_rawAndInSnsNotifications() throws Exception {
        List<KafkaFailureRecord> records = generated(7);
        ObjectNode event = JSON.createObjectNode();
        ArrayNode messages = event.putArray("Records");
        for (int i = 0; i < records.size(); i++) {
            String body = write(records.get(i));
            messages.addObject().put("messageId", "m-" + i).put("receiptHandle", "rh-" + i)
                    .put("body", i % 2 == 0 ? body : notification(i, body)).put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:eu-west-1:210987654321:failures").put("awsRegion", "eu-west-1")
                    .putObject("attributes").put("ApproximateReceiveCount", "1");
        }
        SQSEvent loaded = EventLoader.loadSQSEvent(file("sqs.json", event).toString());

        List<OnFailureItem> items = OnFailureRecords.from(loaded);

        assertThat(items).extracting(OnFailureItem::status).containsOnly(Status.VALID);
        for (int i = 0; i < records.size(); i++) {
            assertThat(items.get(i).record()).contains(CODEC.read(write(records.get(i))));
            assertThat(items.get(i).id().text()).isEqualTo("m-" + i);
        }
    }

    @Test
    void sns_generatedMessages() throws Exception {
        List<KafkaFailureRecord> records = generated(8);
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        for (int i = 0; i < records.size(); i++) {
            ObjectNode r = list.addObject().put("EventSource", "aws:sns").put("EventVersion", "1.0");
            r.putObject("Sns").put("Type", "Notification").put("MessageId", "sns-" + i)
                    .put("Message", write(records.get(i))).put("Timestamp", "2024-05-01T10:00:10.050Z");
        }
        SNSEvent loaded = EventLoader.loadSNSEvent(file("sns.json", event).toString());

        List<OnFailureItem> items = OnFailureRecords.from(loaded);

        assertThat(items).extracting(OnFailureItem::valid).containsOnly(true);
        assertThat(items).extracting(i -> i.record().orElseThrow())
                .containsExactlyElementsOf(records.stream().map(r -> CODEC.read(write(r))).toList());
    }

    @Test
    void kafka_generatedValues() throws Exception {
        List<KafkaFailureRecord> records = generated(9);
        ObjectNode event = JSON.createObjectNode().put("eventSource", "SelfManagedKafka")
                .put("bootstrapServers", "kafka-1.internal.example.com:9092");
        ArrayNode list = event.putObject("records").putArray("failures.v2-3");
        for (int i = 0; i < records.size(); i++) {
            list.addObject().put("topic", "failures.v2").put("partition", 3).put("offset", 1000L + i)
                    .put("timestamp", 1714557610123L).put("timestampType", "LOG_APPEND_TIME")
                    .put("value", Base64.getEncoder().encodeToString(write(records.get(i))
                            .getBytes(StandardCharsets.UTF_8)))
                    .putArray("headers");
        }
        KafkaEvent loaded = EventLoader.loadKafkaEvent(file("kafka.json", event).toString());

        List<OnFailureItem> items = OnFailureRecords.from(loaded);

        assertThat(items).extracting(OnFailureItem::valid).containsOnly(true);
        assertThat(items).extracting(i -> i.record().orElseThrow())
                .containsExactlyElementsOf(records.stream().map(r -> CODEC.read(write(r))).toList());
        assertThat(items.get(3).id()).isEqualTo(new ItemId.KafkaMessage("failures.v2", 3, 1003));
    }

    @Test
    void s3_generatedObjects() throws Exception {
        List<KafkaFailureRecord> records = generated(10);
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        JsonNode template = JSON.readTree(Events.text("s3.json")).get("Records").get(0);
        try (S3Server server = S3Server.start(); S3Client s3 = server.client()) {
            s3.createBucket(b -> b.bucket("generated"));
            for (int i = 0; i < records.size(); i++) {
                String key = "aws/lambda/esm/failures-" + i + "/2024/05/01/record " + i + ".json";
                s3.putObject(b -> b.bucket("generated").key(key), RequestBody.fromString(write(records.get(0 + i))));
                ObjectNode r = (ObjectNode) template.deepCopy();
                ObjectNode s3node = (ObjectNode) r.get("s3");
                ((ObjectNode) s3node.get("bucket")).put("name", "generated").put("arn", "arn:aws:s3:::generated");
                ((ObjectNode) s3node.get("object")).put("key", java.net.URLEncoder.encode(key, StandardCharsets.UTF_8)
                        .replace("%2F", "/"));
                list.add(r);
            }
            S3Event loaded = EventLoader.loadS3Event(file("s3.json", event).toString());

            List<OnFailureItem> items = OnFailureRecords.from(loaded, s3);

            assertThat(items).extracting(OnFailureItem::valid).containsOnly(true);
            assertThat(items).extracting(i -> i.record().orElseThrow())
                    .containsExactlyElementsOf(records.stream().map(r -> CODEC.read(write(r))).toList());
            assertThat(((ItemId.S3Object) items.get(1).id()).key())
                    .isEqualTo("aws/lambda/esm/failures-1/2024/05/01/record 1.json");
        }
    }

    @Test
    void sqs_generatedInvalidRecords_haveTheirExpectedCodes() throws Exception {
        SeededEntropy entropy = SeededEntropy.of(11);
        List<InvalidRecord> invalid = new ArrayList<>();
        ObjectNode event = JSON.createObjectNode();
        ArrayNode messages = event.putArray("Records");
        for (int i = 0; i < COUNT; i++) {
            InvalidRecord r = InvalidRecords.generator(GeneratorOptions.defaults(), false).generate(entropy);
            invalid.add(r);
            messages.addObject().put("messageId", "m-" + i).put("body", r.text()).put("eventSource", "aws:sqs");
        }
        SQSEvent loaded = EventLoader.loadSQSEvent(file("invalid.json", event).toString());

        List<OnFailureItem> items = OnFailureRecords.of(Profile.TOLERANT).read(loaded);

        // Each item's report is the validator's report of that message in the whole event.
        assertThat(items).extracting(i -> i.report().orElseThrow()).containsExactlyElementsOf(
                Validator.create().validate(event.toString(), ValidationOptions.of(Profile.TOLERANT)).records());
        for (int i = 0; i < COUNT; i++) {
            // Some mutations only warn under the tolerant profile; a message holding no record (envelope.empty, a
            // warning) is still not a record to handle.
            OnFailureItem item = items.get(i);
            assertThat(item.status()).as(invalid.get(i).mutation()).isEqualTo(
                    item.report().orElseThrow().valid() && item.record().isPresent() ? Status.VALID : Status.INVALID);
            if (item.report().orElseThrow().kind().isPresent() && item.report().orElseThrow().valid()) {
                assertThat(item.record()).as(invalid.get(i).mutation()).isPresent();
            }
            // Inside an SQS event, a body that cannot be read at all is envelope.message-not-json.
            List<String> expected = invalid.get(i).expectedCodes().stream()
                    .map(c -> c.startsWith("json.") && !c.equals("json.not-object") ? "envelope.message-not-json" : c)
                    .toList();
            assertThat(items.get(i).report().orElseThrow().codes()).as(invalid.get(i).mutation())
                    .containsAll(expected);
        }
    }
}
