package dev.onfailure.redrive;

import dev.onfailure.model.TopicPartition;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a redrive sends records: one topic, or back to the topic and partition each record came from.
 *
 * <pre>{@code
 * Target.topic("orders-replay");   // records keep their keys; Kafka's partitioner picks the partition
 * Target.source();                 // each record to its own topic and partition
 * }</pre>
 */
public final class Target {

    private final String topic;

    private Target(String topic) {
        this.topic = topic;
    }

    /**
     * Returns the target topic {@code name}.
     *
     * @throws IllegalArgumentException if {@code name} is not a legal Kafka topic name
     */
    public static Target topic(String name) {
        Objects.requireNonNull(name, "name");
        if (!TopicPartition.isLegalTopic(name)) {
            throw new IllegalArgumentException("not a legal Kafka topic name: " + name);
        }
        return new Target(name);
    }

    /** Returns the target that sends each record back to its own topic and partition. */
    public static Target source() {
        return new Target(null);
    }

    /** Returns the one target topic, or empty for {@link #source()}. */
    public Optional<String> topicName() {
        return Optional.ofNullable(topic);
    }

    /** Returns true for {@link #source()}. */
    public boolean isSource() {
        return topic == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && Objects.equals(topic, t.topic);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(topic);
    }

    /** Returns {@code topic:<name>} or {@code source}, as a checkpoint names its target. */
    @Override
    public String toString() {
        return topic == null ? "source" : "topic:" + topic;
    }
}
