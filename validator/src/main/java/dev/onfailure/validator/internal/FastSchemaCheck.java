package dev.onfailure.validator.internal;

import dev.onfailure.model.BatchInfo;
import dev.onfailure.model.Condition;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.JsonType;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Member;
import dev.onfailure.model.MemberTable;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.RequestContext;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.SchemaMetadata;
import dev.onfailure.model.Timestamp;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.TopicPartition;
import dev.onfailure.schema.Profile;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fast path for the common case: a check, specialised to our schemas and run on the typed model, that a record
 * satisfies its schema. It may say "not sure" (false) for a record that is valid, and then networknt, the authority,
 * decides and explains; it must never say true for a record networknt would reject. {@code FastPathProperties} and
 * {@code FastPathTest} hold it to that on every fixture, corpus case and generated record.
 *
 * <p>Each check mirrors a keyword of {@code schema/src/build/generate_schemas.py}; where in doubt, it is stricter.
 */
public final class FastSchemaCheck {

    private static final Pattern LAMBDA_ARN = Pattern.compile("^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-[a-z]+)+-[0-9]:"
            + "[0-9]{12}:function:[a-zA-Z0-9_-]{1,64}(:(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?$");
    private static final Pattern MSK_ARN = Pattern.compile("^arn:aws[a-zA-Z-]*:kafka:[a-z]{2}(-[a-z]+)+-[0-9]:"
            + "[0-9]{12}:cluster/[a-zA-Z0-9-]{1,64}/[0-9a-fA-F-]{36}(-s?[0-9]+)?$");
    private static final Pattern BOOT_CHARS = Pattern.compile("^[A-Za-z0-9._:,\\[\\]-]+$");
    private static final Pattern BOOT_END = Pattern.compile(":[0-9]{1,5}$");
    private static final Pattern BOOT_EMPTY = Pattern.compile("^[,:]|,[,:]|,$");
    private static final Pattern BOOT_PORTS = Pattern.compile(
            "[^0-9],|(^|[^:0-9])[0-9]+,|[0-9]{6},|(^|[^:0-9])[0-9]+$|[0-9]{6}$");
    private static final Pattern VERSION = Pattern.compile("^(\\$LATEST|[0-9]+)$");
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]*={0,2}$");

    private FastSchemaCheck() {
    }

    /**
     * Returns true only if the record, payload aside, certainly satisfies the schema of its kind in {@code profile}.
     */
    public static boolean record(KafkaFailureRecord r, Profile profile) {
        boolean strict = profile == Profile.STRICT;
        if (strict && !r.unknownFields().isEmpty()) {
            return false;
        }
        if (!requestContext(r.requestContext(), strict) || !conditionResponse(r, strict)) {
            return false;
        }
        if (r.responseContext().isPresent() && !responseContext(r.responseContext().get(), strict)) {
            return false;
        }
        if (r.version().isEmpty() || (strict && !r.version().equals("1.0"))) {
            return false;
        }
        if (!timestamp(r.timestamp(), strict) || !batchInfoCommon(r.batchInfo(), strict)) {
            return false;
        }
        if (r.batchInfo() instanceof KafkaBatchInfo info) {
            if (info.recordsInfo().isEmpty()) {
                return false;
            }
            for (Map.Entry<String, RecordRange> e : info.recordsInfo().entrySet()) {
                if (!TopicPartition.isKey(e.getKey()) || !range(e.getValue(), strict)) {
                    return false;
                }
            }
        } else {
            TopicBatchInfo info = (TopicBatchInfo) r.batchInfo();
            if (strict && (info.batchSize() != 1 || !info.recordInfo().unknownFields().isEmpty())) {
                return false;
            }
            if (!offset(info.recordInfo().offset(), strict) || !timestamp(info.recordInfo().timestamp(), strict)) {
                return false;
            }
        }
        return payloadShape(r, strict);
    }

    /** Returns true only if {@code event} certainly satisfies the event schema in {@code profile}. */
    public static boolean event(KafkaEvent e, Profile profile) {
        boolean strict = profile == Profile.STRICT;
        if (e.eventSourceArn().isPresent() && strict && !MSK_ARN.matcher(e.eventSourceArn().get()).find()) {
            return false;
        }
        if (!allowed(e.eventSourceArn(), KafkaEvent.TABLE, KafkaEvent.Members.EVENT_SOURCE_ARN, strict)
                || !allowed(e.bootstrapServers(), KafkaEvent.TABLE, KafkaEvent.Members.BOOTSTRAP_SERVERS, strict)) {
            return false;
        }
        if (strict) {
            boolean msk = e.eventSource().equals("aws:kafka");
            boolean selfManaged = e.eventSource().equals("SelfManagedKafka");
            if (!(msk || selfManaged) || !e.unknownFields().isEmpty() || e.records().isEmpty()
                    || !bootstrap(e.bootstrapServers().get()) || (msk && !e.eventSourceArn().isPresent())
                    || (selfManaged && !e.eventSourceArn().isAbsent())) {
                return false;
            }
        }
        for (Map.Entry<String, List<KafkaRecord>> entry : e.records().entrySet()) {
            if (!TopicPartition.isKey(entry.getKey()) || (strict && entry.getValue().isEmpty())) {
                return false;
            }
            for (KafkaRecord k : entry.getValue()) {
                if (!kafkaRecord(k, strict)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether an optional member's state is one its schema allows, as its member table says: absent only where it is
     * not required, null only where {@code null} is one of its types.
     */
    private static <M extends Enum<M> & Member> boolean allowed(JsonField<?> field, MemberTable<M> table, M member,
            boolean strict) {
        Member.Spec spec = table.spec(member);
        return field.isNull() ? spec.nullable(strict) : !field.isAbsent() || !spec.required(strict);
    }

    private static boolean requestContext(RequestContext rc, boolean strict) {
        if (rc.requestId().isEmpty() || rc.condition().text().isEmpty() || rc.approximateInvokeCount() < 0
                || !rc.functionArn().startsWith("arn:")) {
            return false;
        }
        return !strict || (rc.unknownFields().isEmpty() && uuid(rc.requestId())
                && LAMBDA_ARN.matcher(rc.functionArn()).find());
    }

    private static boolean conditionResponse(KafkaFailureRecord r, boolean strict) {
        Condition c = r.requestContext().condition();
        if (c.is(Condition.Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED)) {
            return !r.responseContext().isPresent();
        }
        // Only the strict schema requires a response where the function ran: AWS's text does not state it.
        if (strict && (c.is(Condition.Known.RETRY_ATTEMPTS_EXHAUSTED) || c.is(Condition.Known.RETRIES_EXHAUSTED))) {
            return r.responseContext().isPresent();
        }
        return true;
    }

    private static boolean responseContext(ResponseContext rc, boolean strict) {
        MemberTable<ResponseContext.Members> table = ResponseContext.TABLE;
        if (rc.statusCode() < 100 || rc.statusCode() > 599
                || !allowed(rc.executedVersion(), table, ResponseContext.Members.EXECUTED_VERSION, strict)
                || !allowed(rc.functionError(), table, ResponseContext.Members.FUNCTION_ERROR, strict)) {
            return false;
        }
        if (!strict) {
            return true;
        }
        return rc.unknownFields().isEmpty()
                && (rc.executedVersion().isAbsent() || VERSION.matcher(rc.executedVersion().get()).find())
                && (rc.functionError().isAbsent() || rc.functionError().get().equals("Unhandled")
                        || rc.functionError().get().equals("Handled"));
    }

    private static boolean batchInfoCommon(BatchInfo info, boolean strict) {
        if (info.batchSize() < 1 || info.batchSize() > 10_000 || info.payloadSize() < 0) {
            return false;
        }
        if (info instanceof dev.onfailure.model.KafkaBatchInfo k && k.recordInfo().isPresent()) {
            return false; // the single-record form of emulators: networknt decides
        }
        if (!strict) {
            return true;
        }
        return info.unknownFields().isEmpty()
                && allowed(info.eventSourceArn(), KafkaBatchInfo.TABLE, BatchInfo.Members.EVENT_SOURCE_ARN, strict)
                && (info.eventSourceArn().isAbsent() || MSK_ARN.matcher(info.eventSourceArn().get()).find())
                && bootstrap(info.bootstrapServers());
    }

    private static boolean range(RecordRange r, boolean strict) {
        return (!strict || r.unknownFields().isEmpty()) && offset(r.firstRecordOffset(), strict)
                && offset(r.lastRecordOffset(), strict) && timestamp(r.firstRecordTimestamp(), strict)
                && timestamp(r.lastRecordTimestamp(), strict);
    }

    private static boolean payloadShape(KafkaFailureRecord r, boolean strict) {
        if (!strict) {
            return true;
        }
        Payload p = r.payloadIfAny().orElse(null);
        if (p == null) {
            return true;
        }
        // strict Kafka-topic records: an object (with exactly one topic-partition holding exactly one record)
        JsonType form = p.form() == Payload.Form.STRING ? JsonType.STRING : JsonType.OBJECT;
        if (!r.table().spec(KafkaFailureRecord.Members.PAYLOAD).types(true).contains(form)) {
            return false;
        }
        if (p.form() == Payload.Form.STRING) {
            return p.firstNonWhitespace() == '{';
        }
        return true;
    }

    /** For a Kafka-topic record under strict: the payload event holds exactly one record. */
    public static boolean topicPayloadEvent(KafkaEvent e) {
        return e.records().size() == 1 && e.records().values().iterator().next().size() == 1;
    }

    private static boolean kafkaRecord(KafkaRecord k, boolean strict) {
        if (k.topic().isEmpty() || k.partition() < 0 || k.offset() < 0
                || !allowed(k.headers(), KafkaRecord.TABLE, KafkaRecord.Members.HEADERS, strict)
                || !allowed(k.key(), KafkaRecord.TABLE, KafkaRecord.Members.KEY, strict)
                || !allowed(k.value(), KafkaRecord.TABLE, KafkaRecord.Members.VALUE, strict)
                || !allowed(k.keySchemaMetadata(), KafkaRecord.TABLE, KafkaRecord.Members.KEY_SCHEMA_METADATA, strict)
                || !allowed(k.valueSchemaMetadata(), KafkaRecord.TABLE, KafkaRecord.Members.VALUE_SCHEMA_METADATA,
                        strict)) {
            return false;
        }
        if (k.headers().isPresent()) {
            for (var h : k.headers().get()) {
                if (!h.valueText().isEmpty()) {
                    return false; // header numbers in another form (unsigned bytes): networknt decides
                }
            }
        }
        if (!strict) {
            return true;
        }
        if (!k.unknownFields().isEmpty() || !TopicPartition.isLegalTopic(k.topic()) || k.timestamp() < 0
                || !(k.timestampType().equals("CREATE_TIME") || k.timestampType().equals("LOG_APPEND_TIME"))
                || !base64(k.key()) || !base64(k.value())) {
            return false;
        }
        return metadata(k.keySchemaMetadata()) && metadata(k.valueSchemaMetadata());
    }

    private static boolean metadata(JsonField<SchemaMetadata> m) {
        if (!m.isPresent()) {
            return true;
        }
        SchemaMetadata s = m.get();
        return s.unknownFields().isEmpty() && !s.schemaId().isEmpty()
                && (s.dataFormat().equals("AVRO") || s.dataFormat().equals("PROTOBUF") || s.dataFormat().equals("JSON"));
    }

    private static boolean base64(JsonField<String> f) {
        return !f.isPresent() || BASE64.matcher(f.get()).find();
    }

    private static boolean offset(Offset o, boolean strict) {
        if (!o.isDecimal()) {
            return false;
        }
        return !strict || (o.fitsInt64() && (o.text().length() == 1 || o.text().charAt(0) != '0'));
    }

    private static boolean timestamp(Timestamp t, boolean strict) {
        // strict: AWS's form only (uuuu-MM-ddTHH:mm:ss.SSSZ, fields in range), which Timestamp works out once and the
        // timestamp-order rule asks again; tolerant: that, or any date-time of the loose pattern
        return t.isAwsForm() || (!strict && looseTimestamp(t.text()));
    }

    /** {@code ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$}, by hand. */
    static boolean looseTimestamp(String s) {
        int n = s.length();
        if (n < 20 || !dateTime(s)) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && digit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        return i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && digit(s.charAt(i + 1))
                && digit(s.charAt(i + 2)) && s.charAt(i + 3) == ':' && digit(s.charAt(i + 4)) && digit(s.charAt(i + 5));
    }

    /** The shape {@code dddd-dd-ddTdd:dd:dd} at the start of {@code s} (at least 19 characters). */
    private static boolean dateTime(String s) {
        return digit(s.charAt(0)) && digit(s.charAt(1)) && digit(s.charAt(2)) && digit(s.charAt(3))
                && s.charAt(4) == '-' && digit(s.charAt(5)) && digit(s.charAt(6)) && s.charAt(7) == '-'
                && digit(s.charAt(8)) && digit(s.charAt(9)) && s.charAt(10) == 'T' && digit(s.charAt(11))
                && digit(s.charAt(12)) && s.charAt(13) == ':' && digit(s.charAt(14)) && digit(s.charAt(15))
                && s.charAt(16) == ':' && digit(s.charAt(17)) && digit(s.charAt(18));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$}, by hand. */
    static boolean uuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
                    : digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean bootstrap(String s) {
        return s.length() >= 3 && BOOT_CHARS.matcher(s).find() && BOOT_END.matcher(s).find()
                && !BOOT_EMPTY.matcher(s).find() && !BOOT_PORTS.matcher(s).find() && s.indexOf('\n') < 0;
    }

}
