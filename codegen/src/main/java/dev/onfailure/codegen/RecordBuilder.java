package dev.onfailure.codegen;

import dev.onfailure.model.Condition;
import dev.onfailure.schema.Kind;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.RecordInfo;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.RequestContext;
import dev.onfailure.model.S3Record;
import dev.onfailure.model.SqsSnsRecord;
import dev.onfailure.model.Timestamp;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the failure record Lambda would send for a Kafka batch it discards.
 *
 * <ul>
 *   <li>{@code batchSize} is the number of records in the event;</li>
 *   <li>{@code recordsInfo} has one entry per topic-partition, in the order the event first names them: the first and
 *       last offsets, and the timestamps of the first and last records in offset order (ISO-8601 UTC with
 *       milliseconds, from the event's epoch milliseconds);</li>
 *   <li>{@code payloadSize} is the UTF-8 length of the event serialised compactly; above 6 MB (6,291,456 bytes) the
 *       condition becomes {@code MaximumPayloadSizeExceeded} and {@code responseContext} null, since the function
 *       never ran. That is decided from the whole batch for every destination: Lambda invokes the function with the
 *       batch, not with one record;</li>
 *   <li>for S3, {@code payload} is the event as an escaped JSON string; for a Kafka topic, one record per Kafka record,
 *       with {@code recordInfo}, {@code batchSize} 1, {@code payloadSize} the size of the event reduced to that
 *       record, and that event as a {@code payload} object whose members are sorted at every level, as in AWS's
 *       example ("Record format for a Kafka destination"). {@link #topicMessages} adds the message key Lambda uses:
 *       the original record's key.</li>
 * </ul>
 *
 * <pre>{@code
 * KafkaEvent batch = RecordCodec.defaults().readEvent(Path.of("event.json"));
 * List<KafkaFailureRecord> records = RecordBuilder.build(batch, ctx, Kind.S3);   // one record
 * }</pre>
 */
public final class RecordBuilder {

    /** Lambda's synchronous invocation payload limit, in bytes. */
    public static final long MAX_PAYLOAD_BYTES = 6L * 1024 * 1024;

    private RecordBuilder() {
    }

    /**
     * Returns the records Lambda would send to a destination of {@code kind}: one for {@link Kind#SQS_SNS} and
     * {@link Kind#S3}, one per Kafka record for {@link Kind#TOPIC}.
     *
     * @throws IllegalArgumentException if the event holds no record, or {@code kind} is {@link Kind#EVENT}
     */
    public static List<KafkaFailureRecord> build(KafkaEvent event, FailureContext ctx, Kind destination) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(destination, "destination");
        if (!destination.isRecord()) {
            throw new IllegalArgumentException("no destination receives a " + destination.id() + ": pick a record kind");
        }
        if (event.recordCount() == 0) {
            throw new IllegalArgumentException("the event holds no record: Lambda never sends an empty batch");
        }
        if (destination == Kind.TOPIC) {
            List<KafkaFailureRecord> records = new ArrayList<>();
            topicMessages(event, ctx).forEach(m -> records.add(m.value()));
            return records;
        }
        long size = payloadSize(event);
        FailureContext effective = effective(ctx, size);
        KafkaBatchInfo.Builder info = KafkaBatchInfo.builder()
                .batchSize(event.recordCount())
                .eventSourceArn(event.eventSourceArn().isNull() ? JsonField.absent() : event.eventSourceArn())
                .bootstrapServers(event.bootstrapServers().orElse(""))
                .payloadSize(size)
                .recordsInfo(ranges(event));
        if (destination == Kind.S3) {
            return List.of(S3Record.builder()
                    .requestContext(requestContext(effective)).responseContext(effective.response())
                    .version("1.0").timestamp(Timestamp.of(effective.time()))
                    .batchInfo(info.build())
                    .payload(Payload.ofEvent(event, Payload.Form.STRING))
                    .build());
        }
        return List.of(SqsSnsRecord.builder()
                .requestContext(requestContext(effective)).responseContext(effective.response())
                .version("1.0").timestamp(Timestamp.of(effective.time()))
                .batchInfo(info.build())
                .build());
    }

    /** Returns the UTF-8 length of {@code event} serialised compactly in AWS order. */
    public static long payloadSize(KafkaEvent event) {
        return RecordCodec.defaults().write(event, WriteOptions.COMPACT).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Returns the {@code recordsInfo} of {@code event}: per topic-partition, in the order the event first names them,
     * the first and last offsets and the timestamps of the first and last records in offset order.
     */
    public static Map<String, RecordRange> ranges(KafkaEvent event) {
        Map<String, List<KafkaRecord>> byPartition = new LinkedHashMap<>();
        for (KafkaRecord r : event.allRecords()) {
            byPartition.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(r);
        }
        Map<String, RecordRange> ranges = new LinkedHashMap<>();
        byPartition.forEach((key, list) -> {
            List<KafkaRecord> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingLong(KafkaRecord::offset));
            KafkaRecord first = sorted.get(0);
            KafkaRecord last = sorted.get(sorted.size() - 1);
            ranges.put(key, RecordRange.builder()
                    .firstRecordOffset(Offset.of(first.offset()))
                    .lastRecordOffset(Offset.of(last.offset()))
                    .firstRecordTimestamp(Timestamp.ofEpochMilli(first.timestamp()))
                    .lastRecordTimestamp(Timestamp.ofEpochMilli(last.timestamp()))
                    .build());
        });
        return ranges;
    }

    /**
     * Returns the messages Lambda would write to a Kafka-topic destination ({@code kafka://}) for the batch in
     * {@code event}: one per Kafka record, in the event's order, each keyed with the original record's key ("Lambda
     * uses the same partition key from the original record when producing to the destination topic").
     *
     * <pre>{@code
     * for (TopicMessage m : RecordBuilder.topicMessages(batch, ctx)) {
     *     producer.send(new ProducerRecord<>("failed-records", m.keyBytes().orElse(null), codec.write(m.value())));
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException if the event holds no record
     */
    public static List<TopicMessage> topicMessages(KafkaEvent event, FailureContext ctx) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(ctx, "ctx");
        if (event.recordCount() == 0) {
            throw new IllegalArgumentException("the event holds no record: Lambda never sends an empty batch");
        }
        // The function is invoked with the batch: whether it was too large is a property of the batch.
        FailureContext effective = effective(ctx, payloadSize(event));
        List<TopicMessage> messages = new ArrayList<>();
        event.records().forEach((key, list) -> list.forEach(r -> messages.add(new TopicMessage(
                r.key().isPresent() ? java.util.Optional.of(r.key().get()) : java.util.Optional.empty(),
                topicRecord(event, key, r, effective)))));
        return List.copyOf(messages);
    }

    private static TopicRecord topicRecord(KafkaEvent event, String key, KafkaRecord r, FailureContext effective) {
        KafkaEvent one = event.toBuilder().records(Map.of(key, List.of(r))).build();
        long size = payloadSize(one);
        // AWS's example shows the payload's members sorted at every level.
        JsonObject sorted = (JsonObject) Json.parse(Json.write(RecordCodec.defaults().toJson(one),
                WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT)));
        return TopicRecord.builder()
                .requestContext(requestContext(effective)).responseContext(effective.response())
                .version("1.0").timestamp(Timestamp.of(effective.time()))
                .batchInfo(TopicBatchInfo.builder()
                        .batchSize(1)
                        .eventSourceArn(event.eventSourceArn().isNull() ? JsonField.absent() : event.eventSourceArn())
                        .bootstrapServers(event.bootstrapServers().orElse(""))
                        .payloadSize(size)
                        .recordInfo(RecordInfo.builder().offset(Offset.of(r.offset()))
                                .timestamp(Timestamp.ofEpochMilli(r.timestamp())).build())
                        .build())
                .payload(Payload.ofObject(sorted))
                .build();
    }

    private static FailureContext effective(FailureContext ctx, long payloadSize) {
        if (payloadSize > MAX_PAYLOAD_BYTES) {
            return new FailureContext(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, ctx.functionArn(), ctx.requestId(),
                    ctx.approximateInvokeCount(), JsonField.ofNull(), ctx.time());
        }
        return ctx;
    }

    private static RequestContext requestContext(FailureContext ctx) {
        return RequestContext.builder()
                .requestId(ctx.requestId())
                .functionArn(ctx.functionArn())
                .condition(ctx.condition())
                .approximateInvokeCount(ctx.approximateInvokeCount())
                .build();
    }
}
