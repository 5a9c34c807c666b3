package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaFailureRecord;

/** A semantic check JSON Schema cannot express. Rules are pure: they only add findings to the context. */
public interface Rule {

    /** Checks {@code record}, reporting to {@code ctx}. */
    void check(KafkaFailureRecord record, RuleContext ctx);
}
