package dev.onfailure.redrive;

import dev.onfailure.model.Header;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Converts between the records of a Lambda Kafka invocation event ({@link KafkaRecord}, what an S3 or Kafka-topic
 * failure record's {@code payload} holds) and Kafka's own {@code ConsumerRecord<byte[], byte[]>}.
 *
 * <pre>{@code
 * KafkaEvent event = s3Record.payload().event();
 * for (ConsumerRecord<byte[], byte[]> r : KafkaRecords.toConsumerRecords(event)) {
 *     handler.accept(r);                                   // the function's own record handler, called again
 * }
 * KafkaRecord back = KafkaRecords.fromConsumerRecord(consumerRecord);   // as Lambda would have written it
 * long first = KafkaRecords.offset(range.firstRecordOffset());        // refuses a 56-digit offset
 * }</pre>
 *
 * <p>What is exact:
 * <ul>
 *   <li>keys, values and header values are the decoded base64 bytes and the header arrays of <em>signed</em> bytes
 *       (-128..127), byte for byte; header order and repeated names are kept;</li>
 *   <li>a key that is absent or {@code null} is a {@code null} key, and back a {@code null} key is written
 *       {@code "key": null}; a value that is absent or {@code null} (a tombstone) is a {@code null} value;</li>
 *   <li>{@code timestampType} {@code CREATE_TIME} and {@code LOG_APPEND_TIME} map to Kafka's {@link TimestampType}
 *       constants of the same name;</li>
 *   <li>{@code fromConsumerRecord} then {@code toConsumerRecord} gives back every attribute the event form has
 *       (topic, partition, offset, timestamp and its type, key, value, headers). The other way round gives the same
 *       bytes, written canonically (an absent key comes back {@code null}, absent headers come back {@code []}).</li>
 * </ul>
 *
 * <p>What is refused, with an {@link IllegalArgumentException} whose message names the record: a key, value or
 * header that is not base64 (RFC 4648, with or without padding); a {@code timestampType} other than the two above
 * (and Kafka's {@code NO_TIMESTAMP_TYPE}, which Lambda never writes); a negative partition or offset; a header whose
 * value is {@code null} (the event form has no way to write one). {@code keySchemaMetadata},
 * {@code valueSchemaMetadata} and unknown members describe the event, not the Kafka record, and are not carried.
 */
public final class KafkaRecords {

    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final String LONG_MAX = Long.toString(Long.MAX_VALUE);

    private KafkaRecords() {
    }

    /**
     * Returns {@code record} as Kafka's consumer would have handed it over: headers of its own that may be added to,
     * as a consumer's and Powertools' may; the serialized sizes are the byte lengths (or
     * {@link ConsumerRecord#NULL_SIZE}), as a consumer gives them (Powertools' Kafka utility gives
     * {@code NULL_SIZE} for every record); no leader epoch.
     *
     * @throws IllegalArgumentException if {@code record} cannot be a Kafka record (see the class comment)
     */
    public static ConsumerRecord<byte[], byte[]> toConsumerRecord(KafkaRecord record) {
        Objects.requireNonNull(record, "record");
        String where = where(record.topic(), record.partition(), record.offset());
        if (record.partition() < 0) {
            throw new IllegalArgumentException(where + ": a negative partition");
        }
        if (record.offset() < 0) {
            throw new IllegalArgumentException(where + ": a negative offset");
        }
        TimestampType type = timestampType(record.timestampType())
                .orElseThrow(() -> new IllegalArgumentException(where + ": timestampType " + record.timestampType()
                        + " is neither CREATE_TIME nor LOG_APPEND_TIME"));
        byte[] key = decode(record.key(), where, "key");
        byte[] value = decode(record.value(), where, "value");
        List<Header> given = record.headerList();
        RecordHeaders headers = new RecordHeaders();
        for (Header h : given) {
            headers.add(new RecordHeader(h.name(), h.value()));
        }
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(), type,
                key == null ? ConsumerRecord.NULL_SIZE : key.length,
                value == null ? ConsumerRecord.NULL_SIZE : value.length,
                key, value, headers, Optional.empty(), Optional.empty());
    }

    /**
     * Returns every record of {@code event}, key by key in the event's order, as {@link #toConsumerRecord} converts
     * them.
     *
     * @throws IllegalArgumentException at the first record that cannot be a Kafka record
     */
    public static List<ConsumerRecord<byte[], byte[]>> toConsumerRecords(KafkaEvent event) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>(event.recordCount());
        for (List<KafkaRecord> list : event.records().values()) {
            for (KafkaRecord r : list) {
                out.add(toConsumerRecord(r));
            }
        }
        return out;
    }

    /**
     * Returns {@code record} in the invocation event's form, as Lambda writes it: base64 key ({@code null} when the
     * record has none) and value ({@code null} for a tombstone), headers as signed bytes in order.
     *
     * @throws IllegalArgumentException if the timestamp type is {@code NO_TIMESTAMP_TYPE} or a header value is null
     */
    public static KafkaRecord fromConsumerRecord(ConsumerRecord<byte[], byte[]> record) {
        Objects.requireNonNull(record, "record");
        String where = where(record.topic(), record.partition(), record.offset());
        TimestampType type = record.timestampType();
        if (type != TimestampType.CREATE_TIME && type != TimestampType.LOG_APPEND_TIME) {
            throw new IllegalArgumentException(where + ": timestamp type " + type
                    + " has no form in a Lambda event (CREATE_TIME or LOG_APPEND_TIME)");
        }
        List<Header> headers = new ArrayList<>();
        for (org.apache.kafka.common.header.Header h : record.headers()) {
            if (h.value() == null) {
                throw new IllegalArgumentException(where + ": header " + h.key()
                        + " has a null value, which a Lambda event cannot carry");
            }
            headers.add(Header.of(h.key(), h.value()));
        }
        return KafkaRecord.builder()
                .topic(record.topic())
                .partition(record.partition())
                .offset(record.offset())
                .timestamp(record.timestamp())
                .timestampType(type.name())
                .key(encode(record.key()))
                .value(encode(record.value()))
                .headers(JsonField.of(headers))
                .build();
    }

    /**
     * Returns a failure record's offset as Kafka's {@code long}.
     *
     * <pre>{@code
     * KafkaRecords.offset(Offset.of("15"));    // 15
     * KafkaRecords.offset(Offset.of("49601189658422359378836298521827638475320189012309704722"));
     * // IllegalArgumentException: offset 49601189658422359378836298521827638475320189012309704722 has 56 digits:
     * // Kafka offsets are int64, at most 9223372036854775807 (19 digits)
     * }</pre>
     *
     * @throws IllegalArgumentException if the text is not decimal digits or the value is beyond int64
     */
    public static long offset(Offset offset) {
        Objects.requireNonNull(offset, "offset");
        if (!offset.isDecimal()) {
            throw new IllegalArgumentException("offset \"" + abbreviate(offset.text())
                    + "\" is not a string of decimal digits");
        }
        return offset.toLong().orElseThrow(() -> {
            String text = offset.text();
            int zeros = 0;
            while (zeros < text.length() - 1 && text.charAt(zeros) == '0') {
                zeros++;
            }
            int digits = text.length() - zeros;
            return new IllegalArgumentException("offset " + abbreviate(text) + (digits > 19 ? " has " + digits
                    + " digits: Kafka offsets are int64, at most " + LONG_MAX + " (19 digits)"
                    : " is over " + LONG_MAX + ", the most a Kafka offset (int64) can be"));
        });
    }

    /** Returns Kafka's timestamp type for a Lambda {@code timestampType}, if it is one Lambda writes. */
    public static Optional<TimestampType> timestampType(String lambdaName) {
        switch (lambdaName) {
            case "CREATE_TIME":
                return Optional.of(TimestampType.CREATE_TIME);
            case "LOG_APPEND_TIME":
                return Optional.of(TimestampType.LOG_APPEND_TIME);
            default:
                return Optional.empty();
        }
    }

    private static byte[] decode(JsonField<String> field, String where, String member) {
        if (!field.isPresent()) {
            return null;
        }
        try {
            return DECODER.decode(field.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + member + " is not base64 (" + e.getMessage() + ")", e);
        }
    }

    private static JsonField<String> encode(byte[] bytes) {
        return bytes == null ? JsonField.ofNull() : JsonField.of(ENCODER.encodeToString(bytes));
    }

    static String where(String topic, int partition, long offset) {
        return "record " + topic + "-" + partition + "@" + offset;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 40) + "..." + text.substring(text.length() - 20);
    }
}
