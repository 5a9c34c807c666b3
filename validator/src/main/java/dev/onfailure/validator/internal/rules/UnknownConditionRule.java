package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.FindingCode;

/** A {@code condition} AWS is not known to send: kept, but worth a look. */
final class UnknownConditionRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (r.requestContext().condition().known().isEmpty()) {
            ctx.report(FindingCode.UNKNOWN_CONDITION, "/requestContext/condition",
                    "condition", r.requestContext().condition().text());
        }
    }
}
