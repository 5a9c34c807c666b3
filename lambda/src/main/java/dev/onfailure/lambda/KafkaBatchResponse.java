package dev.onfailure.lambda;

import java.util.List;
import java.util.Objects;

/**
 * The partial batch response of a function on a Kafka event source mapping: the records that failed, as
 * {@code {"batchItemFailures":[{"itemIdentifier":{"partition":"orders-dlq-0","offset":42}}]}}.
 *
 * <p>AWS documents partial batch responses for Kafka event sources (Amazon MSK and self-managed Apache Kafka, in
 * provisioned mode) on "Configuring error handling controls for Kafka event sources"
 * (https://docs.aws.amazon.com/lambda/latest/dg/kafka-retry-configurations.html): turn on
 * {@code ReportBatchItemFailures} in the mapping's {@code FunctionResponseTypes}, or Lambda treats the response as a
 * success. The identifier is an object, the {@code records} key ({@code topic-partition}) and the offset (the shape
 * of {@code KafkaEventResponse} in aws-lambda-rust-runtime and of Powertools for TypeScript's Kafka batch types); as for
 * streams, Lambda resumes each partition from its lowest failed offset.
 *
 * <p>Bean getters, so the Lambda runtime's serializer writes it as above:
 * <pre>{@code
 * KafkaBatchResponse r = KafkaBatchResponse.of(List.of(new KafkaBatchResponse.Failure("orders-dlq-0", 42)));
 * r.getBatchItemFailures().get(0).getItemIdentifier().getOffset();   // 42
 * }</pre>
 */
public final class KafkaBatchResponse {

    private final List<Failure> batchItemFailures;

    private KafkaBatchResponse(List<Failure> failures) {
        this.batchItemFailures = List.copyOf(failures);
    }

    /** Returns a response naming {@code failures} (none: the whole batch succeeded). */
    public static KafkaBatchResponse of(List<Failure> failures) {
        return new KafkaBatchResponse(failures);
    }

    /** Returns the failed records. */
    public List<Failure> getBatchItemFailures() {
        return batchItemFailures;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KafkaBatchResponse r && batchItemFailures.equals(r.batchItemFailures);
    }

    @Override
    public int hashCode() {
        return batchItemFailures.hashCode();
    }

    @Override
    public String toString() {
        return "KafkaBatchResponse" + batchItemFailures;
    }

    /** One failed record. */
    public static final class Failure {

        private final Identifier itemIdentifier;

        /** A failed record at {@code offset} of {@code topicPartition} ({@code topic-partition}). */
        public Failure(String topicPartition, long offset) {
            this.itemIdentifier = new Identifier(topicPartition, offset);
        }

        /** Returns the record's identifier. */
        public Identifier getItemIdentifier() {
            return itemIdentifier;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Failure f && itemIdentifier.equals(f.itemIdentifier);
        }

        @Override
        public int hashCode() {
            return itemIdentifier.hashCode();
        }

        @Override
        public String toString() {
            return itemIdentifier.toString();
        }
    }

    /** A record's identifier: the event's {@code records} key and the offset. */
    public static final class Identifier {

        private final String partition;
        private final long offset;

        Identifier(String partition, long offset) {
            this.partition = Objects.requireNonNull(partition, "partition");
            this.offset = offset;
        }

        /** Returns the {@code records} key: {@code topic-partition}. */
        public String getPartition() {
            return partition;
        }

        /** Returns the offset. */
        public long getOffset() {
            return offset;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identifier i && partition.equals(i.partition) && offset == i.offset;
        }

        @Override
        public int hashCode() {
            return Objects.hash(partition, offset);
        }

        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }
}
