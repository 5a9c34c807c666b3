package dev.onfailure.schema;

import java.util.Optional;

/**
 * The documents the catalogue holds: one per kind of Kafka failure record, and one for the Kafka invocation event
 * that a record's {@code payload} holds.
 */
public enum SchemaKind {
    /** The record sent to an SQS queue or SNS topic. */
    SQS_SNS("kafka.sqs-sns", "Kafka failure record for SQS and SNS destinations"),
    /** The record written to an S3 bucket, with the whole invocation event as {@code payload}. */
    S3("kafka.s3", "Kafka failure record for S3 destinations"),
    /** The record written to a Kafka topic ({@code kafka://}), one per failed record. */
    TOPIC("kafka.topic", "Kafka failure record for Kafka-topic destinations"),
    /** The Kafka invocation event. */
    EVENT("kafka.event", "Kafka invocation event");

    private final String id;
    private final String title;

    SchemaKind(String id, String title) {
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

    /** Returns the kind with id {@code id}. */
    public static Optional<SchemaKind> fromId(String id) {
        for (SchemaKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
