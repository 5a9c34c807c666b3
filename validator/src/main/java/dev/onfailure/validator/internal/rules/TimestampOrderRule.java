package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.json.JsonPointer;
import dev.onfailure.validator.FindingCode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A first timestamp later than the last is legal (producers set CREATE_TIME) but worth a warning. */
final class TimestampOrderRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (!(r.batchInfo() instanceof KafkaBatchInfo info)) {
            return;
        }
        info.recordsInfo().forEach((key, range) -> {
            Optional<Instant> first = range.firstRecordTimestamp().toInstant();
            Optional<Instant> last = range.lastRecordTimestamp().toInstant();
            if (first.isPresent() && last.isPresent() && first.get().isAfter(last.get())) {
                ctx.report(FindingCode.TIMESTAMP_ORDER,
                        JsonPointer.append(JsonPointer.append("/KafkaBatchInfo/recordsInfo", key), "firstRecordTimestamp"),
                        Map.of("first", range.firstRecordTimestamp().text(), "last", range.lastRecordTimestamp().text(),
                                "key", Texts.abbreviate(key)));
            }
        });
    }
}
