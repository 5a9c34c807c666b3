package dev.onfailure.model;

import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadException.Problem;
import dev.onfailure.json.ReadLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import dev.onfailure.schema.Kind;

/**
 * Binds a parsed {@link JsonValue} to the typed model. Members the model knows must have the JSON type it expects;
 * everything else is kept in {@code unknownFields}. Problems are {@link Problem#SHAPE} with a JSON Pointer. A required
 * member may not be null; an optional member's null is kept ({@link JsonField#ofNull()}, written back as it came) even
 * where the schema allows none, which the schema check reports.
 *
 * <p>Each type's binding walks its {@link MemberTable} in order with a switch expression over the members, so a member
 * added to a table does not compile until it is bound here (as in {@code ModelWriter}).
 */
final class ModelReader {

    private final ReadLimits limits;

    ModelReader(ReadLimits limits) {
        this.limits = limits;
    }

    KafkaFailureRecord record(JsonValue doc) {
        if (!(doc instanceof JsonObject o)) {
            throw ReadException.at(Problem.NOT_OBJECT, "", "the document is a JSON " + doc.typeName()
                    + ", not an object");
        }
        Kind kind = RecordCodec.kindOf(o).orElseThrow(() -> ReadException.at(Problem.UNKNOWN_KIND, "",
                "the object is not a Kafka failure record: it has no KafkaBatchInfo"));
        Obj r = new Obj(o, "");
        MemberTable<KafkaFailureRecord.Members> table = table(kind);
        // every member of the kind's table, in its order: a switch expression, so a member added to the enum does
        // not compile until it is read here (the three kinds' builders share no type, so the values wait in slots)
        Object[] values = new Object[KafkaFailureRecord.Members.values().length];
        for (KafkaFailureRecord.Members m : table.members()) {
            values[m.ordinal()] = switch (m) {
                case REQUEST_CONTEXT -> r.required(m, this::requestContext);
                case RESPONSE_CONTEXT -> r.optional(m, this::responseContext);
                case VERSION -> r.string(m);
                case TIMESTAMP -> Timestamp.of(r.string(m));
                case KAFKA_BATCH_INFO -> kind == Kind.TOPIC ? r.required(m, this::topicBatchInfo)
                        : r.required(m, this::batchInfo);
                case PAYLOAD -> r.required(m, this::payload);
            };
        }
        Slots<KafkaFailureRecord.Members> v = new Slots<>(values);
        RequestContext requestContext = v.get(KafkaFailureRecord.Members.REQUEST_CONTEXT);
        JsonField<ResponseContext> responseContext = v.get(KafkaFailureRecord.Members.RESPONSE_CONTEXT);
        String version = v.get(KafkaFailureRecord.Members.VERSION);
        Timestamp timestamp = v.get(KafkaFailureRecord.Members.TIMESTAMP);
        switch (kind) {
            case SQS_SNS:
                return SqsSnsRecord.builder()
                        .requestContext(requestContext).responseContext(responseContext)
                        .version(version).timestamp(timestamp)
                        .batchInfo(v.<KafkaBatchInfo>get(KafkaFailureRecord.Members.KAFKA_BATCH_INFO))
                        .unknownFields(r.unknown(table))
                        .build();
            case S3:
                return S3Record.builder()
                        .requestContext(requestContext).responseContext(responseContext)
                        .version(version).timestamp(timestamp)
                        .batchInfo(v.<KafkaBatchInfo>get(KafkaFailureRecord.Members.KAFKA_BATCH_INFO))
                        .payload(v.<Payload>get(KafkaFailureRecord.Members.PAYLOAD))
                        .unknownFields(r.unknown(table))
                        .build();
            case TOPIC:
            default:
                return TopicRecord.builder()
                        .requestContext(requestContext).responseContext(responseContext)
                        .version(version).timestamp(timestamp)
                        .batchInfo(v.<TopicBatchInfo>get(KafkaFailureRecord.Members.KAFKA_BATCH_INFO))
                        .payload(v.<Payload>get(KafkaFailureRecord.Members.PAYLOAD))
                        .unknownFields(r.unknown(table))
                        .build();
        }
    }

