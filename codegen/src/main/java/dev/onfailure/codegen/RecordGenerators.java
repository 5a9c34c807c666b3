package dev.onfailure.codegen;

import dev.onfailure.model.Condition;
import dev.onfailure.model.Header;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.MemberTable;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.RecordInfo;
import dev.onfailure.schema.Kind;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.RequestContext;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.S3Record;
import dev.onfailure.model.SchemaMetadata;
import dev.onfailure.model.SqsSnsRecord;
import dev.onfailure.model.Timestamp;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seeded generators of valid Kafka failure records and invocation events, realistic and full of the format's edge
 * cases: hyphenated, dotted and 249-character topics, partition and offset maxima, timestamps ending in
 * {@code .000Z}, empty and repeated headers with negative bytes, null and absent keys, schema-registry metadata, both
 * payload forms, all three {@code responseContext} states and, unless {@link GeneratorOptions#strictOnly()}, what only
 * a tolerant consumer accepts (unknown members, AWS's placeholders, 56-digit offsets, null ARNs, the single-record
 * form and the missing {@code executedVersion} emulators write, records without {@code value}).
 *
 * <pre>{@code
 * Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults().strictOnly(true));
 * Entropy e = SeededEntropy.of(42);
 * for (int i = 0; i < 100; i++) {
 *     System.out.println(RecordCodec.defaults().write(gen.generate(e).record()));
 * }
 * }</pre>
 */
public final class RecordGenerators {

