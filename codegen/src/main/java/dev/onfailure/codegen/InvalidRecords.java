package dev.onfailure.codegen;

import dev.onfailure.model.Condition;
import dev.onfailure.model.JsonType;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Member;
import dev.onfailure.model.MemberTable;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Seeded generators of invalid records: a valid, strict-conformant generated record changed by exactly one mutation,
 * labelled with the finding code it must produce. There is at least one mutation for every code of the validator's
 * catalogue that a record can trigger; each is applied only where it yields its code and no other error (an offset
 * swap, say, is applied to SQS/SNS records only, since in an S3 record it would also contradict the payload).
 *
 * <pre>{@code
 * Generator<InvalidRecord> gen = InvalidRecords.generator(GeneratorOptions.defaults(), true);
 * InvalidRecord bad = gen.generate(SeededEntropy.of(3));
 * bad.expectedCodes();   // e.g. [kafka.offset-order]
 * }</pre>
 */
public final class InvalidRecords {

    /** A mutation: the code it yields, and the change (null when it does not apply to the record). */
    private record Mutation(String code, boolean strictOnly, BiFunction<Entropy, Base, String> apply) {
    }

    /** The record being mutated, as a tree and as the model. */
    private record Base(KafkaFailureRecord record, JsonObject json) {
        Kind kind() {
            return record.kind();
        }
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("json.syntax", false, (e, b) -> {
                String text = Json.write(b.json());
                return text.substring(0, e.intBetween(1, text.length() - 1));
            }),
            new Mutation("json.syntax", false, (e, b) -> {
                String text = Json.write(b.json());
                return text.substring(0, text.length() - 1) + ",}";
            }),
            new Mutation("json.duplicate-key", false, (e, b) -> Json.write(b.json())
                    .replaceFirst("\"version\":", "\"version\":\"1.0\",\"version\":")),
            new Mutation("json.limit", false, (e, b) -> "{\"deep\":" + "[".repeat(500) + "]".repeat(500) + ","
                    + Json.write(b.json()).substring(1)),
            new Mutation("json.not-object", false, (e, b) -> "[" + Json.write(b.json()) + "]"),
            new Mutation("record.unknown-kind", false, (e, b) -> Json.write(rename(b.json(), "KafkaBatchInfo",
                    "KafkaBatchInformation"))),
            // the first required string member of the record's table (version) goes; its first required integer
            // member of KafkaBatchInfo (batchSize) becomes a string
            new Mutation("schema.required", false, (e, b) -> Json.write(remove(b.json(),
                    firstRequired(b.record().table(), JsonType.STRING)))),
            new Mutation("schema.type", false, (e, b) -> Json.write(set(b.json(), JsonString.of("many"),
                    KafkaFailureRecord.Members.KAFKA_BATCH_INFO.jsonName(), firstRequired(
                            b.record().batchInfo() instanceof KafkaBatchInfo ? KafkaBatchInfo.TABLE
                                    : TopicBatchInfo.TABLE, JsonType.INTEGER)))),
            new Mutation("schema.minimum", false, (e, b) -> Json.write(set(b.json(), JsonNumber.of(-1),
                    "requestContext", "approximateInvokeCount"))),
            new Mutation("schema.maximum", false, (e, b) -> b.kind() != Kind.SQS_SNS ? null
                    : Json.write(set(b.json(), JsonNumber.of(10_001), "KafkaBatchInfo", "batchSize"))),
            new Mutation("schema.pattern", false, (e, b) -> Json.write(set(b.json(), JsonString.of("yesterday"),
                    "timestamp"))),
            new Mutation("schema.const", true, (e, b) -> Json.write(set(b.json(), JsonString.of("1.1"), "version"))),
            new Mutation("schema.additionalProperties", true, (e, b) -> Json.write(add(b.json(), "destination",
                    JsonString.of("sqs")))),
            // Strict only: that a function that ran leaves a response rests on inference, a warning under tolerant.
            new Mutation("kafka.condition-response", true, (e, b) -> {
                JsonObject j = set(b.json(), JsonString.of(Condition.RETRY_ATTEMPTS_EXHAUSTED.text()),
                        "requestContext", "condition");
                return Json.write(b.json().has("responseContext") ? set(j, JsonNull.INSTANCE, "responseContext")
                        : j);
            }),
            new Mutation("kafka.condition-response", false, (e, b) -> {
                if (b.kind() == Kind.TOPIC) {
                    return null;
                }
                JsonObject j = set(b.json(), JsonString.of(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED.text()),
                        "requestContext", "condition");
                j = set(j, JsonNumber.of(7_340_032), "KafkaBatchInfo", "payloadSize");
                JsonObject response = JsonObject.builder().put("statusCode", JsonNumber.of(200))
                        .put("executedVersion", JsonString.of("$LATEST")).put("functionError", JsonString.of("Unhandled"))
                        .build();
                return Json.write(b.json().has("responseContext") ? set(j, response, "responseContext")
                        : addAfter(j, "requestContext", "responseContext", response));
            }),
            new Mutation("kafka.offset-order", false, (e, b) -> b.kind() != Kind.SQS_SNS ? null
                    : rangeEdit(b, (range, key) -> {
                        String last = ((JsonString) range.get("lastRecordOffset").orElseThrow()).value();
                        if (last.equals(Long.toString(Long.MAX_VALUE))) {
                            return set(set(range, JsonString.of(last), "firstRecordOffset"),
                                    JsonString.of(Long.toString(Long.MAX_VALUE - 1)), "lastRecordOffset");
                        }
                        return set(range, JsonString.of(Long.toString(Long.parseLong(last) + 1)), "firstRecordOffset");
                    })),
            new Mutation("kafka.offset-int64", false, (e, b) -> b.kind() != Kind.SQS_SNS ? null
                    : rangeEdit(b, (range, key) -> set(set(range,
                            JsonString.of("49601189658422359378836298521827638475320189012309704722"), "firstRecordOffset"),
                            JsonString.of("49601189658422359378836298522902373528957594348623495186"), "lastRecordOffset"))),
            new Mutation("kafka.timestamp-order", false, (e, b) -> b.kind() != Kind.SQS_SNS ? null
                    : rangeEdit(b, (range, key) -> set(set(range, JsonString.of("2030-01-01T00:00:01.000Z"),
                            "firstRecordTimestamp"), JsonString.of("2030-01-01T00:00:00.000Z"), "lastRecordTimestamp"))),
            new Mutation("kafka.topic-partition-key", false, (e, b) -> {
                if (b.kind() != Kind.SQS_SNS) {
                    return null;
                }
                JsonObject info = (JsonObject) b.json().get("KafkaBatchInfo").orElseThrow();
                JsonObject ranges = (JsonObject) info.get("recordsInfo").orElseThrow();
                String key = ranges.names().iterator().next();
                return Json.write(set(b.json(), rename(ranges, key, e.pick(List.of("Topic", "orders",
                        "orders-x1"))), "KafkaBatchInfo", "recordsInfo"));
            }),
            new Mutation("kafka.payload-not-event", false, (e, b) -> b.kind() == Kind.SQS_SNS ? null
                    // a Kafka-topic record's payload stays an object: a string beside recordInfo is the S3 form
                    : Json.write(set(b.json(), b.kind() == Kind.TOPIC
                            ? JsonObject.builder().put("event", JsonString.of("<Whole Event>")).build()
                            : JsonString.of(e.pick(List.of("<Whole Event>", "{}", "[]"))), "payload"))),
            // Mismatches AWS's text rules out (an S3 record's batchSize is its payload's count); ones that rest on
            // inference (broker lists, ARNs, timestamps) are warnings under tolerant and would not label a case.
            new Mutation("kafka.payload-mismatch", false, (e, b) -> {
                if (b.kind() != Kind.S3) {
                    return null;
                }
                int size = b.record().batchInfo().batchSize();
                return Json.write(set(b.json(), JsonNumber.of(size > 1 ? size - 1 : size + 1), "KafkaBatchInfo",
                        "batchSize"));
            }),
            new Mutation("kafka.payload-size", false, (e, b) -> {
                JsonObject j = set(b.json(), JsonString.of(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED.text()),
                        "requestContext", "condition");
                j = set(j, JsonNumber.of(e.between(0, 6L * 1024 * 1024)), "KafkaBatchInfo", "payloadSize");
                return Json.write(b.json().has("responseContext") ? set(j, JsonNull.INSTANCE, "responseContext") : j);
            }),
            new Mutation("record.request-id", false, (e, b) -> Json.write(set(b.json(),
                    JsonString.of(e.pick(List.of("not-a-uuid", "316aa6d0-8154-xmpl-9af7-85d5f4a6bc81", ""))),
                    "requestContext", "requestId"))),
            new Mutation("record.unknown-condition", false, (e, b) -> {
                JsonObject j = set(b.json(), JsonString.of("SomethingNew"), "requestContext", "condition");
                return Json.write(j);
            }),
            new Mutation("envelope.message-not-json", false, (e, b) -> Json.write(JsonObject.builder()
                    .put("Type", JsonString.of("Notification"))
                    .put("Message", JsonString.of(Json.write(b.json()).substring(1))).build())),
            new Mutation("envelope.empty", false, (e, b) -> "{\"Records\":[]}"),
            // differences from AWS's form, as other tools write records
            new Mutation("kafka.single-record-info", false, (e, b) -> b.kind() != Kind.SQS_SNS ? null
                    : singleRecordInfo(b)),
            new Mutation("kafka.header-unsigned", false, (e, b) -> unsignedHeader(b)),
            new Mutation("record.member-order", false, (e, b) -> {
                JsonObject.Builder r = JsonObject.builder().put("KafkaBatchInfo",
                        b.json().get("KafkaBatchInfo").orElseThrow());
                b.json().members().forEach((k, v) -> {
                    if (!k.equals("KafkaBatchInfo")) {
                        r.put(k, v);
                    }
                });
                return Json.write(r.build());
            }));

