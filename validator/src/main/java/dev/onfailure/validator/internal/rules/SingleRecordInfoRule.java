package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.FindingCode;

/**
 * An SQS/SNS or S3 record with a single {@code recordInfo}: AWS documents {@code recordsInfo} there ("Each of the
 * keys under recordsInfo contains both the Kafka topic and partition"), and only for a Kafka-topic destination a
 * {@code recordInfo}. The Go emulator gopherstack writes this form for every destination, one record per failed Kafka
 * record. Read as a batch of one; a difference from AWS's form, so a warning under tolerant, an error under strict.
 */
final class SingleRecordInfoRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (r.batchInfo() instanceof KafkaBatchInfo info && info.recordInfo().isPresent()) {
            ctx.report(FindingCode.SINGLE_RECORD_INFO, "/KafkaBatchInfo/recordInfo", "kind", r.kind().id());
        }
    }
}
