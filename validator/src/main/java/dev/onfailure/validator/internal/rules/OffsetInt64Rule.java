package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.model.json.JsonPointer;
import dev.onfailure.validator.FindingCode;
import java.util.Map;

/**
 * Kafka offsets are int64; AWS's own examples carry 56-digit values, so a consumer is warned and a producer refused.
 * Offsets that are not decimal are the schema's business.
 */
final class OffsetInt64Rule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (r.batchInfo() instanceof KafkaBatchInfo info) {
            info.recordsInfo().forEach((key, range) -> {
                String at = JsonPointer.append("/KafkaBatchInfo/recordsInfo", key);
                check(range.firstRecordOffset(), "firstRecordOffset", at, " in " + Texts.abbreviate(key), ctx);
                check(range.lastRecordOffset(), "lastRecordOffset", at, " in " + Texts.abbreviate(key), ctx);
            });
        } else if (r.batchInfo() instanceof TopicBatchInfo info) {
            check(info.recordInfo().offset(), "offset", "/KafkaBatchInfo/recordInfo", "", ctx);
        }
    }

    private static void check(Offset offset, String member, String at, String where, RuleContext ctx) {
        if (offset.isDecimal() && !offset.fitsInt64()) {
            ctx.report(FindingCode.OFFSET_INT64, JsonPointer.append(at, member), Map.of("member", member,
                    "offset", Texts.abbreviate(offset.text()), "where", where));
        }
    }
}
