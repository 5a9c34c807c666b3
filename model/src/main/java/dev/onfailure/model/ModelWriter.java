package dev.onfailure.model;

import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the typed model into {@link JsonObject}s with members in the order AWS writes them: the order of each type's
 * {@link MemberTable}. Each member's value is one case of a switch over the table's enum, with no default, so a member
 * added to a table does not compile until the writer writes it. A value of null here means the member is absent.
 */
final class ModelWriter {

    private ModelWriter() {
    }

    static JsonObject record(KafkaFailureRecord r) {
        JsonObject.Builder b = JsonObject.builder();
        for (KafkaFailureRecord.Members m : r.table().members()) {
            put(b, m, switch (m) {
                case REQUEST_CONTEXT -> requestContext(r.requestContext());
                case RESPONSE_CONTEXT -> field(r.responseContext(), ModelWriter::responseContext);
                case VERSION -> JsonString.of(r.version());
                case TIMESTAMP -> JsonString.of(r.timestamp().text());
                case KAFKA_BATCH_INFO -> batchInfo(r.batchInfo());
                case PAYLOAD -> r.payloadIfAny().map(Payload::toJson).orElse(null);
            });
        }
        return b.putAll(r.unknownFields()).build();
    }

    static JsonObject requestContext(RequestContext rc) {
        JsonObject.Builder b = JsonObject.builder();
        for (RequestContext.Members m : RequestContext.TABLE.members()) {
            put(b, m, switch (m) {
                case REQUEST_ID -> JsonString.of(rc.requestId());
                case FUNCTION_ARN -> JsonString.of(rc.functionArn());
                case CONDITION -> JsonString.of(rc.condition().text());
                case APPROXIMATE_INVOKE_COUNT -> NumberTexts.number("approximateInvokeCount", rc.approximateInvokeCount(),
                        rc.numberText());
            });
        }
        return b.putAll(rc.unknownFields()).build();
    }

    static JsonObject responseContext(ResponseContext rc) {
        JsonObject.Builder b = JsonObject.builder();
        for (ResponseContext.Members m : ResponseContext.TABLE.members()) {
            put(b, m, switch (m) {
                case STATUS_CODE -> NumberTexts.number("statusCode", rc.statusCode(), rc.numberText());
                case EXECUTED_VERSION -> field(rc.executedVersion(), JsonString::of);
                case FUNCTION_ERROR -> field(rc.functionError(), JsonString::of);
            });
        }
        return b.putAll(rc.unknownFields()).build();
    }

    static JsonObject batchInfo(BatchInfo info) {
        MemberTable<BatchInfo.Members> table = info instanceof KafkaBatchInfo ? KafkaBatchInfo.TABLE
                : TopicBatchInfo.TABLE;
        JsonObject.Builder b = JsonObject.builder();
        for (BatchInfo.Members m : table.members()) {
            put(b, m, switch (m) {
                case BATCH_SIZE -> NumberTexts.number("batchSize", info.batchSize(), info.numberText());
                case EVENT_SOURCE_ARN -> field(info.eventSourceArn(), JsonString::of);
                case BOOTSTRAP_SERVERS -> JsonString.of(info.bootstrapServers());
                case PAYLOAD_SIZE -> NumberTexts.number("payloadSize", info.payloadSize(), info.numberText());
                case RECORDS_INFO -> info instanceof KafkaBatchInfo k && !k.writesRecordsInfo() ? null
                        : ranges(((KafkaBatchInfo) info).recordsInfo());
                // the single-record form emulators write for SQS, SNS and S3: recordInfo where AWS writes recordsInfo
                case RECORD_INFO -> info instanceof TopicBatchInfo t ? recordInfo(t.recordInfo())
                        : field(((KafkaBatchInfo) info).recordInfo(), ModelWriter::recordInfo);
            });
        }
        return b.putAll(info.unknownFields()).build();
    }

    private static JsonObject ranges(Map<String, RecordRange> recordsInfo) {
        JsonObject.Builder ranges = JsonObject.builder();
        recordsInfo.forEach((key, range) -> ranges.put(key, range(range)));
        return ranges.build();
    }

    static JsonObject recordInfo(RecordInfo info) {
        JsonObject.Builder b = JsonObject.builder();
        for (RecordInfo.Members m : RecordInfo.TABLE.members()) {
            put(b, m, switch (m) {
                case OFFSET -> JsonString.of(info.offset().text());
                case TIMESTAMP -> JsonString.of(info.timestamp().text());
            });
        }
        return b.putAll(info.unknownFields()).build();
    }

