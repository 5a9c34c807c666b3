package dev.onfailure.redrive;

import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record to redrive, and the request id of the failure record that named it (for the provenance header).
 *
 * <pre>{@code
 * new RedriveRecord(failure.requestContext().requestId(), consumerRecord);
 * }</pre>
 *
 * @param requestId the failure record's {@code requestContext.requestId}
 * @param record    the original record
 */
public record RedriveRecord(String requestId, ConsumerRecord<byte[], byte[]> record) {

    /** Checks for nulls. */
    public RedriveRecord {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(record, "record");
    }

    /** Returns {@code topic partition offset}: what identifies the original record in a checkpoint. */
    public String identity() {
        return identity(record.topic(), record.partition(), record.offset());
    }

    static String identity(String topic, int partition, long offset) {
        return topic + " " + partition + " " + offset;
    }
}
