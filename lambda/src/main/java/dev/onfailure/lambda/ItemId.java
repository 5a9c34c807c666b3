package dev.onfailure.lambda;

import java.util.Objects;
import java.util.Optional;

/**
 * Which item of a Lambda event a failure record came in: an SQS message, an SNS message, an S3 object or a message of
 * the {@code kafka://} destination topic.
 *
 * <pre>{@code
 * String where = switch (item.id()) {   // Java 21; on 17, instanceof patterns
 *     case ItemId.SqsMessage m -> m.messageId();
 *     case ItemId.SnsMessage m -> m.messageId();
 *     case ItemId.S3Object o -> o.bucket() + "/" + o.key();
 *     case ItemId.KafkaMessage k -> k.topic() + "-" + k.partition() + "@" + k.offset();
 * };
 * item.id().text();   // the same as one string, for logs and partial batch responses
 * }</pre>
 */
public sealed interface ItemId permits ItemId.SqsMessage, ItemId.SnsMessage, ItemId.S3Object, ItemId.KafkaMessage {

    /**
     * Returns the id as one string: the message id for SQS and SNS, {@code s3://bucket/key} (with
     * {@code ?versionId=...} when versioned) for S3, {@code topic-partition-offset} for Kafka.
     */
    String text();

    /**
     * An SQS message; its id is what a partial batch response names.
     *
     * @param messageId the SQS message id
     */
    record SqsMessage(String messageId) implements ItemId {
        /** Checks for null. */
        public SqsMessage {
            Objects.requireNonNull(messageId, "messageId");
        }

        @Override
        public String text() {
            return messageId;
        }
    }

    /**
     * An SNS message delivered to the function.
     *
     * @param messageId the SNS message id
     */
    record SnsMessage(String messageId) implements ItemId {
        /** Checks for null. */
        public SnsMessage {
            Objects.requireNonNull(messageId, "messageId");
        }

        @Override
        public String text() {
            return messageId;
        }
    }

    /**
     * An S3 object named by an event notification.
     *
     * @param bucket    the bucket
     * @param key       the object key, decoded (notifications carry it URL-encoded)
     * @param versionId the version the notification names, when the bucket is versioned
     */
    record S3Object(String bucket, String key, Optional<String> versionId) implements ItemId {
        /** Checks for nulls. */
        public S3Object {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(versionId, "versionId");
        }

        @Override
        public String text() {
            return "s3://" + bucket + "/" + key + versionId.map(v -> "?versionId=" + v).orElse("");
        }
    }

    /**
     * A message of the Kafka topic an event source mapping reads (the {@code kafka://} destination).
     *
     * @param topic     the topic
     * @param partition the partition
     * @param offset    the offset
     */
    record KafkaMessage(String topic, int partition, long offset) implements ItemId {
        /** Checks for null. */
        public KafkaMessage {
            Objects.requireNonNull(topic, "topic");
        }

        /** Returns the {@code records} key of the Lambda Kafka event: {@code topic-partition}. */
        public String topicPartition() {
            return topic + "-" + partition;
        }

        @Override
        public String text() {
            return topicPartition() + "-" + offset;
        }
    }
}
