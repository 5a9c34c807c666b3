package dev.onfailure.sources;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one document came from. {@link #source()} is what reports show: {@code s3://bucket/key},
 * {@code sqs://queue#messageId} or {@code kafka://topic/partition@offset}.
 *
 * <pre>{@code
 * System.out.println(document.origin().source());          // s3://dlq-bucket/aws/lambda/.../2026-11-30T...
 * if (document.origin() instanceof Origin.S3Object o) {
 *     o.mapping().ifPresent(m -> System.out.println(m.mappingUuid() + " " + m.date()));
 * } else if (document.origin() instanceof Origin.KafkaMessage k) {
 *     System.out.println(k.partition() + "@" + k.offset() + " key " + k.key().map(Origin.Bytes::utf8));
 * }
 * }</pre>
 */
public sealed interface Origin permits Origin.S3Object, Origin.SqsMessage, Origin.KafkaMessage {

    /** Returns the origin as reports show it. */
    String source();

    /**
     * An S3 object.
     *
     * @param bucket       the bucket
     * @param key          the object's key
     * @param lastModified when it was last written
     * @param size         its size in bytes, as listed
     */
    record S3Object(String bucket, String key, Instant lastModified, long size) implements Origin {
        /** Checks for nulls. */
        public S3Object {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(lastModified, "lastModified");
        }

        @Override
        public String source() {
            return "s3://" + bucket + "/" + key;
        }

        /** Returns what the key says when it follows the layout AWS uses for event-source-mapping failures. */
        public Optional<MappingKey> mapping() {
            return MappingKey.parse(key);
        }
    }

    /**
     * What an object key under {@code aws/lambda/<mapping-uuid>/<shard or topic-partition>/YYYY/MM/DD/...} says. AWS
     * documents this layout for Kinesis and DynamoDB Streams mappings; for Kafka it is not documented (emulators use
     * it with {@code <topic>-<partition>}), so a key that does not follow it is simply not described.
     *
     * @param mappingUuid the event source mapping's UUID
     * @param shard       the shard id or topic-partition segment, as written
     * @param date        the date in the key
     */
    record MappingKey(String mappingUuid, String shard, LocalDate date) {

        private static final Pattern LAYOUT = Pattern.compile(
                "aws/lambda/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/([^/]+)/"
                        + "(\\d{4})/(\\d{2})/(\\d{2})/.+");

        /** Checks for nulls. */
        public MappingKey {
            Objects.requireNonNull(mappingUuid, "mappingUuid");
            Objects.requireNonNull(shard, "shard");
            Objects.requireNonNull(date, "date");
        }

        /** Returns what {@code key} says, or empty when it does not follow the layout (or names no real date). */
        public static Optional<MappingKey> parse(String key) {
            Matcher m = LAYOUT.matcher(key);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new MappingKey(m.group(1), m.group(2),
                        LocalDate.parse(m.group(3) + "-" + m.group(4) + "-" + m.group(5))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * An SQS message. It stays in the queue (and comes back after its visibility timeout) unless deleted with
     * {@link Source#delete(Document)}.
     *
     * @param queueUrl  the queue's URL
     * @param queue     the queue as the location gave it (name or URL)
     * @param messageId the message id
     * @param sentAt    when it was sent, when SQS says so
     */
    record SqsMessage(String queueUrl, String queue, String messageId, Optional<Instant> sentAt) implements Origin {
        /** Checks for nulls. */
        public SqsMessage {
            Objects.requireNonNull(queueUrl, "queueUrl");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(sentAt, "sentAt");
        }

        @Override
        public String source() {
            return "sqs://" + queue + "#" + messageId;
        }
    }

    /**
     * A Kafka message.
     *
     * @param topic     the topic
     * @param partition the partition
     * @param offset    the offset
     * @param timestamp the message's timestamp
     * @param key       the key's bytes, empty when the message has none
     * @param headers   the headers, in order (a name may repeat)
     */
    record KafkaMessage(String topic, int partition, long offset, Instant timestamp, Optional<Bytes> key,
            List<Header> headers) implements Origin {
        /** Copies the headers. */
        public KafkaMessage {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(key, "key");
            headers = List.copyOf(headers);
        }

        @Override
        public String source() {
            return "kafka://" + topic + "/" + partition + "@" + offset;
        }
    }

    /**
     * A Kafka header.
     *
     * @param name  its name
     * @param value its value, empty when null
     */
    record Header(String name, Optional<Bytes> value) {
        /** Checks for nulls. */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Immutable bytes (a Kafka key or header value), shown as UTF-8 text when they are. */
    final class Bytes {
        private final byte[] bytes;

        private Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Returns a copy of {@code bytes}. */
        public static Bytes of(byte[] bytes) {
            return new Bytes(bytes.clone());
        }

        /**
         * {@code bytes} themselves, for an array nobody else holds or changes: a key or header value the consumer
         * has just copied out of its fetch for this message alone.
         */
        static Bytes owned(byte[] bytes) {
            return new Bytes(bytes);
        }

        /** Returns a copy of the bytes. */
        public byte[] toArray() {
            return bytes.clone();
        }

        /** Returns the bytes decoded as UTF-8 (malformed input replaced). */
        public String utf8() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return utf8();
        }
    }
}
