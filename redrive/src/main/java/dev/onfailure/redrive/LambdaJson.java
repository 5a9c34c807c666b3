package dev.onfailure.redrive;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.RecordCodec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;

/**
 * Writes Kafka records as Lambda's Kafka invocation event does: one record as a JSON object, or a whole event.
 *
 * <pre>{@code
 * LambdaJson.record(consumerRecord);
 * // {"topic":"orders","partition":0,"offset":15,"timestamp":1545084650987,"timestampType":"CREATE_TIME",
 * //  "key":"cmVjb3JkS2V5","value":"eyJrZXkiOiJ2YWx1ZSJ9","headers":[{"h":[104,-1]}]}
 * LambdaJson.event(records, "aws:kafka", Optional.of(clusterArn), Optional.of(brokers));
 * }</pre>
 *
 * {@code key} is {@code null} when the record has none, {@code value} {@code null} for a tombstone, header values are
 * arrays of <em>signed</em> bytes. A header with a null value cannot be written (see {@link KafkaRecords}).
 */
public final class LambdaJson {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private LambdaJson() {
    }

    /**
     * Returns {@code record} as one compact JSON object, members in Lambda's order.
     *
     * @throws IllegalArgumentException if its timestamp type is {@code NO_TIMESTAMP_TYPE} or a header value is null
     */
    public static String record(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder s = new StringBuilder(128 + 4 * (length(record.key()) + length(record.value())) / 3);
        appendRecord(s, record);
        return s.toString();
    }

    /** Appends {@link #record(ConsumerRecord)} to {@code out}. */
    public static void appendRecord(StringBuilder out, ConsumerRecord<byte[], byte[]> record) {
        TimestampType type = record.timestampType();
        if (type != TimestampType.CREATE_TIME && type != TimestampType.LOG_APPEND_TIME) {
            throw new IllegalArgumentException(KafkaRecords.where(record.topic(), record.partition(), record.offset())
                    + ": timestamp type " + type + " has no form in a Lambda event (CREATE_TIME or LOG_APPEND_TIME)");
        }
        out.append("{\"topic\":");
        string(out, record.topic());
        out.append(",\"partition\":").append(record.partition())
                .append(",\"offset\":").append(record.offset())
                .append(",\"timestamp\":").append(record.timestamp())
                .append(",\"timestampType\":\"").append(type.name()).append('"')
                .append(",\"key\":");
        base64(out, record.key());
        out.append(",\"value\":");
        base64(out, record.value());
        out.append(",\"headers\":[");
        boolean first = true;
        for (Header h : record.headers()) {
            if (h.value() == null) {
                throw new IllegalArgumentException(KafkaRecords.where(record.topic(), record.partition(),
                        record.offset()) + ": header " + h.key() + " has a null value, which a Lambda event cannot carry");
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('{');
            string(out, h.key());
            out.append(":[");
            byte[] v = h.value();
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(v[i]);
            }
            out.append("]}");
        }
        out.append("]}");
    }

    /**
     * Returns the invocation event holding {@code records}, grouped by {@code "<topic>-<partition>"} in the order
     * first seen, compact, as Lambda would invoke the function with it.
     *
     * @param eventSource      {@code aws:kafka} or {@code SelfManagedKafka}
     * @param eventSourceArn   the MSK cluster ARN, if any
     * @param bootstrapServers the broker list, if known
     */
    public static String event(List<ConsumerRecord<byte[], byte[]>> records, String eventSource,
            Optional<String> eventSourceArn, Optional<String> bootstrapServers) {
        Map<String, List<KafkaRecord>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            byKey.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>())
                    .add(KafkaRecords.fromConsumerRecord(r));
        }
        KafkaEvent event = KafkaEvent.builder().eventSource(eventSource)
                .eventSourceArn(JsonField.ofOptional(eventSourceArn))
                .bootstrapServers(JsonField.ofOptional(bootstrapServers))
                .records(byKey).build();
        return RecordCodec.defaults().write(event, WriteOptions.COMPACT);
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static void base64(StringBuilder out, byte[] bytes) {
        if (bytes == null) {
            out.append("null");
        } else {
            out.append('"').append(BASE64.encodeToString(bytes)).append('"');
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        ENCODER.quoteAsString(s, out);
        out.append('"');
    }
}