    private static MemberTable<KafkaFailureRecord.Members> table(Kind kind) {
        return switch (kind) {
            case SQS_SNS -> SqsSnsRecord.TABLE;
            case S3 -> S3Record.TABLE;
            case TOPIC -> TopicRecord.TABLE;
            case EVENT -> throw new IllegalArgumentException("an invocation event is not a failure record");
        };
    }

    /** Values read by member, for a type whose builders share no type. */
    private record Slots<M extends Enum<M>>(Object[] values) {
        @SuppressWarnings("unchecked")
        <T> T get(M member) {
            return (T) values[member.ordinal()];
        }
    }

    private RequestContext requestContext(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        RequestContext.Builder b = RequestContext.builder();
        for (RequestContext.Members m : RequestContext.TABLE.members()) {
            b = switch (m) {
                case REQUEST_ID -> b.requestId(o.string(m));
                case FUNCTION_ARN -> b.functionArn(o.string(m));
                case CONDITION -> b.condition(Condition.of(o.string(m)));
                case APPROXIMATE_INVOKE_COUNT -> b.approximateInvokeCount(o.int64(m));
            };
        }
        return b.unknownFields(o.unknown(RequestContext.TABLE)).numberText(o.numberText()).build();
    }

    private ResponseContext responseContext(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        ResponseContext.Builder b = ResponseContext.builder();
        for (ResponseContext.Members m : ResponseContext.TABLE.members()) {
            b = switch (m) {
                case STATUS_CODE -> b.statusCode(o.int32(m));
                case EXECUTED_VERSION -> b.executedVersion(o.optionalString(m));
                case FUNCTION_ERROR -> b.functionError(o.optionalString(m));
            };
        }
        return b.unknownFields(o.unknown(ResponseContext.TABLE)).numberText(o.numberText()).build();
    }

    private KafkaBatchInfo batchInfo(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        // AWS writes recordsInfo; the single-record form emulators write has recordInfo in its place
        boolean ranges = o.json.has(BatchInfo.Members.RECORDS_INFO.jsonName())
                || !o.json.has(BatchInfo.Members.RECORD_INFO.jsonName());
        KafkaBatchInfo.Builder b = KafkaBatchInfo.builder();
        for (BatchInfo.Members m : KafkaBatchInfo.TABLE.members()) {
            b = switch (m) {
                case BATCH_SIZE -> b.batchSize(o.int32(m));
                case EVENT_SOURCE_ARN -> b.eventSourceArn(o.optionalString(m));
                case BOOTSTRAP_SERVERS -> b.bootstrapServers(o.string(m));
                case PAYLOAD_SIZE -> b.payloadSize(o.int64(m));
                case RECORDS_INFO -> ranges ? b.recordsInfo(o.required(m, this::recordsInfo)).writesRecordsInfo(true)
                        : b.writesRecordsInfo(false);
                case RECORD_INFO -> b.recordInfo(o.optional(m, this::recordInfo));
            };
        }
        return b.unknownFields(o.unknown(KafkaBatchInfo.TABLE)).numberText(o.numberText()).build();
    }

    private TopicBatchInfo topicBatchInfo(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        TopicBatchInfo.Builder b = TopicBatchInfo.builder();
        for (BatchInfo.Members m : TopicBatchInfo.TABLE.members()) {
            b = switch (m) {
                case BATCH_SIZE -> b.batchSize(o.int32(m));
                case EVENT_SOURCE_ARN -> b.eventSourceArn(o.optionalString(m));
                case BOOTSTRAP_SERVERS -> b.bootstrapServers(o.string(m));
                case PAYLOAD_SIZE -> b.payloadSize(o.int64(m));
                case RECORD_INFO -> b.recordInfo(o.required(m, this::recordInfo));
                case RECORDS_INFO -> throw new IllegalStateException("recordsInfo is not in " + TopicBatchInfo.TABLE);
            };
        }
        return b.unknownFields(o.unknown(TopicBatchInfo.TABLE)).numberText(o.numberText()).build();
    }

