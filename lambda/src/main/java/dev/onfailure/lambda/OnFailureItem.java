package dev.onfailure.lambda;

import dev.onfailure.json.ReadException;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.redrive.KafkaRecords;
import dev.onfailure.validator.RecordReport;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One item of a Lambda event, read as a failure record: which item it is, the typed record, and its report.
 *
 * <pre>{@code
 * for (OnFailureItem item : OnFailureRecords.from(sqsEvent)) {
 *     switch (item.status()) {
 *         case VALID -> reprocess(item.record().orElseThrow());
 *         case INVALID -> item.report().orElseThrow().findings().forEach(f -> log(item.id(), f));
 *         case UNAVAILABLE -> log(item.id(), item.problem().orElseThrow());   // an S3 object that could not be fetched
 *     }
 * }
 * }</pre>
 */
public final class OnFailureItem {

    /** What became of the item. */
    public enum Status {
        /** A record with no error under the profile (warnings allowed): {@link #record()} is present. */
        VALID,
        /** The report has errors; the record is present only when it could still be read. */
        INVALID,
        /** The item could not be fetched (an S3 object that is missing or forbidden): {@link #problem()} says why. */
        UNAVAILABLE
    }

    private final ItemId id;
    private final Optional<KafkaFailureRecord> record;
    private final Optional<RecordReport> report;
    private final Optional<String> problem;

    private OnFailureItem(ItemId id, Optional<KafkaFailureRecord> record, Optional<RecordReport> report,
            Optional<String> problem) {
        this.id = Objects.requireNonNull(id, "id");
        this.record = record;
        this.report = report;
        this.problem = problem;
    }

    /** An item that was read and validated; {@code record} is empty when it could not be read as a record. */
    static OnFailureItem read(ItemId id, Optional<KafkaFailureRecord> record, RecordReport report) {
        return new OnFailureItem(id, record, Optional.of(report), Optional.empty());
    }

    /** An item that could not be fetched. */
    static OnFailureItem unavailable(ItemId id, String problem) {
        return new OnFailureItem(id, Optional.empty(), Optional.empty(), Optional.of(problem));
    }

    /** Returns which item of the event this is. */
    public ItemId id() {
        return id;
    }

    /** Returns {@link Status#VALID}, {@link Status#INVALID} or {@link Status#UNAVAILABLE}. */
    public Status status() {
        if (problem.isPresent()) {
            return Status.UNAVAILABLE;
        }
        return report.orElseThrow().valid() && record.isPresent() ? Status.VALID : Status.INVALID;
    }

    /** Returns true if the status is {@link Status#VALID}. */
    public boolean valid() {
        return status() == Status.VALID;
    }

    /**
     * Returns the typed record, exactly what {@code RecordCodec} reads from the same document: present for every valid
     * item and for an invalid one that could still be read (a semantic error such as an offset order).
     */
    public Optional<KafkaFailureRecord> record() {
        return record;
    }

    /**
     * Returns the report under the chosen profile; its {@code location} is the record's JSON Pointer inside the Lambda
     * event ({@code /Records/0/body}, {@code /Records/0/body/Message} for an SNS notification delivered through SQS,
     * {@code /records/orders-dlq-0/3/value} for Kafka, {@code ""} for an S3 object). Empty only when the item is
     * unavailable.
     */
    public Optional<RecordReport> report() {
        return report;
    }

    /**
     * Returns the discarded Kafka records the record carries in its {@code payload} (an S3 record: the whole batch; a
     * {@code kafka://} record: the one failed record), as Kafka's consumer would have handed them over: the same
     * {@code ConsumerRecord<byte[], byte[]>} Powertools for AWS Lambda's Kafka utility gives for the invocation event
     * (keys, values and header values decoded from base64 and from arrays of signed bytes, byte for byte; an absent or
     * null key a {@code null} key; a null value a tombstone; {@code CREATE_TIME} and {@code LOG_APPEND_TIME} as
     * Kafka's {@code TimestampType}; headers in order, repeated names kept, and open to additions as a consumer's
     * are). One difference: the serialized key and value sizes are the byte lengths, as Kafka's consumer gives them,
     * where Powertools gives {@code ConsumerRecord.NULL_SIZE}. The conversion is the redrive module's
     * ({@code KafkaRecords.toConsumerRecords}), the one the whole project uses.
     *
     * <pre>{@code
     * for (ConsumerRecord<byte[], byte[]> r : item.consumerRecords()) {
     *     process(r);   // the function's own record handler, called again
     * }
     * }</pre>
     *
     * <p>Empty when there is no record or it has no payload (an SQS/SNS record names offsets only: read them back
     * with {@code RangeFetcher}).
     *
     * @throws IllegalArgumentException when the payload is not a Kafka event or one of its records cannot be a Kafka
     *                                  record (a key that is not base64, an unknown timestamp type); the message names
     *                                  the item and the record, e.g. {@code orders-dlq-0-10: record orders-3@4242: key is
     *                                  not base64 (...)}
     */
    public List<ConsumerRecord<byte[], byte[]>> consumerRecords() {
        Optional<Payload> payload = record.flatMap(KafkaFailureRecord::payloadIfAny);
        if (payload.isEmpty()) {
            return List.of();
        }
        KafkaEvent event;
        try {
            event = payload.get().event();
        } catch (ReadException e) {
            throw new IllegalArgumentException(id.text() + ": the payload is not a Kafka event: " + e.getMessage(), e);
        }
        try {
            return KafkaRecords.toConsumerRecords(event);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(id.text() + ": " + e.getMessage(), e);
        }
    }

    /** Returns why the item could not be fetched, when it is {@link Status#UNAVAILABLE}. */
    public Optional<String> problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "OnFailureItem[" + id.text() + ", " + status() + "]";
    }
}
