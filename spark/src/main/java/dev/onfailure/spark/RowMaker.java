package dev.onfailure.spark;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.Timestamp;
import dev.onfailure.model.TopicPartition;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.DocumentReport;
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
 * names). It is parsed once: when the document is validated, the validator's report hands over the record it bound,
 * with the event it parsed; only without validation, or for a record the model cannot bind, is it parsed here. Rows
 * come out in the order {@code onfailure validate} reports the records.
 */
final class RowMaker {

    /** As deep as the validator unwraps envelopes (an SNS notification inside a Lambda SQS event is two). */
    private static final int MAX_ENVELOPE_DEPTH = 3;

    /** The columns the validator's reports alone give; a query of only these never needs the reader's own tree. */
    private static final Set<String> REPORT_COLUMNS = Set.of("source", "kind", "valid", "findings",
            "readError", "envelope");

    private final StructType schema;
    private final Validator validator;
    private final ValidationOptions options;
    /** {@link #options}, keeping each report's record when the query reads payloads. */
    private final ValidationOptions treeOptions;
    private final ReadLimits limits;
    private final boolean report;
    private final boolean messages;
    private final boolean payloadRecords;
    private final boolean payloadTopics;
    private final boolean fromReports;
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
        this.messages = sub(schema, "findings").map(s -> has(s, "message")).orElse(false);
        Optional<StructType> ranges = sub(schema, "ranges");
        this.payloadRecords = ranges.map(s -> has(s, "payloadRecords")).orElse(false);
        this.payloadTopics = ranges.map(s -> has(s, "key") || has(s, "topic") || has(s, "partition")).orElse(false);
        this.fromReports = report && Arrays.stream(schema.fieldNames()).allMatch(REPORT_COLUMNS::contains);
        // Rows that read payloads take the records the validator bound (their events parsed once, by it).
        this.treeOptions = payloadRecords || payloadTopics ? options.keepingRecords() : options;
        for (Severity v : Severity.values()) {
            severities.put(v, text(v.id()));
        }
    }

    /** One record of a document: where it is, what it is, and its JSON when it could be read. */
    private record Entry(String location, Optional<String> envelope, Optional<String> kind, Optional<JsonObject> json) {
    }

    /** Emits the rows of the document {@code bytes} found at {@code source}. */
    void rows(String source, byte[] bytes, Consumer<InternalRow> out) {
        ReadStats.DOCUMENTS.incrementAndGet();
        if (fromReports) {
            // Only what the reports hold (the command's columns): the validator reads the bytes as the command does
            // (an SQS/SNS body straight from its bytes, without a tree), and its reports give location, envelope and
            // kind, so the reader parses nothing itself.
            ReadStats.VALIDATIONS.incrementAndGet();
            for (RecordReport r : validator.validate(bytes, options).records()) {
                out.accept(row(source, new Entry(r.location(), r.envelope().map(x -> x.id()), r.kind().map(Kind::id),
                        Optional.empty()), Optional.of(r)));
            }
            return;
        }
        ReadStats.TREES.incrementAndGet();
        JsonValue tree;
        try {
            tree = Json.parse(bytes, limits);
        } catch (ReadException e) {
            // Unreadable: the validator says why (json.syntax, json.limit, ...), one record with no kind.
            if (report) {
                ReadStats.VALIDATIONS.incrementAndGet();
                for (RecordReport r : validator.validate(bytes, options).records()) {
                    out.accept(row(source, new Entry(r.location(), Optional.empty(), r.kind().map(Kind::id), Optional.empty()),
                            Optional.of(r)));
                }
            } else {
                out.accept(row(source, new Entry("", Optional.empty(), Optional.empty(), Optional.empty()),
                        Optional.empty()));
            }
            return;
        }
        List<Entry> entries = new ArrayList<>();
        walk(tree, "", Optional.empty(), 0, entries);
        if (!report) {
            entries.forEach(e -> out.accept(row(source, e, Optional.empty())));
            return;
        }
        ReadStats.VALIDATIONS.incrementAndGet();
        DocumentReport document = validator.validate(tree, treeOptions);
        List<RecordReport> reports = document.records();
        if (reports.size() == entries.size()) {
            for (int i = 0; i < reports.size(); i++) {
                out.accept(row(source, entries.get(i), Optional.of(reports.get(i))));
            }
            return;
        }
        // Never expected: the walk mirrors the validator's. The validator's reports decide the rows.
        Map<String, Entry> byLocation = new HashMap<>();
        entries.forEach(e -> byLocation.putIfAbsent(e.location(), e));
        for (RecordReport r : reports) {
            Entry e = byLocation.getOrDefault(r.location(),
                    new Entry(r.location(), r.envelope().map(x -> x.id()), r.kind().map(Kind::id),
                            Optional.empty()));
            out.accept(row(source, e, Optional.of(r)));
        }
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
    private void walk(JsonValue v, String location, Optional<String> envelope, int depth, List<Entry> out) {
        if (!(v instanceof JsonObject o)) {
            out.add(new Entry(location, envelope, Optional.empty(), Optional.empty()));
            return;
        }
        Optional<Kind> kind = RecordCodec.kindOf(o);
        if (kind.isPresent()) {
            out.add(new Entry(location, envelope, Optional.of(kind.get().id()), Optional.of(o)));
            return;
        }
        Optional<Envelope.Unwrapped> unwrapped = depth < MAX_ENVELOPE_DEPTH ? Envelope.unwrap(o) : Optional.empty();
        if (unwrapped.isEmpty()) {
            out.add(new Entry(location, envelope, Optional.empty(), Optional.empty()));
            return;
        }
        Optional<String> env = Optional.of(unwrapped.get().envelope().id());
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

    private InternalRow row(String source, Entry e, Optional<RecordReport> r) {
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        JsonObject rec = e.json().orElse(JsonObject.empty());
        JsonObject request = object(rec, "requestContext");
        JsonObject batch = object(rec, "KafkaBatchInfo");
        Parsed payload = null;
        for (int i = 0; i < fields.length; i++) {
            StructField f = fields[i];
            values[i] = switch (f.name()) {
                case "source" -> text(source + (e.location().isEmpty() ? "" : "#" + e.location()));
                case "kind" -> e.kind().map(RowMaker::text).orElse(null);
                case "valid" -> r.map(RecordReport::valid).orElse(false);
                case "findings" -> findings((StructType) ((ArrayType) f.dataType()).elementType(),
                        r.map(RecordReport::findings).orElse(List.of()));
                case "readError" -> null;
                case "envelope" -> e.envelope().map(RowMaker::text).orElse(null);
                case "requestId" -> string(request, "requestId");
                case "functionArn" -> string(request, "functionArn");
                case "condition" -> string(request, "condition");
                case "approximateInvokeCount" -> integer(request, "approximateInvokeCount");
                case "responseContextState" -> e.json().isEmpty() ? null
                        : text(rec.get("responseContext").map(v -> v instanceof JsonObject ? "object"
                                : v.typeName()).orElse("absent"));
                case "responseContext" -> response((StructType) f.dataType(), rec);
                case "version" -> string(rec, "version");
                case "timestamp" -> micros(rec.get("timestamp"));
                case "timestampText" -> string(rec, "timestamp");
                case "eventSourceArn" -> string(batch, "eventSourceArn");
                case "bootstrapServers" -> string(batch, "bootstrapServers");
                case "batchSize" -> integer(batch, "batchSize");
                case "payloadSize" -> integer(batch, "payloadSize");
                case "payloadForm" -> rec.get("payload").map(v -> v instanceof JsonString ? text("string")
                        : v instanceof JsonObject ? text("object") : text(v.typeName())).orElse(null);
                case "ranges" -> {
                    if (e.json().isEmpty()) {
                        yield null;
                    }
                    boolean topic = e.kind().filter(Kind.TOPIC.id()::equals).isPresent();
                    if (payloadRecords || (topic && payloadTopics)) {
                        payload = parsed(rec, r.flatMap(RecordReport::record));
                    }
                    yield ranges((StructType) ((ArrayType) f.dataType()).elementType(), batch, topic, payload);
                }
                default -> throw new IllegalArgumentException("no column " + f.name());
            };
        }
        return new GenericInternalRow(values);
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
                        ReadStats.MESSAGES.incrementAndGet();
                        yield text(f.message());
                    }
                    default -> throw new IllegalArgumentException("no finding field " + fields[j].name());
                };
            }
            out[i] = new GenericInternalRow(values);
        }
        return new GenericArrayData(out);
    }

    private static InternalRow response(StructType type, JsonObject rec) {
        if (!(rec.get("responseContext").orElse(null) instanceof JsonObject rc)) {
            return null;
        }
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

    /** A payload parsed into an event, or why not. */
    private record Parsed(Optional<KafkaEvent> event) {
    }

    /**
     * The event of the payload of {@code rec}: the one the validator parsed when it bound the record ({@code bound},
     * handed over with its report), else parsed here (no validation asked for, or a record the model cannot bind).
     */
    private Parsed parsed(JsonObject rec, Optional<KafkaFailureRecord> bound) {
        Optional<Payload> checked = bound.flatMap(KafkaFailureRecord::payloadIfAny);
        if (checked.isPresent()) {
            try {
                return new Parsed(Optional.of(checked.get().event()));
            } catch (ReadException e) {
                return new Parsed(Optional.empty());
            }
        }
        JsonValue p = rec.get("payload").orElse(null);
        if (!(p instanceof JsonString) && !(p instanceof JsonObject)) {
            return new Parsed(Optional.empty());
        }
        ReadStats.PAYLOADS.incrementAndGet();
        try {
            Payload payload = p instanceof JsonString s ? Payload.ofString(s.value(), limits)
                    : Payload.ofObject((JsonObject) p);
            return new Parsed(Optional.of(payload.event()));
        } catch (ReadException e) {
            return new Parsed(Optional.empty());
        }
    }

    private static GenericArrayData ranges(StructType type, JsonObject batch, boolean topic, Parsed payload) {
        Map<String, Long> counts = new HashMap<>();
        Optional<TopicPartition> firstInPayload = Optional.empty();
        if (payload != null && payload.event().isPresent()) {
            for (KafkaRecord k : payload.event().get().allRecords()) {
                counts.merge(k.topic() + "-" + k.partition(), 1L, Long::sum);
                if (firstInPayload.isEmpty()) {
                    firstInPayload = k.topicPartition();
                }
            }
        }
        List<Object> out = new ArrayList<>();
        if (topic) {
            if (!(batch.get("recordInfo").orElse(null) instanceof JsonObject info)) {
                return new GenericArrayData(new Object[0]);
            }
            Optional<String> key = firstInPayload.map(TopicPartition::key);
            Optional<String> offset = stringValue(info, "offset");
            Optional<String> time = stringValue(info, "timestamp");
            out.add(range(type, key, firstInPayload, offset, offset, time, time,
                    payload == null || payload.event().isEmpty() ? null
                            : key.map(k -> counts.getOrDefault(k, 0L)).orElse(0L)));
        } else if (batch.get("recordsInfo").orElse(null) instanceof JsonObject info) {
            for (Map.Entry<String, JsonValue> m : info.members().entrySet()) {
                JsonObject r = m.getValue() instanceof JsonObject o ? o : JsonObject.empty();
                out.add(range(type, Optional.of(m.getKey()), TopicPartition.parse(m.getKey()),
                        stringValue(r, "firstRecordOffset"), stringValue(r, "lastRecordOffset"),
                        stringValue(r, "firstRecordTimestamp"), stringValue(r, "lastRecordTimestamp"),
                        payload == null || payload.event().isEmpty() ? null : counts.getOrDefault(m.getKey(), 0L)));
            }
        }
        return new GenericArrayData(out.toArray());
    }

    private static InternalRow range(StructType type, Optional<String> key, Optional<TopicPartition> tp,
            Optional<String> first, Optional<String> last, Optional<String> firstTime, Optional<String> lastTime,
            Long inPayload) {
        StructField[] fields = type.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = switch (fields[i].name()) {
                case "key" -> key.map(RowMaker::text).orElse(null);
                case "topic" -> tp.map(t -> text(t.topic())).orElse(null);
                case "partition" -> tp.map(TopicPartition::partition).orElse(null);
                case "firstOffset" -> first.map(RowMaker::offset).orElse(null);
                case "lastOffset" -> last.map(RowMaker::offset).orElse(null);
                case "firstOffsetText" -> first.map(RowMaker::text).orElse(null);
                case "lastOffsetText" -> last.map(RowMaker::text).orElse(null);
                case "firstTimestamp" -> firstTime.map(t -> micros(Optional.of(JsonString.of(t)))).orElse(null);
                case "lastTimestamp" -> lastTime.map(t -> micros(Optional.of(JsonString.of(t)))).orElse(null);
                case "firstTimestampText" -> firstTime.map(RowMaker::text).orElse(null);
                case "lastTimestampText" -> lastTime.map(RowMaker::text).orElse(null);
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
        if (!Offset.of(text).isDecimal()) {
            return null;
        }
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
    private static Long micros(Optional<JsonValue> v) {
        if (!(v.orElse(null) instanceof JsonString s)) {
            return null;
        }
        Optional<Instant> instant = Timestamp.of(s.value()).toInstant();
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
