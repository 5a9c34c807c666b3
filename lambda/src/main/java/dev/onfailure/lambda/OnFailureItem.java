package dev.onfailure.lambda;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.RecordReport;
import java.util.Objects;
import java.util.Optional;

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

    /** Returns why the item could not be fetched, when it is {@link Status#UNAVAILABLE}. */
    public Optional<String> problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "OnFailureItem[" + id.text() + ", " + status() + "]";
    }
}
