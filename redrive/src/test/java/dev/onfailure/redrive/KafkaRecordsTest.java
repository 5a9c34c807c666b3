package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.model.Header;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.RecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

final class KafkaRecordsTest {

    private static final String EVENT = """
            {"eventSource":"aws:kafka","records":{"my-topic-eu-3":[
              {"topic":"my-topic-eu","partition":3,"offset":15,"timestamp":1545084650987,
               "timestampType":"CREATE_TIME","key":"cmVjb3JkS2V5","value":"eyJrZXkiOiJ2YWx1ZSJ9",
               "headers":[{"h":[-128,-1,0,1,127]},{"h":[104,105]},{"other":[]}]},
              {"topic":"my-topic-eu","partition":3,"offset":16,"timestamp":1545084650988,
               "timestampType":"LOG_APPEND_TIME","value":null,"headers":[]},
              {"topic":"my-topic-eu","partition":3,"offset":17,"timestamp":0,
               "timestampType":"CREATE_TIME","key":null,"value":""}]}}
            """;

    @Test
    void eventRecords_becomeConsumerRecords_byteForByte() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        List<ConsumerRecord<byte[], byte[]>> records = KafkaRecords.toConsumerRecords(event);

        assertThat(records).hasSize(3);
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        assertThat(first.topic()).isEqualTo("my-topic-eu");
        assertThat(first.partition()).isEqualTo(3);
        assertThat(first.offset()).isEqualTo(15);
        assertThat(first.timestamp()).isEqualTo(1545084650987L);
        assertThat(first.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("recordKey");
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"key\":\"value\"}");
        assertThat(first.serializedKeySize()).isEqualTo(9);
        assertThat(first.headers().toArray()).containsExactly(
                new RecordHeader("h", new byte[] {-128, -1, 0, 1, 127}),
                new RecordHeader("h", new byte[] {104, 105}),
                new RecordHeader("other", new byte[0]));
        assertThat(first.headers().lastHeader("h").value()).containsExactly(104, 105);

        ConsumerRecord<byte[], byte[]> tombstone = records.get(1);
        assertThat(tombstone.key()).isNull();
        assertThat(tombstone.serializedKeySize()).isEqualTo(ConsumerRecord.NULL_SIZE);
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(tombstone.headers().toArray()).isEmpty();

        assertThat(records.get(2).key()).isNull();
        assertThat(records.get(2).value()).isEmpty();
    }

    @Test
    void consumerRecord_becomesTheLambdaForm() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("h", new byte[] {-128, 127});
        headers.add("h", new byte[] {0});
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("orders-eu", 0, 42, 7L, TimestampType.LOG_APPEND_TIME,
                -1, 2, null, new byte[] {(byte) 0xff, 0}, headers, Optional.empty(), Optional.empty());

        KafkaRecord model = KafkaRecords.fromConsumerRecord(r);

        assertThat(model.key()).isEqualTo(JsonField.ofNull());
        assertThat(model.value()).isEqualTo(JsonField.of("/wA="));
        assertThat(model.timestampType()).isEqualTo("LOG_APPEND_TIME");
        assertThat(model.headerList()).extracting(Header::name).containsExactly("h", "h");
        assertThat(model.headerList().get(0).value()).containsExactly(-128, 127);
    }

    @Test
    void headers_mayBeAddedTo_likeAConsumers_eachRecordItsOwn() {
        // Kafka's consumer and Powertools' Kafka utility hand over headers a handler may add to (tracing does).
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        ConsumerRecord<byte[], byte[]> r = KafkaRecords.toConsumerRecords(event).get(0);
        int before = r.headers().toArray().length;

        r.headers().add("x", new byte[] {1});

        assertThat(r.headers().lastHeader("x").value()).containsExactly(1);
        assertThat(KafkaRecords.toConsumerRecords(event).get(0).headers().toArray()).hasSize(before);
    }

    @Test
    void badBase64_isRefused_namingTheRecord() {
        KafkaRecord r = base().value(JsonField.of("not base64!")).build();
        assertThatThrownBy(() -> KafkaRecords.toConsumerRecord(r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record t-0@5: value is not base64");
    }

    @Test
    void unknownTimestampType_isRefused() {
        assertThatThrownBy(() -> KafkaRecords.toConsumerRecord(base().timestampType("NoTimestampType").build()))
                .hasMessage("record t-0@5: timestampType NoTimestampType is neither CREATE_TIME nor LOG_APPEND_TIME");
        ConsumerRecord<byte[], byte[]> none = new ConsumerRecord<>("t", 0, 5, -1, TimestampType.NO_TIMESTAMP_TYPE,
                -1, -1, null, null, new RecordHeaders(), Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> KafkaRecords.fromConsumerRecord(none))
                .hasMessageContaining("record t-0@5: timestamp type NoTimestampType has no form in a Lambda event");
    }

    @Test
    void negativeOffsetOrPartition_isRefused() {
        assertThatThrownBy(() -> KafkaRecords.toConsumerRecord(base().offset(-1).build()))
                .hasMessage("record t-0@-1: a negative offset");
        assertThatThrownBy(() -> KafkaRecords.toConsumerRecord(base().partition(-2).build()))
                .hasMessage("record t--2@5: a negative partition");
    }

    @Test
    void nullHeaderValue_isRefused() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("empty", (byte[]) null));
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("t", 0, 5, 1, TimestampType.CREATE_TIME,
                -1, -1, null, null, headers, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> KafkaRecords.fromConsumerRecord(r))
                .hasMessage("record t-0@5: header empty has a null value, which a Lambda event cannot carry");
    }

    @Test
    void offset_fitsOrIsRefusedClearly() {
        assertThat(KafkaRecords.offset(Offset.of("15"))).isEqualTo(15);
        assertThat(KafkaRecords.offset(Offset.of("0009223372036854775807"))).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> KafkaRecords.offset(Offset.of("9223372036854775808")))
                .hasMessage("offset 9223372036854775808 is over 9223372036854775807, the most a Kafka offset (int64)"
                        + " can be");
        // digits are counted without leading zeros
        assertThatThrownBy(() -> KafkaRecords.offset(Offset.of("0009999999999999999999")))
                .hasMessage("offset 0009999999999999999999 is over 9223372036854775807, the most a Kafka offset"
                        + " (int64) can be");
        assertThatThrownBy(() -> KafkaRecords.offset(Offset.of("00099999999999999999999")))
                .hasMessage("offset 00099999999999999999999 has 20 digits: Kafka offsets are int64, at most "
                        + "9223372036854775807 (19 digits)");
        assertThatThrownBy(() -> KafkaRecords.offset(
                Offset.of("49601189658422359378836298521827638475320189012309704722")))
                .hasMessage("offset 49601189658422359378836298521827638475320189012309704722 has 56 digits: "
                        + "Kafka offsets are int64, at most 9223372036854775807 (19 digits)");
        assertThatThrownBy(() -> KafkaRecords.offset(Offset.of("-1")))
                .hasMessage("offset \"-1\" is not a string of decimal digits");
    }

    private static KafkaRecord.Builder base() {
        return KafkaRecord.builder().topic("t").partition(0).offset(5).timestamp(1).timestampType("CREATE_TIME");
    }
}
