package dev.onfailure.validator.internal;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.internal.rules.Rule;
import dev.onfailure.validator.internal.rules.RuleContext;
import dev.onfailure.validator.internal.rules.TopicPartitionKeyRule;
import dev.onfailure.validator.internal.rules.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates one record (or, forced, one invocation event): schema, then the typed model's semantic rules. */
public final class RecordChecker {

    private final SchemaEngine engine;
    private final SchemaFindings schemaFindings;
    private final RecordCodec codec;

    /** Creates a checker over a loaded engine. */
    public RecordChecker(SchemaEngine engine, SchemaFindings schemaFindings, RecordCodec codec) {
        this.engine = engine;
        this.schemaFindings = schemaFindings;
        this.codec = codec;
    }

    /**
     * The fastest path, for the most common input: an SQS/SNS record body in exactly the shape Lambda sends, read
     * straight from its bytes and vouched for by the fast schema check. Returns its findings (the rules'), or empty to
     * send the document down the full path.
     */
    public Optional<List<Finding>> checkPlain(byte[] json, Profile profile) {
        return checkPlain(codec.readPlain(json), profile);
    }

    /** {@link #checkPlain(byte[], Profile)} of text: only ASCII text is read that way. */
    public Optional<List<Finding>> checkPlain(String json, Profile profile) {
        return checkPlain(codec.readPlain(json), profile);
    }

    private Optional<List<Finding>> checkPlain(Optional<dev.onfailure.model.SqsSnsRecord> plain, Profile profile) {
        if (plain.isEmpty() || !fast(Kind.SQS_SNS, profile, plain.get(), Optional.empty())) {
            return Optional.empty();
        }
        RuleContext ctx = new RuleContext(profile, Optional.empty(), Optional.empty());
        for (Rule rule : Rules.ALL) {
            rule.check(plain.get(), ctx);
        }
        return Optional.of(ctx.findings());
    }

    /** Returns the findings of the record {@code json} validated as {@code kind}. */
    public List<Finding> check(Kind kind, Profile profile, JsonObject json) {
        if (kind == Kind.EVENT) {
            return checkEvent(profile, json);
        }
        Optional<KafkaFailureRecord> record = Optional.empty();
        ReadException unreadable = null;
        try {
            record = Optional.of(codec.read(json));
        } catch (ReadException e) {
            unreadable = e;
        }
        List<SchemaEngine.Violation> violations;
        List<SchemaEngine.Violation> payloadViolations = List.of();
        List<Finding> semantic = new ArrayList<>();
        if (record.isPresent()) {
            KafkaFailureRecord r = record.get();
            Optional<KafkaEvent> event = Optional.empty();
            Optional<ReadException> problem = Optional.empty();
            Optional<Payload> payload = r.payloadIfAny();
            boolean stringPayload = payload.isPresent() && payload.get().form() == Payload.Form.STRING;
            if (payload.isPresent()) {
                try {
                    event = Optional.of(stringPayload ? stringEvent(payload.get()) : payload.get().event());
                } catch (ReadException e) {
                    problem = Optional.of(e);
                }
            }
            if (fast(kind, profile, r, event)) {
                // The common valid case: the specialised check vouches for the schema, networknt is not needed.
                violations = List.of();
            } else {
                violations = engine.validate(kind, profile, JacksonTrees.toJackson(json));
                if (stringPayload) {
                    JsonObject payloadTree = payloadTree(payload.get());
                    if (payloadTree != null) {
                        payloadViolations = engine.validate(Kind.EVENT, profile,
                                JacksonTrees.toJackson(payloadTree));
                    }
                }
            }
            RuleContext ctx = new RuleContext(profile, event, problem);
            for (Rule rule : Rules.ALL) {
                rule.check(r, ctx);
            }
            semantic.addAll(ctx.findings());
        } else {
            violations = engine.validate(kind, profile, JacksonTrees.toJackson(json));
        }
        List<Finding> findings = new ArrayList<>(semantic);
        for (SchemaEngine.Violation v : distinct(violations)) {
            if (!Coverage.covered(v, "", semantic)) {
                findings.add(schemaFindings.finding(v, "", ""));
            }
        }
        for (SchemaEngine.Violation v : distinct(payloadViolations)) {
            if (!Coverage.covered(v, "/payload", semantic)) {
                findings.add(schemaFindings.finding(v, "/payload", "string"));
            }
        }
        if (unreadable != null && findings.stream().noneMatch(Finding::isError)) {
            findings.add(FindingCode.RECORD_UNREADABLE.finding(profile, unreadable.pointer(),
                    Map.of("detail", unreadable.getMessage())));
        }
        return findings;
    }

