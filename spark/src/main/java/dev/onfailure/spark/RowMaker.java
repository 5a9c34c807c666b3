package dev.onfailure.spark;

import dev.onfailure.model.BatchInfo;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.RecordInfo;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.RequestContext;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.Timestamp;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.TopicPartition;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.Severity;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import dev.onfailure.validator.Envelope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns one document into its rows, making only the columns the query asked for: without {@code valid} or
 * {@code findings} nothing is validated, without {@code findings.message} no message is made, and a payload's event
 * is needed only for {@code ranges.payloadRecords} (and a Kafka-topic record's topic-partition, which only its payload
 * names). When the document is validated, each row is made from what the validator's report holds: the record it
 * bound ({@code ValidationOptions.keepingRecords()}), with the payload's event it parsed, and the envelopes it
 * unwrapped; so the document, its envelopes and its payloads are each read once. Only a record the model cannot bind
 * (a member of the wrong type, one missing) is read again here, as a tree, for the columns that still have a value.
 * Without validation, a record written plainly outside any envelope is bound straight from its bytes as the validator
 * binds it ({@code RecordCodec.readBytes}), a query of kinds alone reads the bytes once without binding anything
 * ({@link KindSkim}), and any other document is read as a tree. Rows come out in the order {@code onfailure validate}
 * reports the records.
 */
final class RowMaker {

    /** As deep as the validator unwraps envelopes (an SNS notification inside a Lambda SQS event is two). */
    private static final int MAX_ENVELOPE_DEPTH = 3;

    /** The columns the validator's reports alone give; a query of only these never needs a record's members. */
    private static final Set<String> REPORT_COLUMNS = Set.of("source", "kind", "valid", "findings",
            "readError", "envelope");

    /**
     * The columns a record's kind and where it is give; a query of only these (or of none: {@code count(*)}) reads a
     * document without a tree where {@link KindSkim} can.
     */
    private static final Set<String> KIND_COLUMNS = Set.of("source", "kind", "envelope", "readError");

    private static final UTF8String STRING = UTF8String.fromString("string");
    private static final UTF8String OBJECT = UTF8String.fromString("object");
    private static final UTF8String ABSENT = UTF8String.fromString("absent");
    private static final UTF8String NULL = UTF8String.fromString("null");

    private final StructType schema;
    private final Validator validator;
    private final ValidationOptions options;
    /** {@link #options}, each report keeping the record the validator bound: for rows with a record's members. */
    private final ValidationOptions keeping;
    private final ReadLimits limits;
    private final boolean report;
    private final boolean payloadRecords;
    private final boolean payloadTopics;
    private final boolean fromReports;
    /** For a query of {@link #KIND_COLUMNS} only; null for any other. */
    private final KindSkim skim;
    /** For member columns without validation: binds plain records from their bytes; null for any other query. */
    private final RecordCodec codec;
    /**
     * Finding codes and severities, each made a Spark string once per task instead of once per finding (Spark's
     * strings are immutable, and rows share them as they share literals).
     */
    private final Map<String, UTF8String> constants = new HashMap<>();
    private final Map<Severity, UTF8String> severities = new EnumMap<>(Severity.class);

    RowMaker(StructType schema, Validator validator, ValidationOptions options, ReadLimits limits) {
        this.schema = schema;
        this.validator = validator;
        this.options = options;
        this.limits = limits;
        this.report = has(schema, "valid") || has(schema, "findings");
        Optional<StructType> ranges = sub(schema, "ranges");
        this.payloadRecords = ranges.map(s -> has(s, "payloadRecords")).orElse(false);
        this.payloadTopics = ranges.map(s -> has(s, "key") || has(s, "topic") || has(s, "partition")).orElse(false);
        this.fromReports = report && Arrays.stream(schema.fieldNames()).allMatch(REPORT_COLUMNS::contains);
        this.keeping = options.keepingRecords();
        this.skim = !report && Arrays.stream(schema.fieldNames()).allMatch(KIND_COLUMNS::contains)
                ? new KindSkim(limits) : null;
        this.codec = !report && skim == null ? RecordCodec.withLimits(limits) : null;
        for (Severity v : Severity.values()) {
            severities.put(v, text(v.id()));
        }
    }

