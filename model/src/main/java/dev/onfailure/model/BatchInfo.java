package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;

/** What the two {@code KafkaBatchInfo} shapes share: {@link KafkaBatchInfo} and {@link TopicBatchInfo}. */
public sealed interface BatchInfo permits KafkaBatchInfo, TopicBatchInfo {

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
}
