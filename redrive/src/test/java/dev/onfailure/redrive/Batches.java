package dev.onfailure.redrive;

import dev.onfailure.schema.Kind;
import dev.onfailure.codegen.FailureContext;
import dev.onfailure.codegen.RecordBuilder;
import dev.onfailure.model.Condition;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.S3Record;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Produces awkward records (null keys, binary values, every signed header byte, repeated names) and builds failure records for batches of them. */
public final class Batches {

    private Batches() {
    }

    /** Every byte value, -128..127. */
    public static byte[] everyByte() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) (i - 128);
        }
        return b;
    }

    /**
     * Produces {@code n} records to {@code topic}/{@code partition} and returns them as a consumer would read them
     * (offsets and timestamps from the broker's acknowledgements).
     */
    public static List<ConsumerRecord<byte[], byte[]>> produce(KafkaProducer<byte[], byte[]> producer, String topic,
            int partition, int n, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        // Recent timestamps: older ones than retention.ms (7 days) would be deleted by the broker under the test.
        long base = System.currentTimeMillis() - 3_600_000L;
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] key = i % 4 == 0 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[random.nextInt(0, 300)];
            random.nextBytes(value);
            if (i % 7 == 3) {
                value = everyByte();
            }
            RecordHeaders headers = new RecordHeaders();
            headers.add("h", everyByte());
            headers.add("h", new byte[] {(byte) i, -1});
            headers.add("trace-id", ("t" + i).getBytes(StandardCharsets.UTF_8));
            long timestamp = base + seed * 1000 + (i * 37L % 101);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, timestamp, key, value,
                    headers);
            RecordMetadata m = producer.send(record).get();
            out.add(new ConsumerRecord<>(topic, partition, m.offset(), timestamp, TimestampType.CREATE_TIME,
                    key == null ? ConsumerRecord.NULL_SIZE : key.length, value.length, key, value, headers,
                    Optional.empty(), Optional.empty()));
        }
        return out;
    }

    /** The invocation event holding {@code records}, keyed by topic-partition in their order. */
    public static KafkaEvent event(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<KafkaRecord>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            byKey.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>())
                    .add(KafkaRecords.fromConsumerRecord(r));
        }
        return KafkaEvent.builder().eventSource("aws:kafka")
                .eventSourceArn(JsonField.of("arn:aws:kafka:us-east-1:123456789012:cluster/demo/"
                        + "751d2973-a626-431c-9d4e-d7975eb44dd7-2"))
                .bootstrapServers(JsonField.of("b-1.demo:9092"))
                .records(byKey).build();
    }

    public static FailureContext context(String requestId) {
        return new FailureContext(Condition.RETRY_ATTEMPTS_EXHAUSTED,
                "arn:aws:lambda:us-east-1:123456789012:function:orders", requestId, 3,
                JsonField.of(ResponseContext.builder().statusCode(200).executedVersion(JsonField.of("$LATEST"))
                        .functionError(JsonField.of("Unhandled")).build()),
                Instant.parse("2026-11-30T10:00:00.000Z"));
    }

    /** The failure records Lambda would send for {@code records} to {@code destination}. */
    public static List<KafkaFailureRecord> failureRecords(List<ConsumerRecord<byte[], byte[]>> records,
            Kind destination, String requestId) {
        return RecordBuilder.build(event(records), context(requestId), destination);
    }

    /** The S3 record for {@code records} with its payload as an object, as emulators write it. */
    public static KafkaFailureRecord s3WithObjectPayload(List<ConsumerRecord<byte[], byte[]>> records, String requestId) {
        S3Record s3 = (S3Record) failureRecords(records, Kind.S3, requestId).get(0);
        KafkaEvent event = s3.payload().event();
        return s3.toBuilder().payload(Payload.ofObject(RecordCodec.defaults().toJson(event))).build();
    }
}