    private static final List<String> WORDS = List.of("orders", "payments", "audit", "clicks", "inventory", "eu",
            "west", "v2", "raw", "events", "dlq", "1", "prod");
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1",
            "us-gov-west-1");
    private static final List<String> HEADER_NAMES = List.of("traceparent", "retry", "content-type", "x-id", "");
    private static final List<String> STRINGS = List.of("", "plain", "ünïcödé ✓", "quote\" backslash\\ slash/",
            "control \u0001\u001f\u007f", "emoji 😀", "line\nbreak\ttab", "lone \uD800 surrogate", "\u2028\u2029");
    private static final List<String> NUMBERS = List.of("0", "-0", "1.50", "1e3", "1E-7", "-12.0",
            "12345678901234567890123", "3.141592653589793238462643383279", "-9223372036854775809");
    private static final List<String> UNKNOWN_NAMES = List.of("xAttribute", "x-amz-meta", "_trace", "a/b~c", "",
            "ünïcode", "nested", "x.y", "x y");

    private RecordGenerators() {
    }

    /** Returns a generator of invocation events that pass the strict event schema. */
    public static Generator<KafkaEvent> events(GeneratorOptions options) {
        return e -> event(e, options, true, false);
    }

    /** Returns a generator of valid failure records as {@code options} say. */
    public static Generator<GeneratedRecord> records(GeneratorOptions options) {
        return e -> record(e, options);
    }

    /** Returns a generator of arbitrary JSON values, nested at most {@code depth} deep, with tricky texts. */
    public static Generator<JsonValue> jsonValues(int depth) {
        return e -> jsonValue(e, depth);
    }

    /** Returns a generator of legal Kafka topic names, from plain to 249 characters with every legal separator. */
    public static Generator<String> topics() {
        return RecordGenerators::topic;
    }

    // ---- events ----

    /**
     * Returns an event; {@code tolerant} adds what only a tolerant consumer accepts or what AWS does not document
     * (a self-managed event's {@code eventSourceArn} as null, a record without {@code value}).
     */
    static KafkaEvent event(Entropy e, GeneratorOptions options, boolean headersAlways, boolean tolerant) {
        boolean msk = !e.chance(30);
        String region = e.pick(REGIONS);
        String account = digits(e, 12);
        String cluster = e.pick(List.of("demo-cluster-1", "orders-prod", "c"));
        KafkaEvent.Builder event = KafkaEvent.builder()
                .eventSource(msk ? "aws:kafka" : "SelfManagedKafka")
                .bootstrapServers(JsonField.of(bootstrapServers(e, msk, cluster, region)));
        if (msk) {
            event.eventSourceArn(JsonField.of(mskArn(e, region, account, cluster)));
        } else if (tolerant && e.chance(30)) {
            event.eventSourceArn(JsonField.ofNull());
        }
        int total = e.chance(5) ? options.maxRecords() : e.intBetween(1, Math.min(options.maxRecords(), 12));
        int partitions = e.intBetween(1, Math.min(total, 4));
        Map<String, List<KafkaRecord>> records = new LinkedHashMap<>();
        long time = e.between(1_420_070_400_000L, 2_051_222_400_000L);
        if (e.chance(30)) {
            time -= time % 1000;
        }
        int left = total;
        for (int p = 0; p < partitions; p++) {
            int n = p == partitions - 1 ? left : e.intBetween(1, left - (partitions - p - 1));
            left -= n;
            String topic = topic(e);
            int partition = e.chance(5) ? Integer.MAX_VALUE : e.intBetween(0, 11);
            String key = topic + "-" + partition;
            if (records.containsKey(key)) {
                key = topic + "x" + p + "-" + partition;
                topic = topic + "x" + p;
            }
            long[] gaps = new long[n];
            long span = 0;
            for (int i = 1; i < n; i++) {
                gaps[i] = e.between(1, 3);
                span += gaps[i];
            }
            long offset = firstOffset(e, span);
            boolean logAppend = e.chance(20);
            List<KafkaRecord> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                offset += gaps[i];
                list.add(kafkaRecord(e, topic, partition, offset, time, logAppend, headersAlways, tolerant));
                time += logAppend || !e.chance(10) ? e.between(0, 2000) : -e.between(1, 5000);
                time = Math.max(time, 0);
            }
            records.put(key, list);
        }
        return event.records(records).build();
    }

    /** Returns the offset of the first record of a run spanning {@code span} offsets. */
    private static long firstOffset(Entropy e, long span) {
        long room = Long.MAX_VALUE - span;
        switch (e.intBetween(0, 3)) {
            case 0:
                return e.between(0, 1000);
            case 1:
                return e.between(0, room);
            case 2:
                // the last record at Long.MAX_VALUE, the largest offset Kafka can hand out
                return room;
            default:
                return 0;
        }
    }

    private static KafkaRecord kafkaRecord(Entropy e, String topic, int partition, long offset, long time,
            boolean logAppend, boolean headersAlways, boolean tolerant) {
        KafkaRecord.Builder r = KafkaRecord.builder()
                .topic(topic).partition(partition).offset(offset).timestamp(time)
                .timestampType(logAppend ? "LOG_APPEND_TIME" : "CREATE_TIME");
        if (e.chance(5)) {
            String member = e.pick(List.of("partition", "offset", "timestamp"));
            long value = member.equals("partition") ? partition : member.equals("offset") ? offset : time;
            r.putNumberText(member, integerForm(e, value));
        }
        int keyChoice = e.intBetween(0, 19);
        if (keyChoice == 1 || keyChoice == 2) {
            r.key(JsonField.ofNull());
        } else if (keyChoice != 3) {
            r.key(JsonField.of(base64(e, 16)));
        }
        if (tolerant && e.chance(5)) {
            r.value(JsonField.absent());
        } else {
            r.value(e.chance(5) ? JsonField.ofNull() : JsonField.of(base64(e, 48)));
        }
        if (headersAlways || !e.chance(20)) {
            List<Header> headers = new ArrayList<>();
            int count = e.intBetween(0, 3);
            for (int i = 0; i < count; i++) {
                headers.add(Header.of(e.pick(HEADER_NAMES), bytes(e, 12)));
            }
            r.headers(JsonField.of(headers));
        }
        if (e.chance(15)) {
            String format = e.pick(List.of("AVRO", "PROTOBUF", "JSON"));
            r.keySchemaMetadata(JsonField.of(SchemaMetadata.builder().dataFormat(format).schemaId(uuid(e)).build()));
            r.valueSchemaMetadata(JsonField.of(SchemaMetadata.builder().dataFormat(format).schemaId(uuid(e)).build()));
        }
        return r.build();
    }

    // ---- records ----

    static GeneratedRecord record(Entropy e, GeneratorOptions options) {
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : Kind.records()) {
            if (options.kinds().contains(k)) {
                kinds.add(k);
            }
        }
        Kind kind = e.pick(kinds);
        boolean quirky = !options.strictOnly() && e.chance(40);
        List<String> traits = new ArrayList<>();
        traits.add("kind:" + kind.id());
        KafkaEvent event = event(e, options, !quirky || !e.chance(30), quirky);
        long lastTime = event.allRecords().stream().mapToLong(KafkaRecord::timestamp).max().orElse(0);
        Instant time = Instant.ofEpochMilli(lastTime + e.between(1, 600_000));
        if (e.chance(20)) {
            time = Instant.ofEpochMilli(time.toEpochMilli() - time.toEpochMilli() % 1000);
        }

        Condition condition;
        JsonField<ResponseContext> response;
        int c = e.intBetween(0, 19);
        if (c < 11) {
            condition = Condition.RETRY_ATTEMPTS_EXHAUSTED;
            response = JsonField.of(response(e));
        } else if (c < 14) {
            condition = Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED;
            response = quirky && e.chance(30) ? JsonField.absent() : JsonField.ofNull();
        } else if (c < 17) {
            condition = Condition.RECORD_AGE_EXCEEDED;
            response = e.chance(30) ? JsonField.of(response(e)) : JsonField.absent();
        } else if (c < 19) {
            condition = Condition.RETRIES_EXHAUSTED;
            response = JsonField.of(response(e));
        } else {
            condition = Condition.of("PartialBatchFailure");
            response = e.chance(50) ? JsonField.of(response(e)) : JsonField.absent();
        }
        traits.add("condition:" + condition.text());
        traits.add("response:" + response.state().name().toLowerCase(Locale.ROOT));
        boolean max = condition.is(Condition.Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);

        String region = event.eventSourceArn().value().map(a -> a.split(":")[3]).orElse(e.pick(REGIONS));
        String functionArn = "arn:" + (region.startsWith("us-gov") ? "aws-us-gov" : "aws") + ":lambda:" + region + ":" + digits(e, 12) + ":function:"
                + e.pick(List.of("orders-consumer", "f", "my_function-2"))
                + e.pick(List.of("", "", ":$LATEST", ":7", ":prod"));
        FailureContext ctx = new FailureContext(condition, functionArn, uuid(e), max ? e.between(0, 1) : e.between(1, 10),
                response, time);
        List<KafkaFailureRecord> built = RecordBuilder.build(event, ctx, kind);
        KafkaFailureRecord record = built.get(e.intBetween(0, built.size() - 1));

        if (max && kind != Kind.TOPIC) {
            // A batch over the limit: the declared size is what was too big, not the size of what we generated.
            long size = e.between(RecordBuilder.MAX_PAYLOAD_BYTES + 1, 64L << 20);
            record = withBatchInfo(record, ((KafkaBatchInfo) record.batchInfo()).toBuilder().payloadSize(size).build());
        }
        if (record instanceof S3Record s3 && e.chance(25)) {
            record = s3.toBuilder().payload(Payload.ofObject(RecordCodec.defaults().toJson(event))).build();
        }
        record.payloadIfAny().ifPresent(p -> traits.add("payload:" + p.form().name().toLowerCase(Locale.ROOT)));
        if (e.chance(15)) {
            // Integers in forms JSON Schema counts as integers (1.0, 2E0): valid under both profiles.
            record = withRequestContext(record, record.requestContext().toBuilder().putNumberText(
                    "approximateInvokeCount", integerForm(e, record.requestContext().approximateInvokeCount())).build());
            String batchSize = integerForm(e, record.batchInfo().batchSize());
            record = record instanceof TopicRecord t
                    ? t.toBuilder().batchInfo(t.batchInfo().toBuilder().putNumberText("batchSize", batchSize).build())
                            .build()
                    : withBatchInfo(record, ((KafkaBatchInfo) record.batchInfo()).toBuilder()
                            .putNumberText("batchSize", batchSize).build());
            traits.add("number-forms");
        }

        boolean strict = true;
        if (quirky) {
            int count = e.intBetween(1, 3);
            for (int i = 0; i < count; i++) {
                String quirk = e.pick(List.of("unknown-fields", "xmpl-request-id", "timestamp-without-millis",
                        "56-digit-offsets", "placeholder-bootstrap", "null-event-source-arn", "no-executed-version",
                        "single-record-info"));
                KafkaFailureRecord changed = quirk(e, record, quirk);
                if (changed != record) {
                    record = changed;
                    strict = false;
                    traits.add(quirk);
                }
            }
            if (record.payloadIfAny().isPresent()) {
                if (event.allRecords().stream().anyMatch(r -> r.headers().isAbsent())) {
                    strict = false;
                    traits.add("no-headers");
                }
                if (event.eventSourceArn().isNull()) {
                    strict = false;
                    traits.add("event-source-arn-null");
                }
                if (event.allRecords().stream().anyMatch(r -> r.value().isAbsent())) {
                    traits.add("no-value");
                }
            }
        }
        return new GeneratedRecord(record, strict, traits);
    }

    /**
     * Returns {@code value} written in another form than the canonical one that JSON Schema still counts as that
     * integer: {@code 3.0}, {@code 3E0}, {@code 3e+0}, {@code 30E-1}, {@code 0.3E1}, or {@code -0} for zero.
     */
    static String integerForm(Entropy e, long value) {
        String v = Long.toString(value);
        switch (e.intBetween(0, 4)) {
            case 0:
                return v + ".0";
            case 1:
                return value == 0 ? "-0" : v + "E0";
            case 2:
                return v + "e+0";
            case 3:
                return value == 0 ? "0E-1" : v + "0E-1";
            default:
                return value < 0 ? v + ".00" : "0." + v + "E" + v.length();
        }
    }

    private static KafkaFailureRecord quirk(Entropy e, KafkaFailureRecord record, String quirk) {
        boolean sqs = record instanceof SqsSnsRecord;
        switch (quirk) {
            case "unknown-fields":
                return unknownFields(e, record);
            case "xmpl-request-id": {
                String id = record.requestContext().requestId();
                String xmpl = id.substring(0, 9) + "xmpl" + id.substring(13);
                return withRequestContext(record, record.requestContext().toBuilder().requestId(xmpl).build());
            }
            case "timestamp-without-millis": {
                Instant t = record.timestamp().toInstant().orElseThrow();
                String text = t.toString().replaceFirst("\\.\\d+Z$", "Z");
                return withTimestamp(record, Timestamp.of(text.endsWith("Z") && text.length() == 20 ? text
                        : t.getEpochSecond() == 0 ? "1970-01-01T00:00:00Z" : Instant.ofEpochSecond(t.getEpochSecond()).toString()));
            }
            case "56-digit-offsets": {
                if (!sqs || ((KafkaBatchInfo) record.batchInfo()).isSingleRecord()) {
                    return record;
                }
                KafkaBatchInfo info = (KafkaBatchInfo) record.batchInfo();
                Map<String, RecordRange> ranges = new LinkedHashMap<>();
                String base = "49601189658422359378836298521827638475320189012309704722";
                info.recordsInfo().forEach((k, r) -> ranges.put(k, r.toBuilder().firstRecordOffset(Offset.of(base))
                        .lastRecordOffset(Offset.of(base.substring(0, 50) + "999999")).build()));
                return withBatchInfo(record, info.toBuilder().recordsInfo(ranges).build());
            }
            case "placeholder-bootstrap":
                return sqs ? withBatchInfo(record, ((KafkaBatchInfo) record.batchInfo()).toBuilder()
                        .bootstrapServers("...").build()) : record;
            case "no-executed-version":
                // gopherstack leaves executedVersion out when it is empty
                return record.responseContext().isPresent() ? withResponse(record, JsonField.of(
                        record.responseContext().get().toBuilder().executedVersion(JsonField.absent()).build()))
                        : record;
            case "single-record-info":
                return sqs && !((KafkaBatchInfo) record.batchInfo()).isSingleRecord()
                        ? singleRecordInfo((SqsSnsRecord) record) : record;
            case "null-event-source-arn":
            default:
                // absent only for a self-managed cluster, whose event has no eventSourceArn either: null matches it
                if (record.batchInfo().eventSourceArn().isAbsent()) {
                    return record.batchInfo() instanceof KafkaBatchInfo info
                            ? withBatchInfo(record, info.toBuilder().eventSourceArn(JsonField.ofNull()).build())
                            : ((TopicRecord) record).toBuilder().batchInfo(((TopicRecord) record).batchInfo()
                                    .toBuilder().eventSourceArn(JsonField.ofNull()).build()).build();
                }
                return record;
        }
    }

    /**
     * The single-record form gopherstack writes for every destination: {@code recordInfo} (the first failed record's
     * offset and timestamp) in place of {@code recordsInfo}, {@code batchSize} 1. Only for a record without payload,
     * which has nothing to hold the one record against.
     */
    private static KafkaFailureRecord singleRecordInfo(SqsSnsRecord record) {
        KafkaBatchInfo info = record.batchInfo();
        RecordRange first = info.recordsInfo().values().iterator().next();
        Map<String, String> numberText = new LinkedHashMap<>(info.numberText());
        numberText.remove("batchSize");
        return record.toBuilder().batchInfo(KafkaBatchInfo.builder().from(info).recordsInfo(Map.of())
                .numberText(numberText)
                .recordInfo(JsonField.of(RecordInfo.builder().offset(first.firstRecordOffset())
                        .timestamp(first.firstRecordTimestamp()).build()))
                .writesRecordsInfo(false).batchSize(1).build()).build();
    }

    private static KafkaFailureRecord unknownFields(Entropy e, KafkaFailureRecord record) {
        KafkaFailureRecord r = record;
        int where = e.intBetween(0, 4);
        MemberTable<?> table = switch (where) {
            case 0 -> r.table();
            case 1 -> RequestContext.TABLE;
            case 2 -> r.responseContext().isPresent() ? ResponseContext.TABLE : RequestContext.TABLE;
            case 3 -> r.batchInfo() instanceof KafkaBatchInfo ? KafkaBatchInfo.TABLE : TopicBatchInfo.TABLE;
            default -> r.batchInfo() instanceof KafkaBatchInfo info && !info.isSingleRecord() ? RecordRange.TABLE
                    : RecordInfo.TABLE;
        };
        Map<String, JsonValue> extra = unknownMembers(e, table);
        switch (where) {
            case 0:
                if (r instanceof SqsSnsRecord s) {
                    return s.toBuilder().putAllUnknownFields(extra).build();
                }
                if (r instanceof S3Record s) {
                    return s.toBuilder().putAllUnknownFields(extra).build();
                }
                return ((TopicRecord) r).toBuilder().putAllUnknownFields(extra).build();
            case 1:
                return withRequestContext(r, r.requestContext().toBuilder().putAllUnknownFields(extra).build());
            case 2:
                if (r.responseContext().isPresent()) {
                    return withResponse(r, JsonField.of(r.responseContext().get().toBuilder()
                            .putAllUnknownFields(extra).build()));
                }
                return withRequestContext(r, r.requestContext().toBuilder().putAllUnknownFields(extra).build());
            case 3:
                if (r.batchInfo() instanceof KafkaBatchInfo info) {
                    return withBatchInfo(r, info.toBuilder().putAllUnknownFields(extra).build());
                }
                TopicRecord t = (TopicRecord) r;
                return t.toBuilder().batchInfo(t.batchInfo().toBuilder().putAllUnknownFields(extra).build()).build();
            default:
                if (r.batchInfo() instanceof KafkaBatchInfo info && info.isSingleRecord()) {
                    return withBatchInfo(r, info.toBuilder().recordInfo(JsonField.of(info.recordInfo().get()
                            .toBuilder().putAllUnknownFields(extra).build())).build());
                }
                if (r.batchInfo() instanceof KafkaBatchInfo info) {
                    Map<String, RecordRange> ranges = new LinkedHashMap<>(info.recordsInfo());
                    String key = ranges.keySet().iterator().next();
                    ranges.put(key, ranges.get(key).toBuilder().putAllUnknownFields(extra).build());
                    return withBatchInfo(r, info.toBuilder().recordsInfo(ranges).build());
                }
                TopicRecord topic = (TopicRecord) r;
                return topic.toBuilder().batchInfo(topic.batchInfo().toBuilder().recordInfo(topic.batchInfo()
                        .recordInfo().toBuilder().putAllUnknownFields(extra).build()).build()).build();
        }
    }

    /** One to three members that {@code table} does not know (a name its type has is never unknown). */
    private static Map<String, JsonValue> unknownMembers(Entropy e, MemberTable<?> table) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        int n = e.intBetween(1, 3);
        for (int i = 0; i < n; i++) {
            String name = e.pick(UNKNOWN_NAMES);
            JsonValue value = jsonValue(e, 2);
            if (!table.names().contains(name)) {
                members.putIfAbsent(name, value);
            }
        }
        if (members.isEmpty()) {
            members.put("x-unknown", JsonNull.INSTANCE);
        }
        return members;
    }

    static JsonValue jsonValue(Entropy e, int depth) {
        int choice = e.intBetween(0, depth > 0 ? 6 : 4);
        switch (choice) {
            case 0:
                return JsonString.of(e.pick(STRINGS));
            case 1:
                return JsonNumber.of(e.pick(NUMBERS));
            case 2:
                return JsonBoolean.of(e.chance(50));
            case 3:
                return JsonNull.INSTANCE;
            case 4:
                return JsonNumber.of(e.between(Long.MIN_VALUE, Long.MAX_VALUE));
            case 5: {
                List<JsonValue> elements = new ArrayList<>();
                int n = e.intBetween(0, 3);
                for (int i = 0; i < n; i++) {
                    elements.add(jsonValue(e, depth - 1));
                }
                return JsonArray.of(elements);
            }
            default: {
                JsonObject.Builder b = JsonObject.builder();
                int n = e.intBetween(0, 3);
                for (int i = 0; i < n; i++) {
                    String name = e.pick(UNKNOWN_NAMES);
                    if (!b.has(name)) {
                        b.put(name, jsonValue(e, depth - 1));
                    }
                }
                return b.build();
            }
        }
    }

    // ---- record surgery ----

    private static KafkaFailureRecord withBatchInfo(KafkaFailureRecord r, KafkaBatchInfo info) {
        if (r instanceof SqsSnsRecord s) {
            return s.toBuilder().batchInfo(info).build();
        }
        return ((S3Record) r).toBuilder().batchInfo(info).build();
    }

    private static KafkaFailureRecord withRequestContext(KafkaFailureRecord r, RequestContext rc) {
        if (r instanceof SqsSnsRecord s) {
            return s.toBuilder().requestContext(rc).build();
        }
        if (r instanceof S3Record s) {
            return s.toBuilder().requestContext(rc).build();
        }
        return ((TopicRecord) r).toBuilder().requestContext(rc).build();
    }

    private static KafkaFailureRecord withResponse(KafkaFailureRecord r, JsonField<ResponseContext> rc) {
        if (r instanceof SqsSnsRecord s) {
            return s.toBuilder().responseContext(rc).build();
        }
        if (r instanceof S3Record s) {
            return s.toBuilder().responseContext(rc).build();
        }
        return ((TopicRecord) r).toBuilder().responseContext(rc).build();
    }

    private static KafkaFailureRecord withTimestamp(KafkaFailureRecord r, Timestamp t) {
        if (r instanceof SqsSnsRecord s) {
            return s.toBuilder().timestamp(t).build();
        }
        if (r instanceof S3Record s) {
            return s.toBuilder().timestamp(t).build();
        }
        return ((TopicRecord) r).toBuilder().timestamp(t).build();
    }

    // ---- values ----

    private static ResponseContext response(Entropy e) {
        ResponseContext.Builder b = ResponseContext.builder().statusCode(200)
                .executedVersion(JsonField.of(e.chance(30) ? Long.toString(e.between(1, 120)) : "$LATEST"));
        if (!e.chance(10)) {
            b.functionError(JsonField.of(e.chance(80) ? "Unhandled" : "Handled"));
        }
        return b.build();
    }

    static String topic(Entropy e) {
        switch (e.intBetween(0, 6)) {
            case 0:
                return e.pick(WORDS.subList(0, 5));
            case 1:
                return e.pick(WORDS) + "-" + e.pick(WORDS) + "-" + e.pick(WORDS) + "-" + e.intBetween(0, 9);
            case 2:
                return e.pick(WORDS) + "." + e.pick(WORDS);
            case 3:
                return e.pick(WORDS) + "_" + e.pick(WORDS);
            case 4:
                return "__" + e.pick(WORDS) + "." + e.pick(WORDS) + "-" + e.pick(WORDS) + "_" + e.intBetween(0, 99);
            case 5: {
                StringBuilder sb = new StringBuilder();
                String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
                while (sb.length() < 249) {
                    sb.append(alphabet.charAt(e.intBetween(0, alphabet.length() - 1)));
                }
                return sb.toString().equals("...") ? "t" : sb.toString();
            }
            default:
                return "...";
        }
    }

    private static String bootstrapServers(Entropy e, boolean msk, String cluster, String region) {
        int n = e.intBetween(1, 3);
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (msk) {
                hosts.add("b-" + i + "." + cluster + ".a1bcde.c" + e.intBetween(1, 9) + ".kafka." + region
                        + ".amazonaws.com:" + e.pick(List.of(9092, 9094, 9096, 9098)));
            } else {
                hosts.add(e.chance(30) ? "10.0." + e.intBetween(0, 255) + "." + e.intBetween(1, 254) + ":9092"
                        : "kafka-" + i + ".internal.example.com:" + e.pick(List.of(9092, 9093, 29092)));
            }
        }
        return String.join(",", hosts);
    }

    private static String mskArn(Entropy e, String region, String account, String cluster) {
        String partition = region.startsWith("us-gov") ? "aws-us-gov" : "aws";
        // Provisioned clusters end "-<n>", MSK Serverless ones "-s<n>".
        return "arn:" + partition + ":kafka:" + region + ":" + account + ":cluster/" + cluster + "/" + uuid(e) + "-"
                + (e.intBetween(0, 3) == 0 ? "s" : "") + e.intBetween(1, 25);
    }

    static String uuid(Entropy e) {
        String hex = hex(e, 32);
        char variant = "89ab".charAt(e.intBetween(0, 3));
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-" + variant
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    private static String hex(Entropy e, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append("0123456789abcdef".charAt(e.intBetween(0, 15)));
        }
        return sb.toString();
    }

    private static String digits(Entropy e, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + e.intBetween(0, 9)));
        }
        return sb.toString();
    }

    private static byte[] bytes(Entropy e, int max) {
        byte[] b = new byte[e.intBetween(0, max)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) e.intBetween(-128, 127);
        }
        return b;
    }

    private static String base64(Entropy e, int max) {
        return Base64.getEncoder().encodeToString(bytes(e, max));
    }
}
