package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.json.JsonPointer;
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
                boolean first = beyond(range.firstRecordOffset());
                boolean last = beyond(range.lastRecordOffset());
                if (first || last) {
                    String at = "/KafkaBatchInfo/recordsInfo/" + JsonPointer.escape(key) + "/";
                    String where = " in " + Texts.abbreviate(key);
                    if (first) {
                        report(range.firstRecordOffset(), "firstRecordOffset", at, where, ctx);
                    }
                    if (last) {
                        report(range.lastRecordOffset(), "lastRecordOffset", at, where, ctx);
                    }
                }
            });
            if (info.recordInfo().isPresent() && beyond(info.recordInfo().get().offset())) {
                report(info.recordInfo().get().offset(), "offset", "/KafkaBatchInfo/recordInfo/", "", ctx);
            }
        } else if (r.batchInfo() instanceof TopicBatchInfo info && beyond(info.recordInfo().offset())) {
            report(info.recordInfo().offset(), "offset", "/KafkaBatchInfo/recordInfo/", "", ctx);
        }
    }

    private static boolean beyond(Offset offset) {
        return offset.isDecimal() && !offset.fitsInt64();
    }

    /** Reports the offset {@code member}, whose pointer is {@code at} (ending in a slash) and {@code member}. */
    private static void report(Offset offset, String member, String at, String where, RuleContext ctx) {
        ctx.report(FindingCode.OFFSET_INT64, at + member, "member", member, "offset", Texts.abbreviate(offset.text()),
                "where", where);
    }
}
