package dev.onfailure.codegen;

import dev.onfailure.model.TopicRecord;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A message Lambda writes to a Kafka-topic destination: the original record's key and the failure record as its
 * value. AWS: "Lambda uses the same partition key from the original record when producing to the destination topic.
 * If the original record had no key, Lambda uses Kafka's default round-robin partitioning".
 *
 * <pre>{@code
 * TopicMessage m = RecordBuilder.topicMessages(batch, ctx).get(0);
 * m.key();        // Optional["dGVzdC1rZXk="], base64 as in the event
 * m.keyBytes();   // Optional[the key's bytes], for a producer
 * }</pre>
 *
 * @param key   the original record's key, base64 as the event carries it; empty when the record had none (absent or
 *              null in the event)
 * @param value the failure record written as the message's value
 */
public record TopicMessage(Optional<String> key, TopicRecord value) {

    /** Checks for nulls. */
    public TopicMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the key's bytes, decoded from base64.
     *
     * @throws IllegalArgumentException if the event's key is not base64
     */
    public Optional<byte[]> keyBytes() {
        return key.map(k -> Base64.getDecoder().decode(k));
    }
}