    private Map<String, RecordRange> recordsInfo(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        Map<String, RecordRange> ranges = new LinkedHashMap<>();
        o.json.members().forEach((key, value) -> ranges.put(key, range(value, JsonPointer.append(at, key))));
        return ranges;
    }

    private RecordRange range(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        RecordRange.Builder b = RecordRange.builder();
        for (RecordRange.Members m : RecordRange.TABLE.members()) {
            b = switch (m) {
                case FIRST_RECORD_OFFSET -> b.firstRecordOffset(Offset.of(o.string(m)));
                case LAST_RECORD_OFFSET -> b.lastRecordOffset(Offset.of(o.string(m)));
                case FIRST_RECORD_TIMESTAMP -> b.firstRecordTimestamp(Timestamp.of(o.string(m)));
                case LAST_RECORD_TIMESTAMP -> b.lastRecordTimestamp(Timestamp.of(o.string(m)));
            };
        }
        return b.unknownFields(o.unknown(RecordRange.TABLE)).build();
    }

    private RecordInfo recordInfo(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        RecordInfo.Builder b = RecordInfo.builder();
        for (RecordInfo.Members m : RecordInfo.TABLE.members()) {
            b = switch (m) {
                case OFFSET -> b.offset(Offset.of(o.string(m)));
                case TIMESTAMP -> b.timestamp(Timestamp.of(o.string(m)));
            };
        }
        return b.unknownFields(o.unknown(RecordInfo.TABLE)).build();
    }

    private Payload payload(JsonValue v, String at) {
        if (v instanceof JsonString s) {
            return Payload.ofString(s, limits);
        }
        if (v instanceof JsonObject o) {
            return Payload.ofObject(o);
        }
        throw ReadException.at(Problem.SHAPE, at, "payload must be a string or an object, not " + article(v));
    }

    KafkaEvent event(JsonValue v, String at) {
        if (!(v instanceof JsonObject)) {
            throw ReadException.at(at.isEmpty() ? Problem.NOT_OBJECT : Problem.SHAPE, at,
                    "an invocation event must be an object, not " + article(v));
        }
        Obj o = Obj.of(v, at);
        KafkaEvent.Builder b = KafkaEvent.builder();
        for (KafkaEvent.Members m : KafkaEvent.TABLE.members()) {
            b = switch (m) {
                case EVENT_SOURCE -> b.eventSource(o.string(m));
                case EVENT_SOURCE_ARN -> b.eventSourceArn(o.optionalString(m));
                case BOOTSTRAP_SERVERS -> b.bootstrapServers(o.optionalString(m));
                case RECORDS -> b.records(o.required(m, this::eventRecords));
            };
        }
        return b.unknownFields(o.unknown(KafkaEvent.TABLE)).build();
    }

