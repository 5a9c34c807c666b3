package dev.onfailure.redrive;

import dev.onfailure.model.BatchInfo;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.RecordInfo;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One topic-partition range of offsets a failure record names, to be read back from the cluster.
 *
 * <pre>{@code
 * List<FetchRange> ranges = FetchRange.of(failureRecord);
 * ranges.get(0).topicPartition();   // orders-eu-3: topic orders-eu, partition 3
 * ranges.get(0).expected();         // 10: the batch's records, or the offset span
 * }</pre>
 *
 * @param requestId      the failure record's {@code requestContext.requestId}
 * @param topicPartition the topic and partition
 * @param first          the first offset, inclusive
 * @param last           the last offset, inclusive
 * @param expected       how many records the range should hold
 * @param basis          where {@code expected} comes from
 */
public record FetchRange(String requestId, TopicPartition topicPartition, long first, long last, long expected,
        Basis basis) {

    /** Where a range's expected count comes from. */
    public enum Basis {
        /** The number of the payload's records for this topic-partition (S3 and Kafka-topic records). */
        PAYLOAD,
        /** {@code batchSize}, the failure record's only range. */
        BATCH_SIZE,
        /** The offset span {@code last - first + 1}: {@code batchSize} is shared by several ranges. */
        SPAN;

        /** Returns the name used in reports: {@code payload}, {@code batchSize} or {@code span}. */
        public String id() {
            return this == BATCH_SIZE ? "batchSize" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException if an offset is negative or {@code first > last}
     */
    public FetchRange {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(topicPartition, "topicPartition");
        Objects.requireNonNull(basis, "basis");
        if (first < 0 || last < 0) {
            throw new IllegalArgumentException(topicPartition.key() + ": a negative offset");
        }
        if (first > last) {
            throw new IllegalArgumentException(topicPartition.key() + ": first offset " + first
                    + " is after last offset " + last);
        }
    }

    /** Returns the offset span, {@code last - first + 1} ({@link Long#MAX_VALUE} for {@code 0..Long.MAX_VALUE}). */
    public long span() {
        return span(first, last);
    }

    /** {@code last - first + 1}, which for {@code 0..Long.MAX_VALUE} is one more than a long holds. */
    private static long span(long first, long last) {
        return last - first == Long.MAX_VALUE ? Long.MAX_VALUE : last - first + 1;
    }

    /** Returns true if {@code offset} is within the range. */
    public boolean contains(long offset) {
        return offset >= first && offset <= last;
    }

    /**
     * Returns the ranges {@code record} names, in its order: {@code recordsInfo} of an SQS/SNS or S3 record, or the
     * one offset of a Kafka-topic record (whose topic-partition is its payload's).
     *
     * @throws IllegalArgumentException if a key is not {@code <topic>-<partition>}, an offset is not decimal or is
     *                                  beyond int64, or the first offset is after the last; the message says which
     */
    public static List<FetchRange> of(KafkaFailureRecord record) {
        String requestId = record.requestContext().requestId();
        BatchInfo info = record.batchInfo();
        Map<String, Integer> counts = payloadCounts(record);
        List<FetchRange> out = new ArrayList<>();
        if (info instanceof KafkaBatchInfo batch && batch.isSingleRecord()) {
            // The single-record form emulators write: a batch of one, read as a Kafka-topic record's recordInfo.
            out.add(single(requestId, batch.recordInfo().value().orElseThrow(), counts));
        } else if (info instanceof KafkaBatchInfo batch) {
            Map<String, RecordRange> ranges = batch.recordsInfo();
            for (Map.Entry<String, RecordRange> e : ranges.entrySet()) {
                String key = e.getKey();
                TopicPartition tp = TopicPartition.parse(key).orElseThrow(() -> new IllegalArgumentException(
                        "recordsInfo key \"" + key + "\" is not <topic>-<partition>"));
                long first = offset(e.getValue().firstRecordOffset(), key, "firstRecordOffset");
                long last = offset(e.getValue().lastRecordOffset(), key, "lastRecordOffset");
                if (first > last) {
                    throw new IllegalArgumentException("recordsInfo/" + key + ": firstRecordOffset " + first
                            + " is after lastRecordOffset " + last);
                }
                Integer count = counts.get(key);
                if (count != null) {
                    out.add(new FetchRange(requestId, tp, first, last, count, Basis.PAYLOAD));
                } else if (ranges.size() == 1) {
                    out.add(new FetchRange(requestId, tp, first, last, batch.batchSize(), Basis.BATCH_SIZE));
                } else {
                    out.add(new FetchRange(requestId, tp, first, last, span(first, last), Basis.SPAN));
                }
            }
        } else if (info instanceof TopicBatchInfo topic) {
            out.add(single(requestId, topic.recordInfo(), counts));
        }
        return out;
    }

    /** The one offset of {@code info}, at the one topic-partition the payload's records name. */
    private static FetchRange single(String requestId, RecordInfo info, Map<String, Integer> counts) {
        long offset = offset(info.offset(), "recordInfo", "offset");
        if (counts.size() != 1) {
            throw new IllegalArgumentException("a record with recordInfo names its topic-partition only through its"
                    + " payload, which must hold one topic-partition; it holds " + counts.size());
        }
        String key = counts.keySet().iterator().next();
        TopicPartition tp = TopicPartition.parse(key).orElseThrow(() -> new IllegalArgumentException(
                "payload records key \"" + key + "\" is not <topic>-<partition>"));
        return new FetchRange(requestId, tp, offset, offset, 1, Basis.PAYLOAD);
    }

    private static Map<String, Integer> payloadCounts(KafkaFailureRecord record) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        record.payloadIfAny().filter(p -> p.isEvent()).ifPresent(p -> {
            KafkaEvent event = p.event();
            for (KafkaRecord r : event.allRecords()) {
                counts.merge(r.topic() + "-" + r.partition(), 1, Integer::sum);
            }
        });
        return counts;
    }

    private static long offset(dev.onfailure.model.Offset offset, String key, String member) {
        try {
            return KafkaRecords.offset(offset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "/" + member + ": " + e.getMessage(), e);
        }
    }
}
