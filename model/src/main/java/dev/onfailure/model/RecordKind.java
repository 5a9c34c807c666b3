package dev.onfailure.model;

import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import java.util.Optional;

/**
 * The kinds of Kafka failure record, one per destination shape. The ids are the names of the JSON Schemas.
 *
 * <pre>{@code
 * RecordKind.detect(jsonObject);       // Optional[S3] when it has KafkaBatchInfo and payload
 * RecordKind.S3.id();                  // "kafka.s3"
 * }</pre>
 */
public enum RecordKind {
    /** Sent to an SQS queue or SNS topic: no {@code payload}. */
    SQS_SNS("kafka.sqs-sns"),
    /** Written to an S3 bucket: the SQS/SNS record plus {@code payload}, the whole invocation event. */
    S3("kafka.s3"),
    /** Written to a Kafka topic ({@code kafka://}): one per failed record, {@code recordInfo} and {@code payload}. */
    TOPIC("kafka.topic");

    private final String id;

    RecordKind(String id) {
        this.id = id;
    }

    /** Returns the kind's id, such as {@code kafka.sqs-sns}. */
    public String id() {
        return id;
    }

    /** Returns the kind with id {@code id}. */
    public static Optional<RecordKind> fromId(String id) {
        for (RecordKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells the kind of a JSON object from its members: a Kafka failure record has {@code KafkaBatchInfo}; one with
     * {@code KafkaBatchInfo.recordInfo} is a Kafka-topic record; otherwise one with {@code payload} is an S3 record,
     * and one without is an SQS/SNS record. Empty for anything else.
     */
    public static Optional<RecordKind> detect(JsonObject record) {
        Optional<JsonValue> info = record.get("KafkaBatchInfo");
        if (info.isEmpty()) {
            return Optional.empty();
        }
        if (info.get() instanceof JsonObject o && o.has("recordInfo") && !o.has("recordsInfo")) {
            return Optional.of(TOPIC);
        }
        return Optional.of(record.has("payload") ? S3 : SQS_SNS);
    }
}