    private Map<String, List<KafkaRecord>> eventRecords(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        Map<String, List<KafkaRecord>> records = new LinkedHashMap<>();
        o.json.members().forEach((key, value) -> {
            String keyAt = JsonPointer.append(at, key);
            if (!(value instanceof JsonArray array)) {
                throw ReadException.at(Problem.SHAPE, keyAt, "records of " + key + " must be an array, not "
                        + article(value));
            }
            List<KafkaRecord> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(eventRecord(array.get(i), JsonPointer.append(keyAt, i)));
            }
            records.put(key, list);
        });
        return records;
    }

    private KafkaRecord eventRecord(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        KafkaRecord.Builder b = KafkaRecord.builder();
        for (KafkaRecord.Members m : KafkaRecord.TABLE.members()) {
            b = switch (m) {
                case TOPIC -> b.topic(o.string(m));
                case PARTITION -> b.partition(o.int32(m));
                case OFFSET -> b.offset(o.int64(m));
                case TIMESTAMP -> b.timestamp(o.int64(m));
                case TIMESTAMP_TYPE -> b.timestampType(o.string(m));
                case KEY -> b.key(o.optionalString(m));
                case KEY_SCHEMA_METADATA -> b.keySchemaMetadata(o.optional(m, this::schemaMetadata));
                case VALUE -> b.value(o.optionalString(m));
                case VALUE_SCHEMA_METADATA -> b.valueSchemaMetadata(o.optional(m, this::schemaMetadata));
                case HEADERS -> b.headers(o.optional(m, this::headers));
            };
        }
        return b.unknownFields(o.unknown(KafkaRecord.TABLE)).numberText(o.numberText()).build();
    }

    private List<Header> headers(JsonValue v, String at) {
        if (!(v instanceof JsonArray array)) {
            throw ReadException.at(Problem.SHAPE, at, "headers must be an array, not " + article(v));
        }
        List<Header> headers = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String hAt = JsonPointer.append(at, i);
            Obj h = Obj.of(array.get(i), hAt);
            if (h.json.size() != 1) {
                throw ReadException.at(Problem.SHAPE, hAt, "a header must be an object with exactly one member, not "
                        + h.json.size());
            }
            Map.Entry<String, JsonValue> e = h.json.members().entrySet().iterator().next();
            headers.add(header(e.getKey(), e.getValue(), JsonPointer.append(hAt, e.getKey())));
        }
        return List.copyOf(headers);   // immutable: the value keeps it, no second build
    }

    /**
     * A header: its value's numbers are bytes, signed (-128..127) as AWS writes them or unsigned (0..255) as some
     * tools do, in any integer form; the text is kept when any is not the signed canonical form.
     */
    private static Header header(String name, JsonValue v, String at) {
        if (!(v instanceof JsonArray array)) {
            throw ReadException.at(Problem.SHAPE, at, "a header value must be an array of bytes, not " + article(v));
        }
        byte[] bytes = new byte[array.size()];
        boolean canonical = true;
        for (int i = 0; i < bytes.length; i++) {
            JsonValue e = array.get(i);
            OptionalLong b = e instanceof JsonNumber n ? n.integralValue() : OptionalLong.empty();
            if (b.isEmpty() || b.getAsLong() < -128 || b.getAsLong() > 255) {
                throw ReadException.at(Problem.SHAPE, JsonPointer.append(at, i), "a header byte must be an integer"
                        + " from -128 to 127 (signed, as AWS writes it) or up to 255 (unsigned), not " + describe(e));
            }
            bytes[i] = (byte) b.getAsLong();
            canonical &= b.getAsLong() <= 127 && ((JsonNumber) e).longValueExact().isPresent();
        }
        if (canonical) {
            return Header.of(name, bytes);
        }
        List<String> text = new ArrayList<>(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            text.add(((JsonNumber) array.get(i)).text());
        }
        return ImmutableHeader.builder().name(name).value(bytes).valueText(text).build();
    }

    private SchemaMetadata schemaMetadata(JsonValue v, String at) {
        Obj o = Obj.of(v, at);
        SchemaMetadata.Builder b = SchemaMetadata.builder();
        for (SchemaMetadata.Members m : SchemaMetadata.TABLE.members()) {
            b = switch (m) {
                case DATA_FORMAT -> b.dataFormat(o.string(m));
                case SCHEMA_ID -> b.schemaId(o.string(m));
            };
        }
        return b.unknownFields(o.unknown(SchemaMetadata.TABLE)).build();
    }

    static String article(JsonValue v) {
        String t = v.typeName();
        return (t.equals("object") || t.equals("array") ? "an " : "a ") + t;
    }

    static String describe(JsonValue v) {
        if (v instanceof JsonNumber n) {
            return n.text().length() > 30 ? "a " + n.text().length() + "-digit number" : n.text();
        }
        return article(v);
    }

    /** An object being bound, with its pointer. */
    private static final class Obj {
        final JsonObject json;
        final String at;
        /** Integer members written in a non-canonical form, by name; made only when one is met. */
        private Map<String, String> numberText = Map.of();

        Obj(JsonObject json, String at) {
            this.json = json;
            this.at = at;
        }

        static Obj of(JsonValue v, String at) {
            if (!(v instanceof JsonObject o)) {
                throw ReadException.at(Problem.SHAPE, at, name(at) + " must be an object, not " + article(v));
            }
            return new Obj(o, at);
        }

        private static String name(String at) {
            return at.isEmpty() ? "the document" : at;
        }

        JsonValue member(Member m) {
            return member(m.jsonName());
        }

        JsonValue member(String name) {
            JsonValue v = json.members().get(name);
            if (v == null) {
                throw ReadException.at(Problem.SHAPE, at, "the member \"" + name + "\" is missing");
            }
            return v;
        }

        <T> T required(Member m, BiFunction<JsonValue, String, T> bind) {
            String name = m.jsonName();
            JsonValue v = member(name);
            String p = JsonPointer.append(at, name);
            if (v == JsonNull.INSTANCE) {
                throw ReadException.at(Problem.SHAPE, p, name + " must not be null");
            }
            return bind.apply(v, p);
        }

        <T> JsonField<T> optional(Member m, BiFunction<JsonValue, String, T> bind) {
            String name = m.jsonName();
            JsonValue v = json.members().get(name);
            if (v == null) {
                return JsonField.absent();
            }
            if (v == JsonNull.INSTANCE) {
                return JsonField.ofNull();
            }
            return JsonField.of(bind.apply(v, JsonPointer.append(at, name)));
        }

        // The member's pointer is made only for a message: binding a valid record makes none.

        String string(Member m) {
            return asString(member(m), at, m.jsonName());
        }

        JsonField<String> optionalString(Member m) {
            String name = m.jsonName();
            JsonValue v = json.members().get(name);
            if (v == null) {
                return JsonField.absent();
            }
            return v == JsonNull.INSTANCE ? JsonField.ofNull() : JsonField.of(asString(v, at, name));
        }

        long int64(Member m) {
            return kept(member(m), m.jsonName(), Long.MIN_VALUE, Long.MAX_VALUE);
        }

        int int32(Member m) {
            return (int) kept(member(m), m.jsonName(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        Map<String, String> numberText() {
            return numberText;
        }

        /**
         * The integer member {@code name}, in any form JSON Schema counts as an integer ({@code 2E0}, {@code 1.0},
         * {@code -0}); a form other than the canonical one is kept in {@link #numberText()}.
         */
        private long kept(JsonValue v, String name, long min, long max) {
            if (v instanceof JsonNumber n && n.longValueExact().isEmpty()) {
                OptionalLong value = n.integralValue();
                if (value.isPresent() && value.getAsLong() >= min && value.getAsLong() <= max) {
                    if (numberText.isEmpty()) {
                        numberText = new LinkedHashMap<>();
                    }
                    numberText.put(name, n.text());
                    return value.getAsLong();
                }
            }
            return asLong(v, at, name, min, max);
        }

        Map<String, JsonValue> unknown(MemberTable<?> table) {
            Set<String> known = table.names();
            Map<String, JsonValue> unknown = new LinkedHashMap<>();
            json.members().forEach((k, v) -> {
                if (!known.contains(k)) {
                    unknown.put(k, v);
                }
            });
            return unknown;
        }

        /** The string member {@code name} of the object at {@code at}. */
        private static String asString(JsonValue v, String at, String name) {
            if (v instanceof JsonString s) {
                return s.value();
            }
            throw ReadException.at(Problem.SHAPE, JsonPointer.append(at, name), name + " must be a string, not "
                    + article(v));
        }

        /** The integer member {@code name} of the object at {@code at}, from {@code min} to {@code max}. */
        private static long asLong(JsonValue v, String at, String name, long min, long max) {
            if (!(v instanceof JsonNumber n)) {
                throw ReadException.at(Problem.SHAPE, JsonPointer.append(at, name), name + " must be an integer, not "
                        + article(v));
            }
            OptionalLong value = n.longValueExact();
            if (value.isEmpty() || value.getAsLong() < min || value.getAsLong() > max) {
                String range = max == Integer.MAX_VALUE ? "a 32-bit" : "a 64-bit";
                throw ReadException.at(Problem.SHAPE, JsonPointer.append(at, name), name + " must be " + range
                        + " integer, not " + describe(n));
            }
            return value.getAsLong();
        }
    }
}