    /** One record of a document as the reader's own tree gives it: where, what, and its JSON when it could be read. */
    private record Entry(String location, Optional<Envelope> envelope, Optional<Kind> kind, Optional<JsonObject> json) {
    }

    /** Emits the rows of the document {@code bytes} found at {@code source}. */
    void rows(String source, byte[] bytes, Consumer<InternalRow> out) {
        ReadStats.DOCUMENTS.increment();
        if (fromReports) {
            // Only what the reports hold (the command's columns): the validator reads the bytes as the command does,
            // and its reports give location, envelope and kind.
            ReadStats.VALIDATIONS.increment();
            for (RecordReport r : validator.validate(bytes, options).records()) {
                out.accept(row(source, r.location(), r.envelope(), r.kind(), Optional.of(r), null, null));
            }
            return;
        }
        if (!report) {
            if (skim != null) {
                KindSkim.Verdict v = skim.verdict(bytes);
                if (v != KindSkim.Verdict.UNSURE) {
                    ReadStats.SKIMS.increment();
                    out.accept(row(source, "", Optional.empty(), v.kind(), Optional.empty(), null, null));
                    return;
                }
            } else {
                // A record written plainly, outside any envelope, bound straight from the bytes as the validator
                // binds it (the record the tree would give); anything else through the tree.
                Optional<KafkaFailureRecord> bound = codec.readBytes(bytes);
                if (bound.isPresent()) {
                    ReadStats.BOUND.increment();
                    out.accept(row(source, "", Optional.empty(), Optional.of(bound.get().kind()), Optional.empty(),
                            bound.get(), null));
                    return;
                }
            }
            rowsFromTree(source, bytes, out);
            return;
        }
        // A record's members too: from the records the validator bound, the document read once (by the validator).
        ReadStats.VALIDATIONS.increment();
        List<RecordReport> reports = validator.validate(bytes, keeping).records();
        List<Entry> entries = null;
        for (int i = 0; i < reports.size(); i++) {
            RecordReport r = reports.get(i);
            Optional<KafkaFailureRecord> bound = r.record();
            if (r.kind().isEmpty() || bound.isPresent() && bound.get().kind() == r.kind().get()) {
                out.accept(row(source, r.location(), r.envelope(), r.kind(), Optional.of(r), bound.orElse(null),
                        null));
                continue;
            }
            // A record the model cannot bind: its members from the reader's own tree, as without validation.
            if (entries == null) {
                entries = entries(bytes);
            }
            Entry e = entry(entries, i, r);
            out.accept(row(source, r.location(), r.envelope(), r.kind(), Optional.of(r), null,
                    e.json().orElse(null)));
        }
    }

    /**
     * Emits the rows of {@code bytes} made from the reader's own tree of the document (envelopes unwrapped and
     * payloads parsed here), validated from that tree when the query asks for a report: the way for queries that do
     * not validate, and the reference the rows made from the validator's records are tested against.
     */
    void rowsFromTree(String source, byte[] bytes, Consumer<InternalRow> out) {
        ReadStats.TREES.increment();
        JsonValue tree;
        try {
            tree = Json.parse(bytes, limits);
        } catch (ReadException e) {
            // Unreadable: the validator says why (json.syntax, json.limit, ...), one record with no kind.
            if (report) {
                ReadStats.VALIDATIONS.increment();
                for (RecordReport r : validator.validate(bytes, options).records()) {
                    out.accept(row(source, r.location(), Optional.empty(), r.kind(), Optional.of(r), null, null));
                }
            } else {
                out.accept(row(source, "", Optional.empty(), Optional.empty(), Optional.empty(), null, null));
            }
            return;
        }
        List<Entry> entries = new ArrayList<>();
        walk(tree, "", Optional.empty(), 0, entries);
        if (!report) {
            entries.forEach(e -> out.accept(row(source, e, Optional.empty())));
            return;
        }
        ReadStats.VALIDATIONS.increment();
        List<RecordReport> reports = validator.validate(tree, options).records();
        for (int i = 0; i < reports.size(); i++) {
            out.accept(row(source, entry(entries, i, reports.get(i)), Optional.of(reports.get(i))));
        }
    }

