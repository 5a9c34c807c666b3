package dev.onfailure.model;

import dev.onfailure.json.JsonCursor;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadLimits;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds a failure record straight from its UTF-8 bytes, without a tokeniser or the lossless tree in between
 * ({@link JsonCursor}: ASCII strings, canonical integers). It returns null for anything it does not expect, which the
 * tree path then reads, keeps and explains, so both paths always agree.
 *
 * <p>In its plain form ({@link #plain}) it reads exactly the SQS/SNS record Lambda sends: no payload, no member it does
 * not know, members in AWS's order. In its general form ({@link #general}) it also reads S3 and Kafka-topic records
 * and keeps members the model does not know in {@code unknownFields}, as the tree path does:
 * <ul>
 *   <li>a string payload (an S3 record's, escaped) is kept as a slice of the document, and its event is read on the
 *       way straight from the escaped bytes, in the same pass ({@link JsonCursor#escapedText()}), when the only
 *       escape is {@code \"}; else the event is read from the unescaped text on demand;</li>
 *   <li>an object payload (a Kafka-topic record's) is read as an event from its own bytes ({@link EventBytesReader},
 *       else the token reader), which must take it as it is (else the whole record goes to the tree path); its tree
 *       is made only when asked for;</li>
 *   <li>an unknown member's value is parsed on its own into the lossless tree;</li>
 *   <li>every object the tree path checks for member order ({@code record.member-order}) must be in AWS's order or
 *       sorted, the two orders that report nothing, so no order finding is ever lost.</li>
 * </ul>
 *
 * <p>Member names are looked up in each type's {@link MemberTable} (as bytes), and which members are required comes
 * from the table. Each object's reader returns null once the cursor has failed (it then stops at the next member),
 * and a null is never handed to a builder.
 */
final class RecordBytesReader {

    /** The deepest container whose members this reader reads: a range in {@code KafkaBatchInfo.recordsInfo}. */
    private static final int READ_DEPTH = 4;

    /**
     * Top-level names of the envelopes records come in: {@code Records} (a Lambda SQS or SNS event) and {@code Type}
     * (an SNS notification). A document with one is declined when the name is read, before its value: such a document
     * is no record, and reading the value as an unknown member would parse the whole event only to decline it at its
     * end, for the tree path to parse it again. A record that does carry such a member is read by the tree path, as
     * every declined document is.
     */
    private static final JsonCursor.Names ENVELOPE_MEMBERS = JsonCursor.Names.of("Records", "Type");

    private final ReadLimits limits;
    private final boolean general;
    /** The limits for a value parsed on its own: depth left for where it stands; null when there is too little. */
    private final ReadLimits nested;
    /** Reads a string payload's event straight from its escaped bytes. */
    private final EventBytesReader events;

    private RecordBytesReader(ReadLimits limits, boolean general) {
        this.limits = limits;
        // Object payloads and unknown members are read only where every limit leaves room for the record's own shape
        // (a Kafka record has ten members, its headers nest seven deep under the record).
        boolean roomy = limits.maxDepth() >= READ_DEPTH + 8 && limits.maxObjectMembers() >= 10;
        this.general = general && roomy;
        this.nested = this.general ? limits.toBuilder().maxDepth(limits.maxDepth() - READ_DEPTH).build() : null;
        this.events = EventBytesReader.of(limits);
    }

    /** A reader of SQS/SNS records in exactly Lambda's shape. */
    static RecordBytesReader plain(ReadLimits limits) {
        return new RecordBytesReader(limits, false);
    }

    /** A reader of every record kind, unknown members included (only SQS/SNS-shaped ones when limits are tight). */
    static RecordBytesReader general(ReadLimits limits) {
        return new RecordBytesReader(limits, true);
    }

    /** Returns the record, or null to let the tree path decide. */
    KafkaFailureRecord read(byte[] bytes) {
        JsonCursor p = JsonCursor.over(bytes, limits);
        if (p.failed()) {
            return null;
        }
        KafkaFailureRecord r = record(p);
        p.end();
        return p.failed() ? null : r;
    }

    /**
     * Integers written in another form than the canonical one ({@code 2.0}), by member name, as {@code numberText}
     * keeps them: rare, so the map is made only when one is met.
     */
    private static class OtherForms {
        Map<String, String> texts = Map.of();

        void keep(String name, String text) {
            if (texts.isEmpty()) {
                texts = new java.util.LinkedHashMap<>();
            }
            texts.put(name, text);
        }
    }

    /** What a {@code KafkaBatchInfo} held, before the record's kind tells which type it becomes. */
    private static final class Batch extends OtherForms {
        long seen;
        int batchSize;
        JsonField<String> eventSourceArn = JsonField.absent();
        String bootstrapServers;
        long payloadSize;
        /** The recordsInfo entries, in order; the batch info takes its own copy. */
        Map<String, RecordRange> ranges;
        int rangeCount;
        RecordInfo recordInfo;
        Map<String, JsonValue> unknown = Map.of();
    }

    private KafkaFailureRecord record(JsonCursor p) {
        RequestContext requestContext = null;
        JsonField<ResponseContext> responseContext = JsonField.absent();
        String version = null;
        Timestamp timestamp = null;
        Batch batch = null;
        Payload payload = null;
        Map<String, JsonValue> unknown = Map.of();
        // S3's table has every member a record may have; the kind is told once all are read, as kindOf tells it
        MemberTable<KafkaFailureRecord.Members> table = S3Record.TABLE;
        p.beginObject();
        long seen = 0;
        int count = 0;
        for (boolean first = true; table.next(p, first, seen); first = false) {
            KafkaFailureRecord.Members m = table.get(p);
            if (m == null) {
                if (p.nameIn(ENVELOPE_MEMBERS) >= 0) {
                    return declined(p);   // an envelope, as a rule: left to the tree path before its value is read
                }
                unknown = unknown(p, unknown, ++count);
                continue;
            }
            seen = see(p, seen, m, table);
            count++;
            switch (m) {
                case REQUEST_CONTEXT -> requestContext = requestContext(p);
                case RESPONSE_CONTEXT -> {
                    if (p.objectOrNull()) {
                        ResponseContext rc = responseContext(p);
                        if (rc != null) {
                            responseContext = JsonField.of(rc);
                        }
                    } else {
                        responseContext = JsonField.ofNull();
                    }
                }
                case VERSION -> version = p.string();
                case TIMESTAMP -> timestamp = timestamp(p);
                case KAFKA_BATCH_INFO -> batch = batch(p);
                case PAYLOAD -> payload = payload(p);
                default -> p.fail();   // a member this reader does not bind: the tree path reads the document
            }
        }
        if (!SqsSnsRecord.TABLE.complete(p, seen & ~MemberTable.bit(KafkaFailureRecord.Members.PAYLOAD))
                || batch == null) {
            return null;
        }
        boolean ranges = (batch.seen & MemberTable.bit(BatchInfo.Members.RECORDS_INFO)) != 0;
        boolean single = (batch.seen & MemberTable.bit(BatchInfo.Members.RECORD_INFO)) != 0;
        if (payload == null) {
            if (!ranges && !single) {
                return declined(p);   // AWS's form has recordsInfo; the tree path explains its absence
            }
            KafkaBatchInfo info = batchInfo(p, batch, ranges, single);
            return info == null ? null
                    : ImmutableSqsSnsRecord.of(requestContext, responseContext, version, timestamp, info, unknown);
        }
        if (single && !ranges && payload.form() == Payload.Form.OBJECT) {
            if (!TopicBatchInfo.TABLE.complete(p, batch.seen)) {
                return null;
            }
            TopicBatchInfo info = ImmutableTopicBatchInfo.of(batch.batchSize, batch.bootstrapServers,
                    batch.payloadSize, batch.eventSourceArn, batch.recordInfo, batch.unknown, batch.texts);
            return ImmutableTopicRecord.of(requestContext, responseContext, version, timestamp, info, payload, unknown);
        }
        if (!ranges && !single) {
            return declined(p);   // AWS's form has recordsInfo; the tree path explains its absence
        }
        KafkaBatchInfo info = batchInfo(p, batch, ranges, single);
        return info == null ? null
                : ImmutableS3Record.of(requestContext, responseContext, version, timestamp, info, payload, unknown);
    }

    private static <T> T declined(JsonCursor p) {
        p.fail();
        return null;
    }

    /**
     * Builds the batch info, in AWS's form ({@code recordsInfo}) or the single-record form emulators write
     * ({@code recordInfo} in its place, or beside an empty one), as the tree path binds them; null (the cursor failed)
     * when a repeated recordsInfo key collapsed in its map.
     */
    private static KafkaBatchInfo batchInfo(JsonCursor p, Batch batch, boolean ranges, boolean single) {
        if ((ranges && batch.ranges == null) || (single && batch.recordInfo == null)) {
            return declined(p);
        }
        KafkaBatchInfo info = ImmutableKafkaBatchInfo.of(batch.batchSize, batch.bootstrapServers, batch.payloadSize,
                batch.eventSourceArn, ranges ? batch.ranges : Map.of(),
                single ? JsonField.of(batch.recordInfo) : JsonField.absent(), ranges, batch.unknown, batch.texts);
        return info.recordsInfo().size() == batch.rangeCount ? info : declined(p);
    }

    /**
     * Reads a payload: an escaped string kept as a slice, or an object read as an event by the token reader (which
     * also holds it to a member order the tree path would not report); null (the cursor failed) otherwise.
     */
    private Payload payload(JsonCursor p) {
        if (!general) {
            return declined(p);
        }
        if (!p.objectAhead()) {
            // the event straight from the escaped bytes, in one pass with the string, when they are plain enough (the
            // only escape \"); else the string is read on its own and its event from the unescaped text when first
            // asked for, as before
            JsonCursor text = p.escapedText();
            KafkaEvent event = events.read(text);
            JsonString s = p.escapedString(text);
            if (p.failed()) {
                return null;
            }
            return event == null ? Payload.ofString(s, limits) : Payload.ofString(s, event, limits);
        }
        JsonCursor object = p.objectValue(nested.maxDepth());
        if (p.failed()) {
            return null;
        }
        // the event's own bytes: plainly from the cursor, else from the tokens (escapes, long numbers)
        KafkaEvent event = EventBytesReader.inOrder(limits).read(object);
        byte[] json = object.bytes();
        if (event == null) {
            event = new KafkaEventReader(nested).readInOrder(json);
        }
        if (event == null) {
            return declined(p);
        }
        return Payload.ofObject(json, event, nested);
    }

    /**
     * Adds the member just named, which the model does not know, to {@code unknown} (made on the first); fails the
     * cursor in the plain form, for a name seen before, or past the limit of members.
     */
    private Map<String, JsonValue> unknown(JsonCursor p, Map<String, JsonValue> unknown, int count) {
        if (!general || count > limits.maxObjectMembers()) {
            p.fail();
            return unknown;
        }
        String name = p.name();
        if (unknown.containsKey(name)) {
            p.fail();   // a repeated name: the tree path refuses the document
            return unknown;
        }
        JsonValue v = p.value(nested);
        if (p.failed()) {
            return unknown;
        }
        Map<String, JsonValue> out = unknown.isEmpty() ? new LinkedHashMap<>() : unknown;
        out.put(name, v);
        return out;
    }

    private RequestContext requestContext(JsonCursor p) {
        String requestId = null;
        String functionArn = null;
        Condition condition = null;
        long invokeCount = 0;
        OtherForms forms = new OtherForms();
        Map<String, JsonValue> unknown = Map.of();
        p.beginObject();
        long seen = 0;
        int count = 0;
        for (boolean first = true; RequestContext.TABLE.next(p, first, seen); first = false) {
            RequestContext.Members m = RequestContext.TABLE.get(p);
            if (m == null) {
                unknown = unknown(p, unknown, ++count);
                continue;
            }
            seen = see(p, seen, m, RequestContext.TABLE);
            count++;
            switch (m) {
                case REQUEST_ID -> requestId = p.string();
                case FUNCTION_ARN -> functionArn = p.string();
                case CONDITION -> condition = Condition.of(p.string());
                case APPROXIMATE_INVOKE_COUNT -> invokeCount = integer(p, t -> forms.keep(m.jsonName(), t));
                default -> p.fail();   // a member this reader does not bind: the tree path reads the document
            }
        }
        if (!RequestContext.TABLE.complete(p, seen)) {
            return null;
        }
        // the common case without a builder (and the two empty maps every builder makes)
        return unknown.isEmpty() && forms.texts.isEmpty()
                ? ImmutableRequestContext.of(requestId, functionArn, condition, invokeCount)
                : RequestContext.builder().requestId(requestId).functionArn(functionArn).condition(condition)
                        .approximateInvokeCount(invokeCount).unknownFields(unknown).numberText(forms.texts).build();
    }

    private ResponseContext responseContext(JsonCursor p) {
        int statusCode = 0;
        JsonField<String> executedVersion = JsonField.absent();
        JsonField<String> functionError = JsonField.absent();
        OtherForms forms = new OtherForms();
        Map<String, JsonValue> unknown = Map.of();
        p.beginObject();
        long seen = 0;
        int count = 0;
        for (boolean first = true; ResponseContext.TABLE.next(p, first, seen); first = false) {
            ResponseContext.Members m = ResponseContext.TABLE.get(p);
            if (m == null) {
                unknown = unknown(p, unknown, ++count);
                continue;
            }
            seen = see(p, seen, m, ResponseContext.TABLE);
            count++;
            switch (m) {
                case STATUS_CODE -> statusCode = int32(p, integer(p, t -> forms.keep(m.jsonName(), t)));
                case EXECUTED_VERSION -> executedVersion = JsonField.of(p.string());
                case FUNCTION_ERROR -> functionError = JsonField.of(p.string());
                default -> p.fail();   // a member this reader does not bind: the tree path reads the document
            }
        }
        if (!ResponseContext.TABLE.complete(p, seen)) {
            return null;
        }
        return unknown.isEmpty() && forms.texts.isEmpty()
                ? ImmutableResponseContext.of(statusCode, executedVersion, functionError)
                : ResponseContext.builder().statusCode(statusCode).executedVersion(executedVersion)
                        .functionError(functionError).unknownFields(unknown).numberText(forms.texts).build();
    }

    private Batch batch(JsonCursor p) {
        Batch b = new Batch();
        p.beginObject();
        int count = 0;
        for (boolean first = true; KafkaBatchInfo.TABLE.next(p, first, b.seen); first = false) {
            BatchInfo.Members m = KafkaBatchInfo.TABLE.get(p);
            if (m == null) {
                b.unknown = unknown(p, b.unknown, ++count);
                continue;
            }
            b.seen = see(p, b.seen, m, KafkaBatchInfo.TABLE);
            count++;
            switch (m) {
                case BATCH_SIZE -> b.batchSize = int32(p, integer(p, t -> b.keep(m.jsonName(), t)));
                case EVENT_SOURCE_ARN -> b.eventSourceArn = EventBytesReader.stringOrNull(p);
                case BOOTSTRAP_SERVERS -> b.bootstrapServers = p.string();
                case PAYLOAD_SIZE -> b.payloadSize = integer(p, t -> b.keep(m.jsonName(), t));
                case RECORDS_INFO -> b.ranges = ranges(p, b);   // seen once: a repeat has failed above
                case RECORD_INFO -> {
                    if (!general) {
                        p.fail();   // the single-record form: the tree path reads it
                    } else {
                        b.recordInfo = recordInfo(p);
                    }
                }
                default -> p.fail();   // a member this reader does not bind: the tree path reads the document
            }
        }
        return KafkaBatchInfo.TABLE.complete(p, b.seen) ? b : null;
    }

    /**
     * Reads the recordsInfo entries into a map, in order, for the batch info to copy; a repeated key collapses in the
     * map, and the batch info's size against {@code batch.rangeCount} then fails the cursor (the tree path refuses it).
     */
    private Map<String, RecordRange> ranges(JsonCursor p, Batch batch) {
        Map<String, RecordRange> b = new LinkedHashMap<>();
        int count = 0;
        p.beginObject();
        for (boolean first = true; p.nextMember(first); first = false) {
            if (count >= limits.maxObjectMembers()) {
                p.fail();
                break;
            }
            String key = p.name();
            RecordRange range = range(p);
            if (range != null) {
                b.put(key, range);
                count++;
            }
        }
        batch.rangeCount = count;
        return b;
    }

    private RecordRange range(JsonCursor p) {
        Offset firstOffset = null;
        Offset lastOffset = null;
        Timestamp firstTimestamp = null;
        Timestamp lastTimestamp = null;
        Map<String, JsonValue> unknown = Map.of();
        p.beginObject();
        long seen = 0;
        int count = 0;
        for (boolean first = true; RecordRange.TABLE.next(p, first, seen); first = false) {
            RecordRange.Members m = RecordRange.TABLE.get(p);
            if (m == null) {
                unknown = unknown(p, unknown, ++count);
                continue;
            }
            seen = see(p, seen, m, RecordRange.TABLE);
            count++;
            switch (m) {
                case FIRST_RECORD_OFFSET -> firstOffset = offset(p);
                case LAST_RECORD_OFFSET -> lastOffset = offset(p);
                case FIRST_RECORD_TIMESTAMP -> firstTimestamp = timestamp(p);
                case LAST_RECORD_TIMESTAMP -> lastTimestamp = timestamp(p);
                default -> p.fail();   // a member this reader does not bind: the tree path reads the document
            }
        }
        if (!RecordRange.TABLE.complete(p, seen)) {
            return null;
        }
        // the common case without a builder (and the empty map every builder makes for unknown members)
        return unknown.isEmpty() ? ImmutableRecordRange.of(firstOffset, lastOffset, firstTimestamp, lastTimestamp)
                : RecordRange.builder().firstRecordOffset(firstOffset).lastRecordOffset(lastOffset)
                        .firstRecordTimestamp(firstTimestamp).lastRecordTimestamp(lastTimestamp).unknownFields(unknown)
                        .build();
    }

    private RecordInfo recordInfo(JsonCursor p) {
        RecordInfo.Builder b = RecordInfo.builder();
        Map<String, JsonValue> unknown = Map.of();
        p.beginObject();
        long seen = 0;
        int count = 0;
        for (boolean first = true; RecordInfo.TABLE.next(p, first, seen); first = false) {
            RecordInfo.Members m = RecordInfo.TABLE.get(p);
            if (m == null) {
                unknown = unknown(p, unknown, ++count);
                continue;
            }
            seen = see(p, seen, m, RecordInfo.TABLE);
            count++;
            switch (m) {
                case OFFSET -> b.offset(offset(p));
                case TIMESTAMP -> b.timestamp(timestamp(p));
                default -> p.fail();   // a member this reader does not bind: the tree path reads the document
            }
        }
        return RecordInfo.TABLE.complete(p, seen) ? b.unknownFields(unknown).build() : null;
    }

    /** Reads an offset, its digits classified by the cursor on the way (see {@link Offset#isDecimal()}). */
    /** A timestamp, its form judged on the document's bytes. */
    private static Timestamp timestamp(JsonCursor p) {
        String text = p.string();
        return p.failed() ? Timestamp.of(text) : Timestamp.read(text, p);
    }

    private static Offset offset(JsonCursor p) {
        String text = p.string();
        return Offset.scanned(text, p.failed() ? -1 : p.digitsStart());
    }

    /**
     * Returns {@code seen} with member {@code m}'s bit and the order bookkeeping ({@link MemberTable#order}); fails the
     * cursor for a member seen before, or one in neither of the orders the tree path lets pass without a
     * {@code record.member-order} finding (the plain form: AWS's order only).
     */
    private long see(JsonCursor p, long seen, Enum<?> m, MemberTable<?> table) {
        long bit = MemberTable.bit(m);
        if ((seen & bit) != 0) {
            p.fail();
            return seen;
        }
        long next = table.order(seen, m) | bit;
        if ((next & MemberTable.NOT_AWS_ORDER) != 0 && (!general || (next & MemberTable.NOT_SORTED) != 0)) {
            p.fail();
        }
        return next;
    }

    /**
     * An integer member: the general reader also takes the other forms JSON Schema counts as integers ({@code 2.0},
     * {@code -0}), giving their text to {@code keep} for {@code numberText}; the plain reader takes the canonical form
     * only, as Lambda writes it.
     */
    private long integer(JsonCursor p, java.util.function.Consumer<String> keep) {
        return general ? p.integer(keep) : p.integer();
    }

    private static int int32(JsonCursor p, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            p.fail();
            return 0;
        }
        return (int) v;
    }
}
