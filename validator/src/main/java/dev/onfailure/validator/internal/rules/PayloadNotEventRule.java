package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.FindingCode;

/** An S3 or Kafka-topic payload must hold a Kafka invocation event; AWS's S3 example shows "<Whole Event>". */
final class PayloadNotEventRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        ctx.payloadProblem().ifPresent(e -> ctx.report(FindingCode.PAYLOAD_NOT_EVENT,
                e.pointer().startsWith("/payload") ? e.pointer() : "/payload",
                "detail", e.getMessage().replaceFirst(" at /payload.*$", "")));
    }
}
