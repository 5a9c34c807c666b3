package dev.onfailure.validator.internal.rules;

import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import java.util.List;
import java.util.Optional;

/** Runs one rule on a hand-made record changed by text replacement. */
final class RuleTesting {

    private RuleTesting() {
    }

    static String text(String name) {
        return HandMadeRecords.named(name).json();
    }

    /** Returns {@code json} with its top-level member {@code name} set to {@code value}, pretty-printed. */
    static String withMember(String json, String name, JsonValue value) {
        JsonObject.Builder b = JsonObject.builder();
        ((JsonObject) Json.parse(json)).members().forEach((k, v) -> b.put(k, k.equals(name) ? value : v));
        return Json.write(b.build(), WriteOptions.PRETTY);
    }

    static List<Finding> run(Rule rule, String json, Profile profile) {
        return run(rule::check, RecordCodec.defaults().read(json), profile);
    }

    /** Runs {@code rules} on the record {@code r} as the checker does: its payload's event read first. */
    static List<Finding> run(java.util.function.BiConsumer<KafkaFailureRecord, RuleContext> rules,
            KafkaFailureRecord r, Profile profile) {
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
        RuleContext ctx = new RuleContext(profile, event, problem);
        rules.accept(r, ctx);
        return ctx.findings();
    }

    static List<Finding> run(Rule rule, String json) {
        return run(rule, json, Profile.TOLERANT);
    }
}
