package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.model.Condition;
import dev.onfailure.schema.Kind;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.S3Record;
import dev.onfailure.model.SqsSnsRecord;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.Json;
import dev.onfailure.json.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RecordBuilderTest {

    private static final String EVENT = "{\"eventSource\":\"aws:kafka\","
            + "\"eventSourceArn\":\"arn:aws:kafka:us-east-1:123456789012:cluster/c/751d2973-a626-431c-9d4e-d7975eb44dd7-2\","
            + "\"bootstrapServers\":\"b-1:9092,b-2:9092\",\"records\":{"
            + "\"orders-eu-1-3\":[{\"topic\":\"orders-eu-1\",\"partition\":3,\"offset\":12,\"timestamp\":1714557600500,"
            + "\"timestampType\":\"CREATE_TIME\",\"key\":null,\"value\":\"eA==\",\"headers\":[]},"
            + "{\"topic\":\"orders-eu-1\",\"partition\":3,\"offset\":10,\"timestamp\":1714557600000,"
            + "\"timestampType\":\"CREATE_TIME\",\"value\":\"eQ==\",\"headers\":[{\"h\":[-1]}]}],"
            + "\"t-0\":[{\"topic\":\"t\",\"partition\":0,\"offset\":7,\"timestamp\":1714557601000,"
            + "\"timestampType\":\"LOG_APPEND_TIME\",\"key\":\"aw==\",\"value\":\"eg==\",\"headers\":[]}]}}";

    private static final FailureContext CTX = new FailureContext(Condition.RETRY_ATTEMPTS_EXHAUSTED,
            "arn:aws:lambda:us-east-1:123456789012:function:f", "316aa6d0-8154-4b1c-9af7-85d5f4a6bc81", 3,
            JsonField.of(ResponseContext.builder().statusCode(200).executedVersion(JsonField.of("$LATEST"))
                    .functionError(JsonField.of("Unhandled")).build()),
            Instant.parse("2024-05-01T10:00:05Z"));

    @Test
    void sqsSns_rangesCountsAndSize() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        SqsSnsRecord r = (SqsSnsRecord) RecordBuilder.build(event, CTX, Kind.SQS_SNS).get(0);
        KafkaBatchInfo info = r.batchInfo();
        assertThat(info.batchSize()).isEqualTo(3);
        assertThat(info.payloadSize()).isEqualTo(EVENT.getBytes(StandardCharsets.UTF_8).length);
        assertThat(info.recordsInfo().keySet()).containsExactly("orders-eu-1-3", "t-0");
        RecordRange orders = info.recordsInfo().get("orders-eu-1-3");
        assertThat(orders.firstRecordOffset().text()).isEqualTo("10");
        assertThat(orders.lastRecordOffset().text()).isEqualTo("12");
        assertThat(orders.firstRecordTimestamp().text()).isEqualTo("2024-05-01T10:00:00.000Z");
        assertThat(orders.lastRecordTimestamp().text()).isEqualTo("2024-05-01T10:00:00.500Z");
        assertThat(r.timestamp().text()).isEqualTo("2024-05-01T10:00:05.000Z");
        assertThat(RecordCodec.defaults().write(r)).startsWith("{\"requestContext\":{\"requestId\":\"316aa6d0");
    }

    @Test
    void s3_payloadIsTheEscapedEvent_andReadsBackFieldForField() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        S3Record r = (S3Record) RecordBuilder.build(event, CTX, Kind.S3).get(0);
        assertThat(r.payload().text()).contains(EVENT);
        S3Record back = (S3Record) RecordCodec.defaults().read(RecordCodec.defaults().write(r));
        assertThat(back.payload().event()).isEqualTo(event);
    }

    @Test
    void topic_oneRecordPerKafkaRecord() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        List<KafkaFailureRecord> records = RecordBuilder.build(event, CTX, Kind.TOPIC);
        assertThat(records).hasSize(3);
        TopicRecord first = (TopicRecord) records.get(0);
        assertThat(first.batchInfo().batchSize()).isEqualTo(1);
        assertThat(first.batchInfo().recordInfo().offset().text()).isEqualTo("12");
        assertThat(first.payload().event().recordCount()).isEqualTo(1);
        assertThat(first.batchInfo().payloadSize()).isEqualTo(RecordBuilder.payloadSize(first.payload().event()));
    }

    @Test
    void topic_followsAwsExample_memberForMember() {
        String example = DocumentedExamples.topic().instances().get(0).json();
        TopicRecord aws = (TopicRecord) RecordCodec.defaults().read(example);
        KafkaEvent event = aws.payload().event();
        FailureContext ctx = new FailureContext(aws.requestContext().condition(), aws.requestContext().functionArn(),
                aws.requestContext().requestId(), aws.requestContext().approximateInvokeCount(),
                aws.responseContext(), aws.timestamp().toInstant().orElseThrow());
        List<KafkaFailureRecord> built = RecordBuilder.build(event, ctx, Kind.TOPIC);
        assertThat(built).hasSize(1);
        TopicRecord one = (TopicRecord) built.get(0);
        // AWS's example contradicts its own payload in payloadSize and recordInfo; everything else must be its text.
        String expected = Json.write(Json.parse(example), WriteOptions.COMPACT)
                .replace("\"payloadSize\":1162", "\"payloadSize\":" + RecordBuilder.payloadSize(event))
                .replace("\"offset\":\"49601189658422359378836298521827638475320189012309704722\"", "\"offset\":\"100\"")
                .replace("\"timestamp\":\"2019-11-14T18:16:04.835Z\"", "\"timestamp\":\"2025-06-05T09:44:52.330Z\"");
        assertThat(RecordCodec.defaults().write(one)).isEqualTo(expected);
    }

    @Test
    void topic_payloadMembersSortedAtEveryLevel_asAwsShows() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        TopicRecord first = (TopicRecord) RecordBuilder.build(event, CTX, Kind.TOPIC).get(0);
        String payload = Json.write(first.payload().toJson(), WriteOptions.COMPACT);
        assertThat(payload).isEqualTo(Json.write(first.payload().toJson(),
                WriteOptions.of(dev.onfailure.json.KeyOrder.SORTED, dev.onfailure.json.Layout.COMPACT)));
        assertThat(payload).startsWith("{\"bootstrapServers\"");
    }

    @Test
    void topic_oversizedBatch_decidedFromTheBatch_notFromOneRecord() {
        String big = "\"" + "A".repeat(3_500_000) + "\"";
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT.replace("\"eA==\"", big).replace("\"eQ==\"", big));
        assertThat(RecordBuilder.payloadSize(event)).isGreaterThan(RecordBuilder.MAX_PAYLOAD_BYTES);
        List<KafkaFailureRecord> records = RecordBuilder.build(event, CTX, Kind.TOPIC);
        assertThat(records).hasSize(3).allSatisfy(r -> {
            assertThat(r.requestContext().condition()).isEqualTo(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
            assertThat(r.responseContext().isNull()).isTrue();
            assertThat(r.batchInfo().payloadSize()).isLessThan(RecordBuilder.MAX_PAYLOAD_BYTES);
        });
        assertThat(RecordBuilder.build(RecordCodec.defaults().readEvent(EVENT), CTX, Kind.TOPIC))
                .allSatisfy(r -> assertThat(r.requestContext().condition()).isEqualTo(CTX.condition()));
    }

    @Test
    void topicMessages_keyIsTheOriginalRecordsKey() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        List<TopicMessage> messages = RecordBuilder.topicMessages(event, CTX);
        assertThat(messages).hasSize(3);
        for (int i = 0; i < messages.size(); i++) {
            dev.onfailure.model.KafkaRecord original = event.allRecords().get(i);
            assertThat(messages.get(i).key()).isEqualTo(original.key().value());
            assertThat(messages.get(i).value()).isEqualTo(RecordBuilder.build(event, CTX, Kind.TOPIC).get(i));
        }
        String keyed = DocumentedExamples.topic().instances().get(0).json();
        KafkaEvent aws = ((TopicRecord) RecordCodec.defaults().read(keyed)).payload().event();
        TopicMessage m = RecordBuilder.topicMessages(aws, CTX).get(0);
        assertThat(m.key()).contains("dGVzdC1rZXk=");
        assertThat(new String(m.keyBytes().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("test-key");
    }

    @Test
    void overSixMegabytes_becomesMaximumPayloadSizeExceeded() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT.replace("\"eA==\"",
                "\"" + "A".repeat(6_300_000) + "\""));
        KafkaFailureRecord r = RecordBuilder.build(event, CTX, Kind.SQS_SNS).get(0);
        assertThat(r.requestContext().condition()).isEqualTo(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
        assertThat(r.responseContext().isNull()).isTrue();
        assertThat(r.batchInfo().payloadSize()).isGreaterThan(RecordBuilder.MAX_PAYLOAD_BYTES);
    }

    @Test
    void injectedClockAndIds_makeTheOutputDeterministic() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2024-05-01T10:00:00.123456Z"),
                java.time.ZoneOffset.UTC);
        java.util.UUID id = java.util.UUID.fromString("316aa6d0-8154-4b1c-9af7-85d5f4a6bc81");
        FailureContext ctx = FailureContext.of(Condition.RECORD_AGE_EXCEEDED, CTX.functionArn(), 2,
                JsonField.absent(), clock, () -> id);
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        String a = RecordCodec.defaults().write(RecordBuilder.build(event, ctx, Kind.SQS_SNS).get(0));
        String b = RecordCodec.defaults().write(RecordBuilder.build(event, ctx, Kind.SQS_SNS).get(0));
        assertThat(a).isEqualTo(b).contains("\"requestId\":\"316aa6d0-8154-4b1c-9af7-85d5f4a6bc81\"")
                .contains("\"timestamp\":\"2024-05-01T10:00:00.123Z\"").doesNotContain("responseContext");
    }

    @Test
    void emptyBatch_isRefused() {
        KafkaEvent empty = RecordCodec.defaults().readEvent("{\"eventSource\":\"aws:kafka\",\"records\":{}}");
        assertThatThrownBy(() -> RecordBuilder.build(empty, CTX, Kind.S3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventKind_isNoDestination() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        assertThatThrownBy(() -> RecordBuilder.build(event, CTX, Kind.EVENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.event");
        assertThatThrownBy(() -> GeneratorOptions.defaults().kinds(java.util.EnumSet.of(Kind.S3, Kind.EVENT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kafka.event");
    }

    @Test
    void misuse_isRefusedNamingTheArgument() {
        KafkaEvent event = RecordCodec.defaults().readEvent(EVENT);
        assertThatThrownBy(() -> RecordBuilder.build(null, CTX, Kind.S3)).isInstanceOf(NullPointerException.class)
                .hasMessage("event");
        assertThatThrownBy(() -> RecordBuilder.build(event, null, Kind.S3)).hasMessage("ctx");
        assertThatThrownBy(() -> RecordBuilder.build(event, CTX, null)).hasMessage("destination");
        assertThatThrownBy(() -> RecordBuilder.topicMessages(null, CTX)).hasMessage("event");
        // a negative count would make a record no schema accepts
        assertThatThrownBy(() -> new FailureContext(Condition.RETRY_ATTEMPTS_EXHAUSTED, CTX.functionArn(),
                CTX.requestId(), -1, CTX.response(), CTX.time())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("approximateInvokeCount must not be negative: -1");
    }
}
