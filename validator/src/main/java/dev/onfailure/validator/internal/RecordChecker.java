package dev.onfailure.validator.internal;

import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.json.ReadException;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.SqsSnsRecord;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.internal.rules.RuleContext;
import dev.onfailure.validator.internal.rules.Rules;
import dev.onfailure.validator.internal.rules.TopicPartitionKeyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Validates one record (or, forced, one invocation event) in one pipeline: the record is bound once (straight from
 * its bytes, or from its tree), its payload's event is read once ({@link Payload#event()}), and that one model feeds
 * the fast schema check, the semantic rules and, where the fast check does not vouch, networknt (given the tree the
 * model writes, which the lossless model makes the document's own). {@link Coverage} merges what they find.
 */
public final class RecordChecker {

    private final Supplier<SchemaEngine> engine;
    private final Supplier<SchemaFindings> schemaFindings;
    private final RecordCodec codec;

    /**
     * Creates a checker. The engine and the schema messages are asked for only when the fast schema check does not
     * vouch for a record, so a run whose records are all vouched for never loads networknt (most of a short run's
     * start-up); an engine that cannot load still fails, with its exception, at the first record that needs it.
     */
    public RecordChecker(Supplier<SchemaEngine> engine, Supplier<SchemaFindings> schemaFindings, RecordCodec codec) {
        this.engine = engine;
        this.schemaFindings = schemaFindings;
        this.codec = codec;
    }

    /**
     * Reads an SQS/SNS record body straight from its bytes when it has exactly the shape Lambda sends (the commonest
     * input); empty for anything else, which the general path reads.
     */
    public Optional<SqsSnsRecord> readPlain(byte[] json) {
        return codec.readPlain(json);
    }

    /** {@link #readPlain(byte[])} of text: only ASCII text is read that way, so no character is ever changed. */
    public Optional<SqsSnsRecord> readPlain(String json) {
        return codec.readPlain(json);
    }

    /**
     * Reads a record of any kind straight from its bytes when it is written plainly enough
     * ({@link RecordCodec#readBytes(byte[])}); empty for anything else, which the general path reads.
     */
    public Optional<KafkaFailureRecord> readBytes(byte[] json) {
        return codec.readBytes(json);
    }

    /** {@link #readBytes(byte[])} of text: only ASCII text is read that way, so no character is ever changed. */
    public Optional<KafkaFailureRecord> readBytes(String json) {
        return codec.readBytes(json);
    }

    /**
     * Returns the findings of a record read from its bytes ({@link #readBytes}): its payload's event is read once, and
     * when the fast schema check vouches for the record and the event, the rules' findings; else the general path's,
     * on the tree the record writes (lossless, so the document's own). Member order needs no tree: the byte reader
     * takes only the orders that report nothing.
     */
    public List<Finding> check(KafkaFailureRecord record, Profile profile) {
        if (record instanceof SqsSnsRecord plain) {
            return check(plain, profile);
        }
        Kind kind = record.kind();
        Optional<KafkaEvent> event = Optional.empty();
        Optional<ReadException> problem = Optional.empty();
        Optional<Payload> payload = record.payloadIfAny();
        if (payload.isPresent()) {
            try {
                event = Optional.of(payload.get().event());
            } catch (ReadException e) {
                problem = Optional.of(e);
            }
        }
        if (fast(kind, profile, record, event)) {
            // the schema check has seen every key parse
            RuleContext ctx = new RuleContext(profile, event, problem).withKeysVouched();
            Rules.checkAll(record, ctx);
            return ctx.findings();
        }
        return check(kind, profile, codec.toJson(record), Optional.of(record), Optional.empty());
    }

    /**
     * Returns the findings of a record already bound (from its bytes, {@link #readPlain}): the rules' when the fast
     * schema check vouches for it, else networknt's on the tree the record writes, merged with the rules'.
     */
    public List<Finding> check(SqsSnsRecord record, Profile profile) {
        if (fast(Kind.SQS_SNS, profile, record, Optional.empty())) {
            // the schema check has seen every key parse
            RuleContext ctx = new RuleContext(profile, Optional.empty(), Optional.empty()).withKeysVouched();
            Rules.checkAll(record, ctx);
            return ctx.findings();
        }
        return check(Kind.SQS_SNS, profile, codec.toJson(record), Optional.of(record), Optional.empty());
    }

    /** Returns the findings of the record {@code json} validated as {@code kind}. */
    public List<Finding> check(Kind kind, Profile profile, JsonObject json) {
        return check(kind, profile, json, record -> { });
    }

    /**
     * {@link #check(Kind, Profile, JsonObject)}, handing {@code bound} the record the model bound from {@code json},
     * the one the checks then see; not called for an event or for a document the model cannot bind.
     */
    public List<Finding> check(Kind kind, Profile profile, JsonObject json, Consumer<KafkaFailureRecord> bound) {
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
        record.ifPresent(bound);
        return check(kind, profile, json, record, Optional.ofNullable(unreadable));
    }

    private List<Finding> check(Kind kind, Profile profile, JsonObject json,
            Optional<KafkaFailureRecord> record, Optional<ReadException> unreadable) {
        if (record.isEmpty()) {
            return Coverage.merge(profile, List.of(), engine.get().validate(kind, profile, JacksonTrees.toJackson(json)),
                    List.of(), unreadable, schemaFindings);
        }
        KafkaFailureRecord r = record.get();
        Optional<KafkaEvent> event = Optional.empty();
        Optional<ReadException> problem = Optional.empty();
        Optional<Payload> payload = r.payloadIfAny();
        if (payload.isPresent()) {
            try {
                event = Optional.of(payload.get().event());
            } catch (ReadException e) {
                problem = Optional.of(e);
            }
        }
        List<SchemaEngine.Violation> violations = List.of();
        List<SchemaEngine.Violation> payloadViolations = List.of();
        if (!fast(kind, profile, r, event)) {
            violations = engine.get().validate(kind, profile, JacksonTrees.toJackson(json));
            // A string payload's event, for networknt, is the tree the event writes: the string is not parsed
            // again. A payload that is no event needs none: kafka.payload-not-event covers all under /payload.
            if (payload.isPresent() && payload.get().form() == Payload.Form.STRING && event.isPresent()) {
                payloadViolations = engine.get().validate(Kind.EVENT, profile,
                        JacksonTrees.toJackson(codec.toJson(event.get())));
            }
        }
        RuleContext ctx = new RuleContext(profile, event, problem);
        Rules.checkAll(r, ctx);
        // Member order only the tree knows: the byte path reads AWS's order only, so both paths agree.
        List<Finding> semantic = new java.util.ArrayList<>(ctx.findings());
        MemberOrder.check(json, profile, semantic);
        return Coverage.merge(profile, semantic, violations, payloadViolations, Optional.empty(), schemaFindings);
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
        List<Finding> semantic = new ArrayList<>();
        if (json.get("records").orElse(null) instanceof JsonObject records) {
            for (String key : records.names()) {
                TopicPartitionKeyRule.explain(key).ifPresent(reason -> semantic.add(FindingCode.TOPIC_PARTITION_KEY
                        .finding(profile, JsonPointer.append("/records", key), Map.of("key", key, "reason", reason))));
            }
        }
        try {
            if (FastSchemaCheck.event(codec.readEvent(json), profile)) {
                return semantic;
            }
        } catch (ReadException e) {
            // not the model's shape: networknt explains
        }
        return Coverage.merge(profile, semantic, engine.get().validate(Kind.EVENT, profile,
                JacksonTrees.toJackson(json)), List.of(), Optional.empty(), schemaFindings);
    }
}