    /** The records of {@code bytes} as the reader's own tree gives them; none when it is no JSON. */
    private List<Entry> entries(byte[] bytes) {
        ReadStats.TREES.increment();
        List<Entry> entries = new ArrayList<>();
        try {
            walk(Json.parse(bytes, limits), "", Optional.empty(), 0, entries);
        } catch (ReadException e) {
            // the validator read it, so never expected; the report's row then has no member columns
        }
        return entries;
    }

    /**
     * The entry of the {@code i}th report: the walk mirrors the validator's, so it is the {@code i}th entry; should
     * they ever differ, the validator's reports decide the rows, and one the walk did not find has no JSON.
     */
    private static Entry entry(List<Entry> entries, int i, RecordReport r) {
        if (i < entries.size() && entries.get(i).location().equals(r.location())) {
            return entries.get(i);
        }
        for (Entry e : entries) {
            if (e.location().equals(r.location())) {
                return e;
            }
        }
        return new Entry(r.location(), r.envelope(), r.kind(), Optional.empty());
    }

    /** Emits the row of a file that could not be read. */
    void unreadable(String source, String problem, Consumer<InternalRow> out) {
        Object[] values = new Object[schema.size()];
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            switch (fields[i].name()) {
                case "source" -> values[i] = UTF8String.fromString(source);
                case "valid" -> values[i] = false;
                case "findings" -> values[i] = new GenericArrayData(new Object[0]);
                case "readError" -> values[i] = UTF8String.fromString(problem);
                default -> values[i] = null;
            }
        }
        out.accept(new GenericInternalRow(values));
    }

    /** The records of a document, as {@code Validator} finds them (kind detected, envelopes unwrapped). */
    private void walk(JsonValue v, String location, Optional<Envelope> envelope, int depth, List<Entry> out) {
        if (!(v instanceof JsonObject o)) {
            out.add(new Entry(location, envelope, Optional.empty(), Optional.empty()));
            return;
        }
        Optional<Kind> kind = RecordCodec.kindOf(o);
        if (kind.isPresent()) {
            out.add(new Entry(location, envelope, kind, Optional.of(o)));
            return;
        }
        Optional<Envelope.Unwrapped> unwrapped = depth < MAX_ENVELOPE_DEPTH ? Envelope.unwrap(o) : Optional.empty();
        if (unwrapped.isEmpty()) {
            out.add(new Entry(location, envelope, Optional.empty(), Optional.empty()));
            return;
        }
        Optional<Envelope> env = Optional.of(unwrapped.get().envelope());
        if (unwrapped.get().messages().isEmpty()) {
            out.add(new Entry(location, env, Optional.empty(), Optional.empty()));
            return;
        }
        for (Envelope.Message m : unwrapped.get().messages()) {
            String at = location + m.pointer();
            if (m.text().isEmpty()) {
                out.add(new Entry(at, env, Optional.empty(), Optional.empty()));
                continue;
            }
            JsonValue inner;
            try {
                inner = Json.parse(m.text().get(), limits);
            } catch (ReadException e) {
                out.add(new Entry(at, env, Optional.empty(), Optional.empty()));
                continue;
            }
            walk(inner, at, env, depth + 1, out);
        }
    }

    /** The row of a tree's entry. */
    private InternalRow row(String source, Entry e, Optional<RecordReport> r) {
        return row(source, e.location(), e.envelope(), e.kind(), r, null, e.json().orElse(null));
    }

    /**
     * The row of one record: its members from {@code bound} (the record the validator bound), else from {@code json}
     * (the reader's own tree of it), else none (no record: every member column null).
     */
    private InternalRow row(String source, String location, Optional<Envelope> envelope, Optional<Kind> kind,
            Optional<RecordReport> r, KafkaFailureRecord bound, JsonObject json) {
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            StructField f = fields[i];
            values[i] = switch (f.name()) {
                case "source" -> text(location.isEmpty() ? source : source + "#" + location);
                case "kind" -> kind.map(k -> constants.computeIfAbsent(k.id(), RowMaker::text)).orElse(null);
                case "valid" -> r.map(RecordReport::valid).orElse(false);
                case "findings" -> findings((StructType) ((ArrayType) f.dataType()).elementType(),
                        r.map(RecordReport::findings).orElse(List.of()));
                case "readError" -> null;
                case "envelope" -> envelope.map(x -> constants.computeIfAbsent(x.id(), RowMaker::text)).orElse(null);
                default -> bound != null ? member(f, bound) : json != null ? member(f, json, kind) : null;
            };
        }
        return new GenericInternalRow(values);
    }

    /** The column {@code f} of a record the validator bound. */
    private Object member(StructField f, KafkaFailureRecord rec) {
        RequestContext request = rec.requestContext();
        BatchInfo batch = rec.batchInfo();
        return switch (f.name()) {
            case "requestId" -> text(request.requestId());
            case "functionArn" -> text(request.functionArn());
            case "condition" -> text(request.condition().text());
            case "approximateInvokeCount" -> integer(request.approximateInvokeCount(), request.numberText(),
                    "approximateInvokeCount");
            case "responseContextState" -> switch (rec.responseContext().state()) {
                case ABSENT -> ABSENT;
                case NULL -> NULL;
                case PRESENT -> OBJECT;
            };
            case "responseContext" -> rec.responseContext().isPresent()
                    ? response((StructType) f.dataType(), rec.responseContext().get()) : null;
            case "version" -> text(rec.version());
            case "timestamp" -> micros(rec.timestamp());
            case "timestampText" -> text(rec.timestamp().text());
            case "eventSourceArn" -> batch.eventSourceArn().value().map(RowMaker::text).orElse(null);
            case "bootstrapServers" -> text(batch.bootstrapServers());
            case "batchSize" -> integer(batch.batchSize(), batch.numberText(), "batchSize");
            case "payloadSize" -> integer(batch.payloadSize(), batch.numberText(), "payloadSize");
            case "payloadForm" -> rec.payloadIfAny().map(p -> p.form() == Payload.Form.STRING ? STRING : OBJECT)
                    // an SQS/SNS record has no payload; one written there anyway is an unknown member
                    .orElseGet(() -> form(rec.unknownFields().get("payload")));
            case "ranges" -> ranges((StructType) ((ArrayType) f.dataType()).elementType(), rec);
            default -> throw new IllegalArgumentException("no column " + f.name());
        };
    }

    /** The column {@code f} of a record read from the reader's own tree, {@code rec}. */
    private Object member(StructField f, JsonObject rec, Optional<Kind> kind) {
        JsonObject request = object(rec, "requestContext");
        JsonObject batch = object(rec, "KafkaBatchInfo");
        return switch (f.name()) {
            case "requestId" -> string(request, "requestId");
            case "functionArn" -> string(request, "functionArn");
            case "condition" -> string(request, "condition");
            case "approximateInvokeCount" -> integer(request, "approximateInvokeCount");
            case "responseContextState" -> rec.get("responseContext").map(v -> v instanceof JsonObject ? OBJECT
                    : text(v.typeName())).orElse(ABSENT);
            case "responseContext" -> rec.get("responseContext").orElse(null) instanceof JsonObject rc
                    ? response((StructType) f.dataType(), rc) : null;
            case "version" -> string(rec, "version");
            case "timestamp" -> stringValue(rec, "timestamp").map(t -> micros(Timestamp.of(t))).orElse(null);
            case "timestampText" -> string(rec, "timestamp");
            case "eventSourceArn" -> string(batch, "eventSourceArn");
            case "bootstrapServers" -> string(batch, "bootstrapServers");
            case "batchSize" -> integer(batch, "batchSize");
            case "payloadSize" -> integer(batch, "payloadSize");
            case "payloadForm" -> form(rec.get("payload").orElse(null));
            case "ranges" -> {
                boolean topic = kind.filter(Kind.TOPIC::equals).isPresent();
                Optional<KafkaEvent> payload = payloadRecords || (topic && payloadTopics)
                        ? parsed(rec.get("payload").orElse(null)) : null;
                yield ranges((StructType) ((ArrayType) f.dataType()).elementType(), batch, topic, payload);
            }
            default -> throw new IllegalArgumentException("no column " + f.name());
        };
    }

    /** {@code payloadForm} of a member {@code payload}: {@code string}, {@code object}, another JSON type, or null. */
    private static UTF8String form(JsonValue payload) {
        if (payload == null) {
            return null;
        }
        return payload instanceof JsonString ? STRING : payload instanceof JsonObject ? OBJECT
                : text(payload.typeName());
    }

    private GenericArrayData findings(StructType type, List<Finding> findings) {
        Object[] out = new Object[findings.size()];
        StructField[] fields = type.fields();
        for (int i = 0; i < out.length; i++) {
            Finding f = findings.get(i);
            Object[] values = new Object[fields.length];
            for (int j = 0; j < fields.length; j++) {
                values[j] = switch (fields[j].name()) {
                    case "code" -> constants.computeIfAbsent(f.code(), RowMaker::text);
                    case "severity" -> severities.get(f.severity());
                    case "pointer" -> text(f.pointer());
                    case "message" -> {
                        ReadStats.MESSAGES.increment();
                        yield text(f.message());
                    }
                    default -> throw new IllegalArgumentException("no finding field " + fields[j].name());
                };
            }
            out[i] = new GenericInternalRow(values);
        }
        return new GenericArrayData(out);
    }

    private static InternalRow response(StructType type, JsonObject rc) {
        StructField[] fields = type.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = switch (fields[i].name()) {
                case "statusCode" -> integer(rc, "statusCode");
                case "executedVersion" -> string(rc, "executedVersion");
                case "functionError" -> string(rc, "functionError");
                default -> throw new IllegalArgumentException("no responseContext field " + fields[i].name());
            };
        }
        return new GenericInternalRow(values);
    }

    private static InternalRow response(StructType type, ResponseContext rc) {
        StructField[] fields = type.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = switch (fields[i].name()) {
                case "statusCode" -> integer(rc.statusCode(), rc.numberText(), "statusCode");
                case "executedVersion" -> rc.executedVersion().value().map(RowMaker::text).orElse(null);
                case "functionError" -> rc.functionError().value().map(RowMaker::text).orElse(null);
                default -> throw new IllegalArgumentException("no responseContext field " + fields[i].name());
            };
        }
        return new GenericInternalRow(values);
    }

    /**
     * The event of {@code payload}, a record's member read from the reader's own tree (or an SQS/SNS record's unknown
     * one), parsed here; empty when it is no event.
     */
    private Optional<KafkaEvent> parsed(JsonValue payload) {
        if (!(payload instanceof JsonString) && !(payload instanceof JsonObject)) {
            return Optional.empty();
        }
        ReadStats.PAYLOADS.increment();
        try {
            Payload p = payload instanceof JsonString s ? Payload.ofString(s.value(), limits)
                    : Payload.ofObject((JsonObject) payload);
            return Optional.of(p.event());
        } catch (ReadException e) {
            return Optional.empty();
        }
    }

    /** The event the validator parsed when it bound the record's payload; empty when the payload is no event. */
    private static Optional<KafkaEvent> event(Payload payload) {
        try {
            return Optional.of(payload.event());
        } catch (ReadException e) {
            return Optional.empty();
        }
    }

    /** The ranges of a record the validator bound. */
    private GenericArrayData ranges(StructType type, KafkaFailureRecord rec) {
        boolean topic = rec instanceof TopicRecord;
        Optional<KafkaEvent> payload = null;
        if (payloadRecords || (topic && payloadTopics)) {
            Optional<Payload> p = rec.payloadIfAny();
            payload = p.isPresent() ? event(p.get()) : parsed(rec.unknownFields().get("payload"));
        }
        Map<String, Long> counts = counts(payload);
        if (rec.batchInfo() instanceof TopicBatchInfo batch) {
            Optional<TopicPartition> tp = firstTopicPartition(payload);
            Optional<String> key = tp.map(TopicPartition::key);
            RecordInfo info = batch.recordInfo();
            return new GenericArrayData(new Object[] {range(type, key, tp, info.offset(), info.offset(),
                    info.timestamp(), info.timestamp(), counted(counts, key))});
        }
        Map<String, RecordRange> info = ((KafkaBatchInfo) rec.batchInfo()).recordsInfo();
        Object[] out = new Object[info.size()];
        int i = 0;
        for (Map.Entry<String, RecordRange> m : info.entrySet()) {
            RecordRange r = m.getValue();
            out[i++] = range(type, Optional.of(m.getKey()), TopicPartition.parse(m.getKey()), r.firstRecordOffset(),
                    r.lastRecordOffset(), r.firstRecordTimestamp(), r.lastRecordTimestamp(),
                    counted(counts, Optional.of(m.getKey())));
        }
        return new GenericArrayData(out);
    }

    /** The ranges of a record read from the reader's own tree ({@code payload} null when not asked for). */
    private static GenericArrayData ranges(StructType type, JsonObject batch, boolean topic,
            Optional<KafkaEvent> payload) {
        Map<String, Long> counts = counts(payload);
        List<Object> out = new ArrayList<>();
        if (topic) {
            if (!(batch.get("recordInfo").orElse(null) instanceof JsonObject info)) {
                return new GenericArrayData(new Object[0]);
            }
            Optional<TopicPartition> tp = firstTopicPartition(payload);
            Optional<String> key = tp.map(TopicPartition::key);
            Offset offset = stringValue(info, "offset").map(Offset::of).orElse(null);
            Timestamp time = stringValue(info, "timestamp").map(Timestamp::of).orElse(null);
            out.add(range(type, key, tp, offset, offset, time, time, counted(counts, key)));
        } else if (batch.get("recordsInfo").orElse(null) instanceof JsonObject info) {
            for (Map.Entry<String, JsonValue> m : info.members().entrySet()) {
                JsonObject r = m.getValue() instanceof JsonObject o ? o : JsonObject.empty();
                out.add(range(type, Optional.of(m.getKey()), TopicPartition.parse(m.getKey()),
                        stringValue(r, "firstRecordOffset").map(Offset::of).orElse(null),
                        stringValue(r, "lastRecordOffset").map(Offset::of).orElse(null),
                        stringValue(r, "firstRecordTimestamp").map(Timestamp::of).orElse(null),
                        stringValue(r, "lastRecordTimestamp").map(Timestamp::of).orElse(null),
                        counted(counts, Optional.of(m.getKey()))));
            }
        }
        return new GenericArrayData(out.toArray());
    }

    /**
     * The payload's records by topic-partition key; null when the payload was not asked for or is no event (then
     * {@code payloadRecords} is null).
     */
    private static Map<String, Long> counts(Optional<KafkaEvent> payload) {
        if (payload == null || payload.isEmpty()) {
            return null;
        }
        Map<String, Long> counts = new HashMap<>();
        for (KafkaRecord k : payload.get().allRecords()) {
            counts.merge(k.topic() + "-" + k.partition(), 1L, Long::sum);
        }
        return counts;
    }

    /** The topic-partition of the payload's first record that names one (a Kafka-topic record's only source of it). */
    private static Optional<TopicPartition> firstTopicPartition(Optional<KafkaEvent> payload) {
        if (payload != null && payload.isPresent()) {
            for (KafkaRecord k : payload.get().allRecords()) {
                Optional<TopicPartition> tp = k.topicPartition();
                if (tp.isPresent()) {
                    return tp;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code payloadRecords} of the range {@code key}: 0 for a key the payload has no records of. */
    private static Long counted(Map<String, Long> counts, Optional<String> key) {
        return counts == null ? null : key.map(k -> counts.getOrDefault(k, 0L)).orElse(0L);
    }

    /** One range; an absent offset or timestamp (one that is not a string, in a tree) is null. */
    private static InternalRow range(StructType type, Optional<String> key, Optional<TopicPartition> tp,
            Offset first, Offset last, Timestamp firstTime, Timestamp lastTime, Long inPayload) {
        StructField[] fields = type.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = switch (fields[i].name()) {
                case "key" -> key.map(RowMaker::text).orElse(null);
                case "topic" -> tp.map(t -> text(t.topic())).orElse(null);
                case "partition" -> tp.map(TopicPartition::partition).orElse(null);
                case "firstOffset" -> first == null ? null : offset(first);
                case "lastOffset" -> last == null ? null : offset(last);
                case "firstOffsetText" -> first == null ? null : text(first.text());
                case "lastOffsetText" -> last == null ? null : text(last.text());
                case "firstTimestamp" -> firstTime == null ? null : micros(firstTime);
                case "lastTimestamp" -> lastTime == null ? null : micros(lastTime);
                case "firstTimestampText" -> firstTime == null ? null : text(firstTime.text());
                case "lastTimestampText" -> lastTime == null ? null : text(lastTime.text());
                case "payloadRecords" -> inPayload;
                default -> throw new IllegalArgumentException("no range field " + fields[i].name());
            };
        }
        return new GenericInternalRow(values);
    }

    /**
     * An offset as decimal(38,0), or null when its text is no decimal integer of at most 38 digits ({@link Offset}'s
     * rule: ASCII digits only, leading zeros allowed and not counted). Kafka's offsets fit a {@code long} and are made
     * from it; only longer ones go through {@code BigDecimal} (the digits were counted by printing a
     * {@code BigInteger} before, a few per cent of a task's CPU when every column is read).
     */
    static Decimal offset(String text) {
        return offset(Offset.of(text));
    }

    /** {@link #offset(String)} of an offset the validator has already classified (decimal or not). */
    static Decimal offset(Offset o) {
        if (!o.isDecimal()) {
            return null;
        }
        String text = o.text();
        int start = 0;
        while (start < text.length() - 1 && text.charAt(start) == '0') {
            start++;
        }
        int digits = text.length() - start;
        if (digits > FailureRows.OFFSET.precision()) {
            return null;
        }
        return digits <= 18 ? Decimal.apply(Long.parseLong(text, start, text.length(), 10))
                : Decimal.apply(new BigDecimal(new BigInteger(text.substring(start))));
    }

    /** Microseconds since the epoch, as Spark keeps timestamps, or null when the text is no timestamp. */
    private static Long micros(Timestamp t) {
        Optional<Instant> instant = t.toInstant();
        if (instant.isEmpty()) {
            return null;
        }
        try {
            return Math.addExact(Math.multiplyExact(instant.get().getEpochSecond(), 1_000_000L),
                    instant.get().getNano() / 1_000L);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static JsonObject object(JsonObject o, String name) {
        return o.get(name).orElse(null) instanceof JsonObject x ? x : JsonObject.empty();
    }

    private static Optional<String> stringValue(JsonObject o, String name) {
        return o.get(name).orElse(null) instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
    }

    private static UTF8String string(JsonObject o, String name) {
        return stringValue(o, name).map(RowMaker::text).orElse(null);
    }

    private static Long integer(JsonObject o, String name) {
        if (!(o.get(name).orElse(null) instanceof JsonNumber n)) {
            return null;
        }
        OptionalLong v = n.longValueExact();
        return v.isPresent() ? v.getAsLong() : null;
    }

    /**
     * The integer member {@code name} the model bound as {@code value}: null when it was written in another form than
     * the canonical one ({@code 6.0}, {@code 2E0}, {@code -0}; kept in {@code numberText}), as from a tree, where only
     * canonical integers are read ({@code JsonNumber.longValueExact}).
     */
    private static Long integer(long value, Map<String, String> numberText, String name) {
        return numberText.containsKey(name) ? null : value;
    }

    /**
     * Spark's strings are UTF-8, which cannot hold a lone surrogate (JSON can, as an escape): it becomes U+FFFD,
     * the replacement character, rather than the {@code ?} Java's encoder would silently put there.
     */
    private static UTF8String text(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return UTF8String.fromString(wellFormed(s));
            }
        }
        return UTF8String.fromString(s);
    }

    /** {@code s} with every lone surrogate replaced by U+FFFD. */
    static String wellFormed(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static boolean has(StructType s, String name) {
        return s.getFieldIndex(name).isDefined();
    }

    private static Optional<StructType> sub(StructType s, String name) {
        if (!has(s, name)) {
            return Optional.empty();
        }
        org.apache.spark.sql.types.DataType t = s.apply(name).dataType();
        if (t instanceof ArrayType a) {
            t = a.elementType();
        }
        return t instanceof StructType st ? Optional.of(st) : Optional.empty();
    }
}
