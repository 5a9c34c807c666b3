package dev.onfailure.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.schema.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The discarded records a payload carries, as Kafka's {@code ConsumerRecord<byte[], byte[]>}: what Powertools' Kafka
 * utility gives for the same invocation event (signed header bytes, null keys, both timestamp types).
 */
final class ConsumerRecordsTest {

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

    @Test
    void s3Record_stringPayload_givesTheWholeBatch() {
        OnFailureItem item = OnFailureRecords.from(Events.s3("s3.json"), s3).get(0);

        List<ConsumerRecord<byte[], byte[]>> records = item.consumerRecords();

        assertThat(records).extracting(ConsumerRecord::topic, ConsumerRecord::partition, ConsumerRecord::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", 0, 1200L),
                        org.assertj.core.groups.Tuple.tuple("orders", 0, 1201L),
                        org.assertj.core.groups.Tuple.tuple("orders", 1, 77L));
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        assertThat(first.key()).isEqualTo(Base64.getDecoder().decode("by0x"));
        assertThat(first.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(first.serializedKeySize()).isEqualTo(first.key().length);
        // Header values are the event's arrays of signed bytes, in order, repeated names kept.
        assertThat(first.headers().toArray()).extracting(Header::key).containsExactly("traceparent", "checksum",
                "traceparent");
        assertThat(first.headers().lastHeader("checksum").value()).containsExactly(-1, -128, 127, 0, 42, -7);
        assertThat(new String(first.headers().headers("traceparent").iterator().next().value(),
                StandardCharsets.US_ASCII)).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        // A null key is a null key, and its size is Kafka's NULL_SIZE.
        assertThat(records.get(1).key()).isNull();
        assertThat(records.get(1).serializedKeySize()).isEqualTo(ConsumerRecord.NULL_SIZE);
        assertThat(records.get(1).headers().toArray()).isEmpty();
        assertThat(records.get(2).headers().lastHeader("checksum").value()).containsExactly(-100, 100);
    }

    @Test
    void s3Record_objectPayload_keepsLogAppendTime() {
        OnFailureItem item = OnFailureRecords.from(Events.s3("s3.json"), s3).get(1);

        ConsumerRecord<byte[], byte[]> r = item.consumerRecords().get(0);

        assertThat(r.topic()).isEqualTo("telemetry.raw");
        assertThat(r.partition()).isEqualTo(4);
        assertThat(r.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(new String(r.headers().lastHeader("src").value(), StandardCharsets.UTF_8)).isEqualTo("dev");
    }

    @Test
    void kafkaTopicRecord_givesTheOneFailedRecord() {
        OnFailureItem item = OnFailureRecordsTest.byId(OnFailureRecords.from(Events.kafka("kafka.json")),
                "orders-dlq-0-10");

        List<ConsumerRecord<byte[], byte[]>> records = item.consumerRecords();

        assertThat(records).hasSize(1);
        assertThat(records.get(0).offset()).isEqualTo(4242L);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("order-4242");
        assertThat(records.get(0).headers().lastHeader("retry").value()).containsExactly(49);
    }

    @Test
    void payloadRecordThatCannotBeAKafkaRecord_isRefused_namingTheItemsRecord() {
        KafkaEvent event = Events.kafka("kafka.json");
        KafkaEvent.KafkaEventRecord message = event.getRecords().get("orders-dlq-0").stream()
                .filter(r -> r.getOffset() == 10).findFirst().orElseThrow();
        String record = new String(Base64.getDecoder().decode(message.getValue()), StandardCharsets.UTF_8);
        // "a" passes for base64 by its alphabet, but no base64 text is one character long.
        message.setValue(Base64.getEncoder().encodeToString(
                record.replace("\"b3JkZXItNDI0Mg==\"", "\"a\"").getBytes(StandardCharsets.UTF_8)));
        OnFailureItem item = OnFailureRecordsTest.byId(OnFailureRecords.from(event), "orders-dlq-0-10");
        assertThat(item.record()).isPresent();

        assertThatThrownBy(item::consumerRecords).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("orders-dlq-0-10: record orders-3@4242: key is not base64");
    }

    @Test
    void recordsWithoutPayload_orNoRecord_giveNone() {
        List<OnFailureItem> items = OnFailureRecords.from(Events.sqs("sqs-raw.json"));

        // An SQS/SNS record names offsets only: there is nothing to convert (read them back with RangeFetcher).
        assertThat(items.get(0).record()).map(KafkaFailureRecord::kind).contains(Kind.SQS_SNS);
        assertThat(items.get(0).consumerRecords()).isEmpty();
        // Not JSON: no record at all.
        assertThat(items.get(3).record()).isEmpty();
        assertThat(items.get(3).consumerRecords()).isEmpty();
    }
}
