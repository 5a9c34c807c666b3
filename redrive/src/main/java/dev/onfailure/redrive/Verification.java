package dev.onfailure.redrive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Compares the records a failure record's payload carries with the cluster's copy, record by record: key, value,
 * headers (names, order, bytes), timestamp and its type.
 *
 * <pre>{@code
 * List<Verification.Difference> d = Verification.compare(payloadRecords, fetchedRecords);
 * // [orders-0@15: value differs (12 bytes in the payload, 14 in the cluster)]
 * }</pre>
 */
public final class Verification {

    private Verification() {
    }

    /**
     * One difference between the payload and the cluster.
     *
     * @param topic     the topic
     * @param partition the partition
     * @param offset    the offset
     * @param what      what differs, for people
     */
    public record Difference(String topic, int partition, long offset, String what) {
        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset + ": " + what;
        }
    }

    /**
     * Returns the differences between {@code payload} and {@code cluster}, in the payload's order, then records only
     * the cluster has.
     */
    public static List<Difference> compare(List<ConsumerRecord<byte[], byte[]>> payload,
            List<ConsumerRecord<byte[], byte[]>> cluster) {
        Map<String, ConsumerRecord<byte[], byte[]>> byOffset = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> c : cluster) {
            byOffset.put(c.topic() + "-" + c.partition() + "@" + c.offset(), c);
        }
        List<Difference> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> p : payload) {
            ConsumerRecord<byte[], byte[]> c = byOffset.remove(p.topic() + "-" + p.partition() + "@" + p.offset());
            if (c == null) {
                out.add(new Difference(p.topic(), p.partition(), p.offset(), "in the payload, not in the cluster"));
                continue;
            }
            List<String> what = new ArrayList<>();
            if (!Arrays.equals(p.key(), c.key())) {
                what.add("key differs (" + describe(p.key()) + " in the payload, " + describe(c.key())
                        + " in the cluster)");
            }
            if (!Arrays.equals(p.value(), c.value())) {
                what.add("value differs (" + describe(p.value()) + " in the payload, " + describe(c.value())
                        + " in the cluster)");
            }
            if (!Arrays.equals(p.headers().toArray(), c.headers().toArray())) {
                what.add("headers differ (" + p.headers().toArray().length + " in the payload, "
                        + c.headers().toArray().length + " in the cluster)");
            }
            if (p.timestamp() != c.timestamp() || p.timestampType() != c.timestampType()) {
                what.add("timestamp differs (" + p.timestamp() + " " + p.timestampType().name() + " in the payload, "
                        + c.timestamp() + " " + c.timestampType().name() + " in the cluster)");
            }
            if (!what.isEmpty()) {
                out.add(new Difference(p.topic(), p.partition(), p.offset(), String.join("; ", what)));
            }
        }
        for (ConsumerRecord<byte[], byte[]> c : byOffset.values()) {
            out.add(new Difference(c.topic(), c.partition(), c.offset(), "in the cluster, not in the payload"));
        }
        return out;
    }

    private static String describe(byte[] b) {
        return b == null ? "null" : b.length + " bytes";
    }
}
