package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.validator.FindingCode;

/** {@code firstRecordOffset} may not be greater than {@code lastRecordOffset}, compared as numbers of any length. */
final class OffsetOrderRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (!(r.batchInfo() instanceof KafkaBatchInfo info)) {
            return;
        }
        info.recordsInfo().forEach((key, range) -> {
            if (range.firstRecordOffset().isDecimal() && range.lastRecordOffset().isDecimal()
                    && range.firstRecordOffset().compareValue(range.lastRecordOffset()) > 0) {
                ctx.report(FindingCode.OFFSET_ORDER,
                        JsonPointer.append(JsonPointer.append("/KafkaBatchInfo/recordsInfo", key), "firstRecordOffset"),
                        "first", Texts.abbreviate(range.firstRecordOffset().text()),
                        "last", Texts.abbreviate(range.lastRecordOffset().text()), "key", Texts.abbreviate(key));
            }
        });
    }

}
