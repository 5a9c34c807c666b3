package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Timestamp;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.validator.FindingCode;
import java.time.Instant;
import java.util.Optional;

/** A first timestamp later than the last is legal (producers set CREATE_TIME) but worth a warning. */
final class TimestampOrderRule implements Rule {

    /**
     * Returns true if {@code first} is a later instant than {@code last}. Two timestamps in the same fixed-width UTC
     * form (AWS's) compare as text, chronologically; anything else is parsed.
     */
    static boolean later(String first, String last) {
        if (first.length() == last.length() && first.length() >= 20 && first.endsWith("Z") && last.endsWith("Z")
                && sameShape(first, last)) {
            return first.compareTo(last) > 0;
        }
        Optional<Instant> a = dev.onfailure.model.Timestamp.of(first).toInstant();
        Optional<Instant> b = dev.onfailure.model.Timestamp.of(last).toInstant();
        return a.isPresent() && b.isPresent() && a.get().isAfter(b.get());
    }

    /** {@link #later(String, String)} of two timestamps: two in AWS's form (known once each) compare as text. */
    static boolean later(Timestamp first, Timestamp last) {
        if (first.isAwsForm() && last.isAwsForm()) {
            return first.text().compareTo(last.text()) > 0;
        }
        return later(first.text(), last.text());
    }

    /** Digits where one has digits, and the same separators elsewhere, in the positions of {@code dddd-dd-ddTdd:dd:dd}. */
    private static boolean sameShape(String a, String b) {
        for (int i = 0; i < a.length() - 1; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            boolean digitX = x >= '0' && x <= '9';
            boolean digitY = y >= '0' && y <= '9';
            if (digitX != digitY || (!digitX && x != y)) {
                return false;
            }
        }
        return a.charAt(4) == '-' && a.charAt(7) == '-' && a.charAt(10) == 'T' && a.charAt(13) == ':'
                && a.charAt(16) == ':' && (a.length() == 20 || a.charAt(19) == '.');
    }

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (!(r.batchInfo() instanceof KafkaBatchInfo info)) {
            return;
        }
        info.recordsInfo().forEach((key, range) -> {
            if (later(range.firstRecordTimestamp(), range.lastRecordTimestamp())) {
                ctx.report(FindingCode.TIMESTAMP_ORDER,
                        JsonPointer.append(JsonPointer.append("/KafkaBatchInfo/recordsInfo", key), "firstRecordTimestamp"),
                        "first", range.firstRecordTimestamp().text(), "last", range.lastRecordTimestamp().text(),
                        "key", Texts.abbreviate(key));
            }
        });
    }
}
