package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.validator.FindingCode;

/** {@code requestId} is a UUID in everything Lambda sends; AWS's examples put {@code xmpl} in place of hex digits. */
final class RequestIdRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        String id = r.requestContext().requestId();
        if (!isUuid(id)) {
            ctx.report(FindingCode.REQUEST_ID, "/requestContext/requestId", "id", Texts.abbreviate(id));
        }
    }

    /** The hexadecimal digits, in either case. */
    private static final boolean[] HEX = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            HEX[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }

    /** Returns true for 8-4-4-4-12 hexadecimal digits, in either case. */
    static boolean isUuid(String s) {
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i != 8 && i != 13 && i != 18 && i != 23 && (c >= 128 || !HEX[c])) {
                return false;
            }
        }
        return true;
    }
}
