package dev.onfailure.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A Kafka topic and partition, as named by a {@code recordsInfo} key {@code "<topic>-<partition>"}.
 *
 * <p>Topic names may contain hyphens, so a key is split on its <em>last</em> hyphen:
 *
 * <pre>{@code
 * TopicPartition.parse("orders-eu-west-1-12");   // Optional[orders-eu-west-1-12]: topic orders-eu-west-1, partition 12
 * TopicPartition.parse("Topic");                 // Optional.empty
 * new TopicPartition("orders", 3).key();         // "orders-3"
 * }</pre>
 *
 * @param topic     a legal Kafka topic name
 * @param partition a partition, at least 0
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

    /** The longest legal topic name (Kafka's {@code Topic.MAX_NAME_LENGTH}). */
    public static final int MAX_TOPIC_LENGTH = 249;

    /** The characters of a legal topic name: {@code [a-zA-Z0-9._-]}. */
    private static final boolean[] LEGAL = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            LEGAL[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
        }
    }

    /**
     * Checks the topic name and partition.
     *
     * @throws IllegalArgumentException if the topic is not a legal Kafka topic name or the partition is negative
     */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (!isLegalTopic(topic)) {
            throw new IllegalArgumentException("not a legal Kafka topic name: " + topic);
        }
        if (partition < 0) {
            throw new IllegalArgumentException("negative partition: " + partition);
        }
    }

    /**
     * Parses a {@code recordsInfo} key. The key must be exactly {@code topic + "-" + partition}: a legal topic, a
     * hyphen, and a partition in canonical decimal (no sign, no leading zero) that fits an int32.
     */
    public static Optional<TopicPartition> parse(String key) {
        int hyphen = key.lastIndexOf('-');
        if (hyphen <= 0 || hyphen == key.length() - 1) {
            return Optional.empty();
        }
        String topic = key.substring(0, hyphen);
        String digits = key.substring(hyphen + 1);
        if (!isLegalTopic(topic) || !isCanonicalPartition(digits)) {
            return Optional.empty();
        }
        return Optional.of(new TopicPartition(topic, Integer.parseInt(digits)));
    }

    /**
     * Returns true if {@link #parse(String)} would parse {@code key}, without making anything: for checking many keys.
     *
     * <pre>{@code
     * TopicPartition.isKey("orders-eu-3");   // true
     * TopicPartition.isKey("orders-03");     // false: a leading zero
     * }</pre>
     */
    public static boolean isKey(String key) {
        int hyphen = key.lastIndexOf('-');
        int n = key.length();
        int digits = n - hyphen - 1;
        if (hyphen <= 0 || digits == 0 || digits > 10 || (digits > 1 && key.charAt(hyphen + 1) == '0')
                || !isLegalTopic(key, 0, hyphen)) {
            return false;
        }
        long partition = 0;
        for (int i = hyphen + 1; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            partition = partition * 10 + (c - '0');
        }
        return partition <= Integer.MAX_VALUE;
    }

    /**
     * Returns true if {@code topic} is a legal Kafka topic name: 1 to 249 characters from {@code [a-zA-Z0-9._-]}, and
     * neither {@code .} nor {@code ..} (the rules of Kafka's {@code Topic.validate}). No regular expression is used,
     * so any length of input is safe.
     */
    public static boolean isLegalTopic(String topic) {
        return isLegalTopic(topic, 0, topic.length());
    }

    /** {@link #isLegalTopic(String)} of the characters of {@code s} from {@code start} to {@code end}. */
    private static boolean isLegalTopic(String topic, int start, int end) {
        int n = end - start;
        if (n == 0 || n > MAX_TOPIC_LENGTH || (n <= 2 && topic.charAt(start) == '.'
                && topic.charAt(end - 1) == '.')) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = topic.charAt(i);
            if (c >= 128 || !LEGAL[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCanonicalPartition(String digits) {
        if (digits.isEmpty() || digits.length() > 10 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Long.parseLong(digits) <= Integer.MAX_VALUE;
    }

    /** Returns the {@code recordsInfo} key: {@code topic-partition}. */
    public String key() {
        return topic + "-" + partition;
    }

    @Override
    public int compareTo(TopicPartition other) {
        int c = topic.compareTo(other.topic);
        return c != 0 ? c : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return key();
    }
}
