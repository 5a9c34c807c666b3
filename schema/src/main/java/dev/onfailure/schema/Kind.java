package dev.onfailure.schema;

import java.util.List;
import java.util.Optional;

/**
 * The project's one vocabulary of kinds: the three shapes of Kafka failure record, one per destination, and the Kafka
 * invocation event that an S3 or Kafka-topic record's {@code payload} holds. Each has one JSON Schema per
 * {@link Profile}; the ids are the schemas' names. The model tells a record's kind, the validator reports it, the
 * generators make records of it and the command names it with {@link #id()}.
 *
 * <pre>{@code
 * Kind.S3.id();                       // "kafka.s3"
 * Kind.fromId("kafka.topic");         // Optional[TOPIC]
 * Kind.records();                     // [SQS_SNS, S3, TOPIC]: what a destination receives
 * SchemaCatalog.id(Kind.EVENT, Profile.STRICT);
 * }</pre>
 */
public enum Kind {
    /** The record sent to an SQS queue or SNS topic: metadata only, no {@code payload}. */
    SQS_SNS("kafka.sqs-sns", "Kafka failure record for SQS and SNS destinations"),
    /** The record written to an S3 bucket: the SQS/SNS record plus {@code payload}, the whole invocation event. */
    S3("kafka.s3", "Kafka failure record for S3 destinations"),
    /** The record written to a Kafka topic ({@code kafka://}): one per failed record, with the event reduced to it. */
    TOPIC("kafka.topic", "Kafka failure record for Kafka-topic destinations"),
    /** The Kafka invocation event: no record, but what a record's {@code payload} holds. */
    EVENT("kafka.event", "Kafka invocation event");

    private static final List<Kind> RECORDS = List.of(SQS_SNS, S3, TOPIC);

    private final String id;
    private final String title;

    Kind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the kind's id, such as {@code kafka.s3}: the schema's file name without {@code .json}. */
    public String id() {
        return id;
    }

    /** Returns a short title for people. */
    public String title() {
        return title;
    }

    /** Returns true for the kinds of failure record (every kind but {@link #EVENT}). */
    public boolean isRecord() {
        return this != EVENT;
    }

    /** Returns the kinds of failure record, one per destination shape, in this order. */
    public static List<Kind> records() {
        return RECORDS;
    }

    /** Returns the kind with id {@code id}. */
    public static Optional<Kind> fromId(String id) {
        for (Kind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
