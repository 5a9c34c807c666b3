package dev.onfailure.sources;

import java.util.Locale;
import java.util.Objects;

/**
 * Where failure records live: an S3 prefix, an SQS queue, or a Kafka topic, parsed from the form people type.
 *
 * <pre>{@code
 * Location.parse("s3://dlq-bucket/aws/lambda/");         // every object under the prefix
 * Location.parse("sqs://orders-dlq");                    // a queue name (its URL is looked up)
 * Location.parse("sqs://https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq");
 * Location.parse("kafka://orders-failures");             // every partition, earliest to the end taken at start
 * Location.isLocation("records.json");                   // false: a local path
 * }</pre>
 */
public sealed interface Location permits Location.S3, Location.Sqs, Location.Kafka {

    /** Returns the location as it is written, such as {@code s3://bucket/prefix}. */
    String uri();

    /** Returns true if {@code text} starts with {@code s3://}, {@code sqs://} or {@code kafka://} (any case). */
    static boolean isLocation(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.startsWith("s3://") || t.startsWith("sqs://") || t.startsWith("kafka://");
    }

    /**
     * Parses {@code s3://bucket[/prefix]}, {@code sqs://queue-name-or-url} or {@code kafka://topic}.
     *
     * @throws IllegalArgumentException with a message for people when {@code text} is none of them
     */
    static Location parse(String text) {
        Objects.requireNonNull(text, "text");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://")) {
            String rest = text.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : rest.substring(slash + 1);
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException(text + ": not an S3 location: the bucket name must be 3 to 63"
                        + " lowercase letters, digits, dots and hyphens (s3://bucket/prefix)");
            }
            return new S3(bucket, prefix);
        }
        if (lower.startsWith("sqs://")) {
            String queue = text.substring(6);
            if (queue.isEmpty()) {
                throw new IllegalArgumentException(text + ": not an SQS location: give a queue name or URL"
                        + " (sqs://orders-dlq or sqs://https://sqs.REGION.amazonaws.com/ACCOUNT/orders-dlq)");
            }
            return new Sqs(queue);
        }
        if (lower.startsWith("kafka://")) {
            String topic = text.substring(8);
            if (!topic.matches("[a-zA-Z0-9._-]{1,249}") || topic.equals(".") || topic.equals("..")) {
                throw new IllegalArgumentException(text + ": not a Kafka location: the topic name must be 1 to 249"
                        + " letters, digits, dots, underscores and hyphens (kafka://topic)");
            }
            return new Kafka(topic);
        }
        throw new IllegalArgumentException(text + ": not a location: expected s3://bucket/prefix, sqs://queue or"
                + " kafka://topic");
    }

    /**
     * Every object in {@code bucket} whose key starts with {@code prefix}.
     *
     * @param bucket the bucket
     * @param prefix the key prefix; empty for the whole bucket
     */
    record S3(String bucket, String prefix) implements Location {
        /** Checks for nulls. */
        public S3 {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public String uri() {
            return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
        }
    }

    /**
     * An SQS queue.
     *
     * @param queue the queue's name, or its URL ({@code https://...})
     */
    record Sqs(String queue) implements Location {
        /** Checks for nulls. */
        public Sqs {
            Objects.requireNonNull(queue, "queue");
        }

        /** Returns true if the queue is given by URL rather than by name. */
        public boolean isUrl() {
            String q = queue.toLowerCase(Locale.ROOT);
            return q.startsWith("http://") || q.startsWith("https://");
        }

        /** Returns the queue's name: the last path segment of a URL, or the name as given. */
        public String name() {
            if (!isUrl()) {
                return queue;
            }
            String q = queue.endsWith("/") ? queue.substring(0, queue.length() - 1) : queue;
            return q.substring(q.lastIndexOf('/') + 1);
        }

        @Override
        public String uri() {
            return "sqs://" + queue;
        }
    }

    /**
     * A Kafka topic, every partition.
     *
     * @param topic the topic
     */
    record Kafka(String topic) implements Location {
        /** Checks for nulls. */
        public Kafka {
            Objects.requireNonNull(topic, "topic");
        }

        @Override
        public String uri() {
            return "kafka://" + topic;
        }
    }
}