    private InvalidRecords() {
    }

    /** Returns the codes the mutations yield, each once. */
    public static List<String> codes() {
        return MUTATIONS.stream().map(Mutation::code).distinct().toList();
    }

    /**
     * Returns a generator of invalid records.
     *
     * @param options the options for the valid base records ({@code strictOnly} is forced)
     * @param strict  whether the records will be checked under the strict profile; mutations that only the strict
     *                profile rejects are used only then
     */
    public static Generator<InvalidRecord> generator(GeneratorOptions options, boolean strict) {
        return generator(options, strict, code -> true, record -> true);
    }

    /**
     * Returns a generator of invalid records whose labels are exact: only mutations whose code {@code codes} accepts
     * are made, and only on base records {@code bases} accepts. A caller that can validate passes a {@code bases}
     * that accepts only records without findings, so that each case yields its code and nothing else (generated
     * valid records may carry warnings: legal but implausible values are part of their variety). The base is drawn
     * again until accepted, so {@code bases} must accept a fair share of records.
     *
     * <pre>{@code
     * Generator<InvalidRecord> errorsOnly = InvalidRecords.generator(GeneratorOptions.defaults(), true,
     *         code -> !code.equals("envelope.empty"), record -> validator.validate(codec.write(record)).valid());
     * }</pre>
     *
     * @param codes the codes that may be labelled; at least one must have a mutation
     * @param bases the valid records that may be mutated
     * @throws IllegalArgumentException if {@code codes} accepts no mutation's code
     */
    public static Generator<InvalidRecord> generator(GeneratorOptions options, boolean strict,
            Predicate<String> codes, Predicate<KafkaFailureRecord> bases) {
        Generator<GeneratedRecord> valid = RecordGenerators.records(options.strictOnly(true));
        List<Mutation> applicable = new ArrayList<>();
        for (Mutation m : MUTATIONS) {
            if ((!m.strictOnly() || strict) && codes.test(m.code())) {
                applicable.add(m);
            }
        }
        if (applicable.isEmpty()) {
            throw new IllegalArgumentException("no mutation yields any of the codes asked for");
        }
        return e -> {
            GeneratedRecord g = valid.generate(e);
            while (!bases.test(g.record())) {
                g = valid.generate(e);
            }
            Base base = new Base(g.record(), RecordCodec.defaults().toJson(g.record()));
            while (true) {
                Mutation m = e.pick(applicable);
                String text = m.apply().apply(e, base);
                if (text != null) {
                    return new InvalidRecord(text, List.of(m.code()), m.code() + " on " + base.kind().id());
                }
            }
        };
    }

