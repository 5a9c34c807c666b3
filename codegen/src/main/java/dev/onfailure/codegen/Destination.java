package dev.onfailure.codegen;

import java.util.Optional;

/** Where Lambda sends the failure record; each gets its own shape of record. */
public enum Destination {
    /** An SQS queue or SNS topic: metadata only. */
    SQS_SNS("sqs-sns"),
    /** An S3 bucket: metadata plus the whole event as an escaped JSON string. */
    S3("s3"),
    /** A Kafka topic ({@code kafka://}): one record per failed Kafka record, each with the event reduced to it. */
    TOPIC("topic");

    private final String id;

    Destination(String id) {
        this.id = id;
    }

    /** Returns the name used on the command line: {@code sqs-sns}, {@code s3} or {@code topic}. */
    public String id() {
        return id;
    }

    /** Returns the destination named {@code id}. */
    public static Optional<Destination> fromId(String id) {
        for (Destination d : values()) {
            if (d.id.equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
