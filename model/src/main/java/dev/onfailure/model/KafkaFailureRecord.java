package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import dev.onfailure.schema.Kind;

/**
 * A record Lambda sends to an on-failure destination when a Kafka event source mapping discards a batch. One of
 * {@link SqsSnsRecord}, {@link S3Record} or {@link TopicRecord}:
 *
 * <pre>{@code
 * String what = switch (codec.read(bytes)) {
 *     case SqsSnsRecord r -> "offsets of " + r.batchInfo().recordsInfo().keySet();
 *     case S3Record r -> r.payload().event().recordCount() + " records in the payload";
 *     case TopicRecord r -> "the record at offset " + r.batchInfo().recordInfo().offset().text();
 * };
 * }</pre>
 * (Java 21; with {@code instanceof} patterns on Java 17).
 */
public sealed interface KafkaFailureRecord permits SqsSnsRecord, S3Record, TopicRecord {

    /** The members of a failure record, in the order AWS writes them; each kind's table takes those it has. */
    enum Members implements Member {
        /** {@code requestContext}. */
        REQUEST_CONTEXT("requestContext", Spec.required(JsonType.OBJECT)),
        /** {@code responseContext}. */
        RESPONSE_CONTEXT("responseContext", Spec.optional(JsonType.OBJECT, JsonType.NULL)),
        /** {@code version}. */
        VERSION("version", Spec.required(JsonType.STRING)),
        /** {@code timestamp}. */
        TIMESTAMP("timestamp", Spec.required(JsonType.STRING)),
        /** {@code KafkaBatchInfo}. */
        KAFKA_BATCH_INFO("KafkaBatchInfo", Spec.required(JsonType.OBJECT)),
        /** {@code payload}. */
        PAYLOAD("payload", Spec.required(JsonType.STRING, JsonType.OBJECT));

        private final String jsonName;
        private final Spec spec;

        Members(String jsonName, Spec spec) {
            this.jsonName = jsonName;
            this.spec = spec;
        }

        @Override
        public String jsonName() {
            return jsonName;
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    /** Returns the member table of this record's kind. */
    MemberTable<Members> table();

    /** Returns the kind, from the record's shape. */
    Kind kind();

    /** {@code requestContext}. */
    RequestContext requestContext();

    /** {@code responseContext}: absent, null ({@code MaximumPayloadSizeExceeded}) or an object. */
    JsonField<ResponseContext> responseContext();

    /** {@code version}: {@code "1.0"}. */
    String version();

    /** {@code timestamp}: when the record was made. */
    Timestamp timestamp();

    /** {@code KafkaBatchInfo}. */
    BatchInfo batchInfo();

    /** Top-level members the model does not know, in the order they were read. */
    Map<String, JsonValue> unknownFields();

    /** Returns the {@code payload} of an S3 or Kafka-topic record. */
    default Optional<Payload> payloadIfAny() {
        if (this instanceof S3Record s3) {
            return Optional.of(s3.payload());
        }
        if (this instanceof TopicRecord topic) {
            return Optional.of(topic.payload());
        }
        return Optional.empty();
    }
}
