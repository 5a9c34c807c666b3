package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;

/** What the two {@code KafkaBatchInfo} shapes share: {@link KafkaBatchInfo} and {@link TopicBatchInfo}. */
public sealed interface BatchInfo permits KafkaBatchInfo, TopicBatchInfo {

    /** The members of {@code KafkaBatchInfo}, in the order AWS writes them; each shape's table takes those it has. */
    enum Members implements Member {
        /** {@code batchSize}. */
        BATCH_SIZE("batchSize", Spec.required(JsonType.INTEGER)),
        /** {@code eventSourceArn}. */
        EVENT_SOURCE_ARN("eventSourceArn", Spec.optional(JsonType.STRING, JsonType.NULL).strictly(JsonType.STRING)),
        /** {@code bootstrapServers}. */
        BOOTSTRAP_SERVERS("bootstrapServers", Spec.required(JsonType.STRING)),
        /** {@code payloadSize}. */
        PAYLOAD_SIZE("payloadSize", Spec.required(JsonType.INTEGER)),
        /** {@code recordsInfo}. */
        RECORDS_INFO("recordsInfo", Spec.required(JsonType.OBJECT)),
        /** {@code recordInfo}. */
        RECORD_INFO("recordInfo", Spec.required(JsonType.OBJECT));

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

    /** {@code batchSize}: the number of records in the discarded batch (1 for a Kafka-topic record). */
    int batchSize();

    /** {@code eventSourceArn}: the MSK cluster ARN; absent or null for self-managed Kafka. */
    JsonField<String> eventSourceArn();

    /** {@code bootstrapServers}: a comma-separated {@code host:port} list. */
    String bootstrapServers();

    /** {@code payloadSize}: the size in bytes of the invocation payload Lambda would have sent. */
    long payloadSize();

    /** Members the model does not know, in the order they were read. */
    Map<String, JsonValue> unknownFields();

    /**
     * Integer members written in another form than the canonical one ({@code 1.0}, {@code 2E0}, {@code -0}, which JSON
     * Schema counts as integers), by member name, as written; empty when every integer is canonical. The typed
     * accessors hold the values; writers write these forms back where they still denote the value.
     */
    Map<String, String> numberText();


}