    /**
     * Whether the fast path may stand in for networknt: the record is of the kind validated, and the specialised check
     * vouches for it and for its payload's event. A payload that is no event needs no check: every violation under
     * {@code /payload} is then covered by {@code kafka.payload-not-event}.
     */
    public static boolean fast(Kind kind, Profile profile, KafkaFailureRecord r, Optional<KafkaEvent> event) {
        if (!kind.id().equals(r.kind().id()) || !FastSchemaCheck.record(r, profile)) {
            return false;
        }
        if (event.isEmpty()) {
            return true;
        }
        if (r instanceof TopicRecord && profile == Profile.STRICT && !FastSchemaCheck.topicPayloadEvent(event.get())) {
            return false;
        }
        return FastSchemaCheck.event(event.get(), profile);
    }

    private List<Finding> checkEvent(Profile profile, JsonObject json) {
        List<Finding> findings = new ArrayList<>();
        if (json.get("records").orElse(null) instanceof JsonObject records) {
            for (String key : records.names()) {
                TopicPartitionKeyRule.explain(key).ifPresent(reason -> findings.add(FindingCode.TOPIC_PARTITION_KEY
                        .finding(profile, JsonPointer.append("/records", key), Map.of("key", key, "reason", reason))));
            }
        }
        try {
            if (FastSchemaCheck.event(codec.readEvent(json), profile)) {
                return findings;
            }
        } catch (ReadException e) {
            // not the model's shape: networknt explains
        }
        for (SchemaEngine.Violation v : distinct(engine.validate(Kind.EVENT, profile, JacksonTrees.toJackson(json)))) {
            if (!(v.keyword().equals("propertyNames") && !findings.isEmpty())) {
                findings.add(schemaFindings.finding(v, "", ""));
            }
        }
        return findings;
    }

    /**
     * One violation per keyword and value: a strict schema applies the tolerant one it narrows, so a value can fail
     * the same keyword twice (the strict message, more precise, is kept); a value that fails its pattern fails its
     * {@code format} for the same reason; and a value of the wrong type fails every other keyword of its schema.
     */
    static List<SchemaEngine.Violation> distinct(List<SchemaEngine.Violation> violations) {
        Map<String, SchemaEngine.Violation> byKey = new LinkedHashMap<>();
        for (SchemaEngine.Violation v : violations) {
            String key = v.keyword() + " " + v.pointer() + " " + v.property();
            SchemaEngine.Violation seen = byKey.get(key);
            if (seen == null || (!seen.schemaLocation().contains("/strict/") && v.schemaLocation().contains("/strict/"))) {
                byKey.put(key, v);
            }
        }
        List<SchemaEngine.Violation> out = new ArrayList<>();
        for (SchemaEngine.Violation v : byKey.values()) {
            boolean formatOfBadPattern = v.keyword().equals("format")
                    && byKey.containsKey("pattern " + v.pointer() + " " + v.property());
            // a value of the wrong type fails its const, enum, pattern and bounds too: the type says it all
            boolean besideWrongType = !v.keyword().equals("type") && byKey.containsKey("type " + v.pointer() + " ");
            if (!formatOfBadPattern && !besideWrongType) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Reads the event of a string payload: from its bytes straight to the model when it has the common shape, else
     * through the tree, whose errors say exactly what is wrong.
     */
    private KafkaEvent stringEvent(Payload payload) {
        Optional<byte[]> bytes = payload.utf8();
        if (bytes.isPresent()) {
            try {
                return codec.readEvent(bytes.get());
            } catch (ReadException e) {
                // fall through: read again below for a message that says it is the payload
            }
        }
        return readEvent(parsePayload(payload));
    }

    /** The payload's tree, for networknt to explain what the fast path would not vouch for; null if not an object. */
    private JsonObject payloadTree(Payload payload) {
        try {
            return parsePayload(payload) instanceof JsonObject o ? o : null;
        } catch (ReadException e) {
            return null;
        }
    }

    private JsonValue parsePayload(Payload payload) {
        try {
            // From UTF-8 bytes where possible: a long payload read from bytes is never built as a String.
            Optional<byte[]> bytes = payload.utf8();
            return bytes.isPresent() ? Json.parse(bytes.get(), codec.limits())
                    : Json.parse(payload.text().orElseThrow(), codec.limits());
        } catch (ReadException e) {
            throw new ReadException(e.problem(), "the payload string is not JSON: " + e.detail(), "/payload",
                    e.line(), e.column());
        }
    }

    private KafkaEvent readEvent(JsonValue parsed) {
        try {
            return codec.readEvent(parsed);
        } catch (ReadException e) {
            throw new ReadException(e.problem(), "the payload string is not a Kafka invocation event: " + e.detail()
                    + (e.pointer().isEmpty() ? "" : " at " + e.pointer() + " inside it"), "/payload", 0, 0);
        }
    }
}
