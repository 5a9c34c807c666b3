package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.Condition;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.FindingCode;

/**
 * {@code MaximumPayloadSizeExceeded} means the function never ran, so {@code responseContext} must be null (or
 * absent): AWS's text says so ("null if record is MaximumPayloadSizeExceeded"), so it is an error in both profiles.
 * {@code RetryAttemptsExhausted} and {@code RetriesExhausted} mean it ran, so {@code responseContext} should be an
 * object: inferred (AWS's examples show one with each condition but no text says so), so a warning under tolerant and
 * an error under strict.
 */
final class ConditionResponseRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        Condition c = r.requestContext().condition();
        if (c.is(Condition.Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED) && r.responseContext().isPresent()) {
            ctx.report(FindingCode.CONDITION_RESPONSE, "/responseContext", "detail",
                    "the condition is MaximumPayloadSizeExceeded, so the function never ran and responseContext"
                            + " must be null, but it is an object");
        } else if ((c.is(Condition.Known.RETRY_ATTEMPTS_EXHAUSTED) || c.is(Condition.Known.RETRIES_EXHAUSTED))
                && !r.responseContext().isPresent()) {
            ctx.reportInferred(FindingCode.CONDITION_RESPONSE, "/responseContext", "detail",
                    "the condition is " + c.text() + ", so the function ran and responseContext should be an"
                            + " object, but it is " + (r.responseContext().isNull() ? "null" : "absent"));
        }
    }
}
