package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.TopicBatchInfo;
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
                    String where = " in " + Texts.abbreviate(key);
                    if (first) {
                        ctx.reportAt(FindingCode.OFFSET_INT64, RANGES, key, "/firstRecordOffset", "member",
                                "firstRecordOffset", "offset", Texts.abbreviate(range.firstRecordOffset().text()),
                                "where", where);
                    }
                    if (last) {
                        ctx.reportAt(FindingCode.OFFSET_INT64, RANGES, key, "/lastRecordOffset", "member",
                                "lastRecordOffset", "offset", Texts.abbreviate(range.lastRecordOffset().text()),
                                "where", where);
                    }
                }
            });
            if (info.recordInfo().isPresent() && beyond(info.recordInfo().get().offset())) {
                report(info.recordInfo().get().offset(), ctx);
            }
        } else if (r.batchInfo() instanceof TopicBatchInfo info && beyond(info.recordInfo().offset())) {
            report(info.recordInfo().offset(), ctx);
        }
    }

    /** The pointer to {@code recordsInfo}'s ranges, before the key. */
    private static final String RANGES = "/KafkaBatchInfo/recordsInfo/";

    private static boolean beyond(Offset offset) {
        return offset.isDecimal() && !offset.fitsInt64();
    }

    /** Reports {@code recordInfo}'s offset. */
    private static void report(Offset offset, RuleContext ctx) {
        ctx.report(FindingCode.OFFSET_INT64, "/KafkaBatchInfo/recordInfo/offset", "member", "offset", "offset",
                Texts.abbreviate(offset.text()), "where", "");
    }
}
