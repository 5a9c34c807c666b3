package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.WriteOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** The conversion's law: a Kafka record written as Lambda writes it and read back is the same record, exactly. */
final class KafkaRecordsProperties {

    private static final RecordCodec CODEC = RecordCodec.defaults();

    @Test
    void consumerRecord_throughTheEventForm_isExact() {
        qt().withExamples(500).forAll(consumerRecords()).checkAssert(r -> {
            KafkaRecord model = KafkaRecords.fromConsumerRecord(r);
            assertSame(KafkaRecords.toConsumerRecord(model), r);
        });
    }

    @Test
    void consumerRecord_throughEventJsonText_isExact() {
        qt().withExamples(300).forAll(consumerRecords()).checkAssert(r -> {
            KafkaRecord model = KafkaRecords.fromConsumerRecord(r);
            KafkaEvent event = KafkaEvent.builder().eventSource("SelfManagedKafka")
                    .records(Map.of(r.topic() + "-" + r.partition(), List.of(model))).build();
            KafkaEvent back = CODEC.readEvent(CODEC.write(event, WriteOptions.COMPACT));
            assertThat(back).isEqualTo(event);
            assertSame(KafkaRecords.toConsumerRecords(back).get(0), r);
        });
    }

    @Test
    void canonicalEventRecord_throughConsumerRecord_isEqual() {
        qt().withExamples(300).forAll(consumerRecords()).checkAssert(r -> {
            KafkaRecord model = KafkaRecords.fromConsumerRecord(r);
            assertThat(KafkaRecords.fromConsumerRecord(KafkaRecords.toConsumerRecord(model))).isEqualTo(model);
        });
    }

    @Test
    void recordLine_isWhatTheCodecReads() {
        qt().withExamples(300).forAll(consumerRecords()).checkAssert(r -> {
            String line = LambdaJson.record(r);
            String event = "{\"eventSource\":\"SelfManagedKafka\",\"records\":{\"" + r.topic() + "-" + r.partition()
                    + "\":[" + line + "]}}";
            KafkaRecord read = CODEC.readEvent(event).allRecords().get(0);
            assertThat(read).isEqualTo(KafkaRecords.fromConsumerRecord(r));
            assertThat(LambdaJson.event(List.of(r), "SelfManagedKafka", Optional.empty(), Optional.empty()))
                    .isEqualTo(event);
        });
    }

    static void assertSame(ConsumerRecord<byte[], byte[]> actual, ConsumerRecord<byte[], byte[]> expected) {
        assertThat(actual.topic()).isEqualTo(expected.topic());
        assertThat(actual.partition()).isEqualTo(expected.partition());
        assertThat(actual.offset()).isEqualTo(expected.offset());
        assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
        assertThat(actual.timestampType()).isEqualTo(expected.timestampType());
        assertThat(actual.key()).isEqualTo(expected.key());
        assertThat(actual.value()).isEqualTo(expected.value());
        assertThat(actual.headers().toArray()).containsExactly(expected.headers().toArray());
        assertThat(actual.serializedKeySize()).isEqualTo(expected.serializedKeySize());
        assertThat(actual.serializedValueSize()).isEqualTo(expected.serializedValueSize());
    }

    static Gen<ConsumerRecord<byte[], byte[]>> consumerRecords() {
        return in -> {
            String topic = topic(in);
            int partition = (int) between(in, 0, Integer.MAX_VALUE);
            long offset = between(in, 0, Long.MAX_VALUE);
            long timestamp = between(in, 0, Long.MAX_VALUE);
            TimestampType type = between(in, 0, 1) == 0 ? TimestampType.CREATE_TIME : TimestampType.LOG_APPEND_TIME;
            byte[] key = between(in, 0, 3) == 0 ? null : bytes(in, 40);
            byte[] value = between(in, 0, 5) == 0 ? null : bytes(in, 200);
            RecordHeaders headers = new RecordHeaders();
            int n = (int) between(in, 0, 5);
            for (int i = 0; i < n; i++) {
                // Few names, so that repeats are common.
                String name = between(in, 0, 2) == 0 ? "h" : "name-" + between(in, 0, 3) + "\u00e9";
                headers.add(new RecordHeader(name, bytes(in, 12)));
            }
            return new ConsumerRecord<>(topic, partition, offset, timestamp, type,
                    key == null ? ConsumerRecord.NULL_SIZE : key.length,
                    value == null ? ConsumerRecord.NULL_SIZE : value.length,
                    key, value, headers, Optional.empty(), Optional.empty());
        };
    }

    private static final String TOPIC_CHARS = "abcXYZ019._-";

    private static String topic(RandomnessSource in) {
        int n = (int) between(in, 1, 30);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(TOPIC_CHARS.charAt((int) between(in, 0, TOPIC_CHARS.length() - 1)));
        }
        String t = s.toString();
        return t.equals(".") || t.equals("..") ? "t" + t : t;
    }

    private static byte[] bytes(RandomnessSource in, int max) {
        byte[] b = new byte[(int) between(in, 0, max)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) between(in, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        return b;
    }

    private static long between(RandomnessSource in, long min, long max) {
        return in.next(Constraint.between(min, max).withShrinkPoint(min));
    }
}