    /** The JSON name of the first member of {@code table} that is required and of {@code type}. */
    private static String firstRequired(MemberTable<?> table, JsonType type) {
        for (Member m : table.required(false)) {
            if (specOf(table, m).types(false).equals(java.util.Set.of(type))) {
                return m.jsonName();
            }
        }
        throw new IllegalStateException("no required " + type + " member in " + table);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Member.Spec specOf(MemberTable table, Member m) {
        return table.spec((Enum) m);
    }

    // ---- tree surgery on immutable JSON ----

    /** The single-record form: {@code recordInfo} (the first range's first record) in place of {@code recordsInfo}. */
    private static String singleRecordInfo(Base b) {
        JsonObject info = (JsonObject) b.json().get("KafkaBatchInfo").orElseThrow();
        JsonObject ranges = (JsonObject) info.get("recordsInfo").orElseThrow();
        JsonObject first = (JsonObject) ranges.get(ranges.names().iterator().next()).orElseThrow();
        JsonObject recordInfo = JsonObject.builder().put("offset", first.get("firstRecordOffset").orElseThrow())
                .put("timestamp", first.get("firstRecordTimestamp").orElseThrow()).build();
        JsonObject.Builder changed = JsonObject.builder();
        info.members().forEach((k, v) -> {
            if (k.equals("recordsInfo")) {
                changed.put("recordInfo", recordInfo);
            } else {
                changed.put(k, v);
            }
        });
        return Json.write(set(b.json(), changed.build(), "KafkaBatchInfo"));
    }

    /** A header byte of an object payload's first header written unsigned (200 for -56); null without one. */
    private static String unsignedHeader(Base b) {
        if (!(b.json().get("payload").orElse(null) instanceof JsonObject event)
                || !(event.get("records").orElse(null) instanceof JsonObject records)) {
            return null;
        }
        for (String key : records.names()) {
            if (!(records.get(key).orElseThrow() instanceof dev.onfailure.json.JsonArray list)) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof JsonObject record
                        && record.get("headers").orElse(null) instanceof dev.onfailure.json.JsonArray headers
                        && headers.size() > 0 && headers.get(0) instanceof JsonObject header) {
                    String name = header.names().iterator().next();
                    List<JsonValue> bytes = new ArrayList<>(((dev.onfailure.json.JsonArray) header.get(name)
                            .orElseThrow()).elements());
                    bytes.add(JsonNumber.of(200));
                    List<JsonValue> newHeaders = new ArrayList<>(headers.elements());
                    newHeaders.set(0, JsonObject.builder().put(name, dev.onfailure.json.JsonArray.of(bytes)).build());
                    List<JsonValue> newList = new ArrayList<>(list.elements());
                    newList.set(i, set(record, dev.onfailure.json.JsonArray.of(newHeaders), "headers"));
                    return Json.write(set(b.json(), dev.onfailure.json.JsonArray.of(newList), "payload", "records",
                            key));
                }
            }
        }
        return null;
    }

    private static String rangeEdit(Base b, BiFunction<JsonObject, String, JsonObject> edit) {
        JsonObject info = (JsonObject) b.json().get("KafkaBatchInfo").orElseThrow();
        JsonObject ranges = (JsonObject) info.get("recordsInfo").orElseThrow();
        String key = ranges.names().iterator().next();
        JsonObject changed = edit.apply((JsonObject) ranges.get(key).orElseThrow(), key);
        return Json.write(set(b.json(), changed, "KafkaBatchInfo", "recordsInfo", key));
    }

    static JsonObject set(JsonObject o, JsonValue value, String... path) {
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
            if (!m.getKey().equals(path[0])) {
                b.put(m.getKey(), m.getValue());
            } else if (path.length == 1) {
                b.put(m.getKey(), value);
            } else {
                String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
                b.put(m.getKey(), set((JsonObject) m.getValue(), value, rest));
            }
        }
        return b.build();
    }

    static JsonObject remove(JsonObject o, String name) {
        JsonObject.Builder b = JsonObject.builder();
        o.members().forEach((k, v) -> {
            if (!k.equals(name)) {
                b.put(k, v);
            }
        });
        return b.build();
    }

    static JsonObject rename(JsonObject o, String from, String to) {
        JsonObject.Builder b = JsonObject.builder();
        o.members().forEach((k, v) -> b.put(k.equals(from) ? to : k, v));
        return b.build();
    }

    /** Adds {@code name} right after {@code after}, where AWS's order puts it. */
    static JsonObject addAfter(JsonObject o, String after, String name, JsonValue value) {
        JsonObject.Builder b = JsonObject.builder();
        o.members().forEach((k, v) -> {
            b.put(k, v);
            if (k.equals(after)) {
                b.put(name, value);
            }
        });
        return b.build();
    }

    static JsonObject add(JsonObject o, String name, JsonValue value) {
        return JsonObject.builder().putAll(o.members()).put(name, value).build();
    }

}