    static JsonObject range(RecordRange r) {
        JsonObject.Builder b = JsonObject.builder();
        for (RecordRange.Members m : RecordRange.TABLE.members()) {
            put(b, m, switch (m) {
                case FIRST_RECORD_OFFSET -> JsonString.of(r.firstRecordOffset().text());
                case LAST_RECORD_OFFSET -> JsonString.of(r.lastRecordOffset().text());
                case FIRST_RECORD_TIMESTAMP -> JsonString.of(r.firstRecordTimestamp().text());
                case LAST_RECORD_TIMESTAMP -> JsonString.of(r.lastRecordTimestamp().text());
            });
        }
        return b.putAll(r.unknownFields()).build();
    }

    static JsonObject event(KafkaEvent e) {
        JsonObject.Builder b = JsonObject.builder();
        for (KafkaEvent.Members m : KafkaEvent.TABLE.members()) {
            put(b, m, switch (m) {
                case EVENT_SOURCE -> JsonString.of(e.eventSource());
                case EVENT_SOURCE_ARN -> field(e.eventSourceArn(), JsonString::of);
                case BOOTSTRAP_SERVERS -> field(e.bootstrapServers(), JsonString::of);
                case RECORDS -> eventRecords(e.records());
            });
        }
        return b.putAll(e.unknownFields()).build();
    }

    private static JsonObject eventRecords(Map<String, List<KafkaRecord>> records) {
        JsonObject.Builder b = JsonObject.builder();
        records.forEach((key, list) -> {
            List<JsonValue> elements = new ArrayList<>(list.size());
            list.forEach(r -> elements.add(eventRecord(r)));
            b.put(key, JsonArray.of(elements));
        });
        return b.build();
    }

    static JsonObject eventRecord(KafkaRecord r) {
        JsonObject.Builder b = JsonObject.builder();
        for (KafkaRecord.Members m : KafkaRecord.TABLE.members()) {
            put(b, m, switch (m) {
                case TOPIC -> JsonString.of(r.topic());
                case PARTITION -> NumberTexts.number("partition", r.partition(), r.numberText());
                case OFFSET -> NumberTexts.number("offset", r.offset(), r.numberText());
                case TIMESTAMP -> NumberTexts.number("timestamp", r.timestamp(), r.numberText());
                case TIMESTAMP_TYPE -> JsonString.of(r.timestampType());
                case KEY -> field(r.key(), JsonString::of);
                case KEY_SCHEMA_METADATA -> field(r.keySchemaMetadata(), ModelWriter::schemaMetadata);
                case VALUE -> field(r.value(), JsonString::of);
                case VALUE_SCHEMA_METADATA -> field(r.valueSchemaMetadata(), ModelWriter::schemaMetadata);
                case HEADERS -> field(r.headers(), ModelWriter::headers);
            });
        }
        return b.putAll(r.unknownFields()).build();
    }

    private static JsonArray headers(List<Header> headers) {
        List<JsonValue> elements = new ArrayList<>(headers.size());
        for (Header h : headers) {
            byte[] bytes = h.value();
            List<JsonValue> values = new ArrayList<>(bytes.length);
            List<String> text = h.valueText();
            for (int i = 0; i < bytes.length; i++) {
                values.add(text.size() == bytes.length && written(text.get(i), bytes[i])
                        ? new JsonNumber(text.get(i)) : JsonNumber.of(bytes[i]));
            }
            elements.add(JsonObject.of(Map.of(h.name(), JsonArray.of(values))));
        }
        return JsonArray.of(elements);
    }

    private static JsonObject schemaMetadata(SchemaMetadata md) {
        JsonObject.Builder b = JsonObject.builder();
        for (SchemaMetadata.Members m : SchemaMetadata.TABLE.members()) {
            put(b, m, switch (m) {
                case DATA_FORMAT -> JsonString.of(md.dataFormat());
                case SCHEMA_ID -> JsonString.of(md.schemaId());
            });
        }
        return b.putAll(md.unknownFields()).build();
    }

    /** True when {@code text} is a number that denotes {@code b}, signed or unsigned. */
    private static boolean written(String text, byte b) {
        java.util.OptionalLong v = JsonNumber.isJsonNumber(text) ? new JsonNumber(text).integralValue()
                : java.util.OptionalLong.empty();
        return v.isPresent() && v.getAsLong() >= -128 && v.getAsLong() <= 255 && (byte) v.getAsLong() == b;
    }

    private static void put(JsonObject.Builder b, Member m, JsonValue value) {
        if (value != null) {
            b.put(m.jsonName(), value);
        }
    }

    /** The value of an optional member: null (absent), {@code null} or the written value. */
    private static <T> JsonValue field(JsonField<T> field, Function<? super T, ? extends JsonValue> write) {
        switch (field.state()) {
            case PRESENT:
                return write.apply(field.get());
            case NULL:
                return JsonNull.INSTANCE;
            case ABSENT:
            default:
                return null;
        }
    }
}
