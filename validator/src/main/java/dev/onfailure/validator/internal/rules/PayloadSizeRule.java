package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.Condition;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.FindingCode;

/** {@code MaximumPayloadSizeExceeded} is only sent for batches over the 6 MB invocation limit. */
final class PayloadSizeRule implements Rule {

    /** Lambda's synchronous invocation payload limit, in bytes. */
    static final long LIMIT = 6L * 1024 * 1024;

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (r.requestContext().condition().is(Condition.Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED)
                && r.batchInfo().payloadSize() <= LIMIT) {
            ctx.report(FindingCode.PAYLOAD_SIZE, "/KafkaBatchInfo/payloadSize",
                    "size", Long.toString(r.batchInfo().payloadSize()));
        }
    }
}
