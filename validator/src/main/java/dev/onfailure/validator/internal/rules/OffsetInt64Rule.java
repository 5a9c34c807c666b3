package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.json.JsonPointer;
import dev.onfailure.validator.FindingCode;

/**
 * Kafka offsets are int64; AWS's own examples carry 56-digit values, so a consumer is warned and a producer refused.
 * Offsets that are not decimal are the schema's business.
 */
final class OffsetInt64Rule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (r.batchInfo() instanceof KafkaBatchInfo info) {
            info.recordsInfo().forEach((key, range) -> {
                check(range.firstRecordOffset(), "firstRecordOffset", key, ctx);
                check(range.lastRecordOffset(), "lastRecordOffset", key, ctx);
            });
        } else if (r.batchInfo() instanceof TopicBatchInfo info) {
            check(info.recordInfo().offset(), "offset", null, ctx);
        }
    }

    /** Checks the offset {@code member} of the recordsInfo entry {@code key} (null: of a topic record's recordInfo). */
    private static void check(Offset offset, String member, String key, RuleContext ctx) {
        if (offset.isDecimal() && !offset.fitsInt64()) {
            String at = key == null ? "/KafkaBatchInfo/recordInfo/" + member
                    : JsonPointer.append(JsonPointer.append("/KafkaBatchInfo/recordsInfo", key), member);
            ctx.report(FindingCode.OFFSET_INT64, at, "member", member, "offset", Texts.abbreviate(offset.text()),
                    "where", key == null ? "" : " in " + Texts.abbreviate(key));
        }
    }
}
