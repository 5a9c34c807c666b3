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

/** Turns the typed model into {@link JsonObject}s with members in the order AWS writes them. */
final class ModelWriter {

    private ModelWriter() {
    }

    static JsonObject record(KafkaFailureRecord r) {
        JsonObject.Builder b = JsonObject.builder()
                .put("requestContext", requestContext(r.requestContext()));
        field(b, "responseContext", r.responseContext(), ModelWriter::responseContext);
        b.put("version", JsonString.of(r.version()))
                .put("timestamp", JsonString.of(r.timestamp().text()));
        if (r.batchInfo() instanceof KafkaBatchInfo info) {
            b.put("KafkaBatchInfo", batchInfo(info));
        } else {
            b.put("KafkaBatchInfo", topicBatchInfo((TopicBatchInfo) r.batchInfo()));
        }
        r.payloadIfAny().ifPresent(p -> b.put("payload", p.toJson()));
        return b.putAll(r.unknownFields()).build();
    }

    static JsonObject requestContext(RequestContext rc) {
        return JsonObject.builder()
                .put("requestId", JsonString.of(rc.requestId()))
                .put("functionArn", JsonString.of(rc.functionArn()))
                .put("condition", JsonString.of(rc.condition().text()))
                .put("approximateInvokeCount", JsonNumber.of(rc.approximateInvokeCount()))
                .putAll(rc.unknownFields())
                .build();
    }

    static JsonObject responseContext(ResponseContext rc) {
        JsonObject.Builder b = JsonObject.builder().put("statusCode", JsonNumber.of(rc.statusCode()));
        field(b, "executedVersion", rc.executedVersion(), JsonString::of);
        field(b, "functionError", rc.functionError(), JsonString::of);
        return b.putAll(rc.unknownFields()).build();
    }

    private static JsonObject.Builder batchInfoHead(BatchInfo info) {
        JsonObject.Builder b = JsonObject.builder().put("batchSize", JsonNumber.of(info.batchSize()));
        field(b, "eventSourceArn", info.eventSourceArn(), JsonString::of);
        return b.put("bootstrapServers", JsonString.of(info.bootstrapServers()))
                .put("payloadSize", JsonNumber.of(info.payloadSize()));
    }

    static JsonObject batchInfo(KafkaBatchInfo info) {
        JsonObject.Builder ranges = JsonObject.builder();
        info.recordsInfo().forEach((key, range) -> ranges.put(key, range(range)));
        return batchInfoHead(info).put("recordsInfo", ranges.build()).putAll(info.unknownFields()).build();
    }

    static JsonObject topicBatchInfo(TopicBatchInfo info) {
        JsonObject recordInfo = JsonObject.builder()
                .put("offset", JsonString.of(info.recordInfo().offset().text()))
                .put("timestamp", JsonString.of(info.recordInfo().timestamp().text()))
                .putAll(info.recordInfo().unknownFields())
                .build();
        return batchInfoHead(info).put("recordInfo", recordInfo).putAll(info.unknownFields()).build();
    }

    static JsonObject range(RecordRange r) {
        return JsonObject.builder()
                .put("firstRecordOffset", JsonString.of(r.firstRecordOffset().text()))
                .put("lastRecordOffset", JsonString.of(r.lastRecordOffset().text()))
                .put("firstRecordTimestamp", JsonString.of(r.firstRecordTimestamp().text()))
                .put("lastRecordTimestamp", JsonString.of(r.lastRecordTimestamp().text()))
                .putAll(r.unknownFields())
                .build();
    }

    static JsonObject event(KafkaEvent e) {
        JsonObject.Builder b = JsonObject.builder().put("eventSource", JsonString.of(e.eventSource()));
        field(b, "eventSourceArn", e.eventSourceArn(), JsonString::of);
        field(b, "bootstrapServers", e.bootstrapServers(), JsonString::of);
        JsonObject.Builder records = JsonObject.builder();
        e.records().forEach((key, list) -> {
            List<JsonValue> elements = new ArrayList<>(list.size());
            list.forEach(r -> elements.add(eventRecord(r)));
            records.put(key, JsonArray.of(elements));
        });
        return b.put("records", records.build()).putAll(e.unknownFields()).build();
    }

    static JsonObject eventRecord(KafkaRecord r) {
        JsonObject.Builder b = JsonObject.builder()
                .put("topic", JsonString.of(r.topic()))
                .put("partition", JsonNumber.of(r.partition()))
                .put("offset", JsonNumber.of(r.offset()))
                .put("timestamp", JsonNumber.of(r.timestamp()))
                .put("timestampType", JsonString.of(r.timestampType()));
        field(b, "key", r.key(), JsonString::of);
        field(b, "keySchemaMetadata", r.keySchemaMetadata(), ModelWriter::schemaMetadata);
        field(b, "value", r.value(), JsonString::of);
        field(b, "valueSchemaMetadata", r.valueSchemaMetadata(), ModelWriter::schemaMetadata);
        field(b, "headers", r.headers(), ModelWriter::headers);
        return b.putAll(r.unknownFields()).build();
    }

    private static JsonArray headers(List<Header> headers) {
        List<JsonValue> elements = new ArrayList<>(headers.size());
        for (Header h : headers) {
            byte[] bytes = h.value();
            List<JsonValue> values = new ArrayList<>(bytes.length);
            for (byte x : bytes) {
                values.add(JsonNumber.of(x));
            }
            elements.add(JsonObject.of(Map.of(h.name(), JsonArray.of(values))));
        }
        return JsonArray.of(elements);
    }

    private static JsonObject schemaMetadata(SchemaMetadata m) {
        return JsonObject.builder()
                .put("dataFormat", JsonString.of(m.dataFormat()))
                .put("schemaId", JsonString.of(m.schemaId()))
                .putAll(m.unknownFields())
                .build();
    }

    private static <T> void field(JsonObject.Builder b, String name, JsonField<T> field,
            Function<? super T, ? extends JsonValue> write) {
        switch (field.state()) {
            case PRESENT:
                b.put(name, write.apply(field.get()));
                break;
            case NULL:
                b.put(name, JsonNull.INSTANCE);
                break;
            case ABSENT:
            default:
                break;
        }
    }
}
