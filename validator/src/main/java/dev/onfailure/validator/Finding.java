package dev.onfailure.validator;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One thing found wrong (or worth a look) in a record.
 *
 * <pre>{@code
 * finding.code();      // "kafka.offset-order"
 * finding.severity();  // ERROR
 * finding.pointer();   // "/KafkaBatchInfo/recordsInfo/orders-eu-3/firstRecordOffset"
 * finding.message();   // "firstRecordOffset 1300 is after lastRecordOffset 1200 in orders-eu-3"
 * }</pre>
 *
 * @param code     the stable code, such as {@code kafka.offset-order} or {@code schema.required}
 * @param severity error or warning, as the profile says
 * @param pointer  an RFC 6901 JSON Pointer into the record ({@code ""} for the whole record)
 * @param message  a sentence a person understands without the code
 * @param args     the values the message was made from, for programs
 */
public record Finding(String code, Severity severity, String pointer, String message, Map<String, String> args) {

    /** Orders findings by pointer, then code, then message. */
    public static final Comparator<Finding> ORDER = (a, b) -> {
        int c = a.pointer.compareTo(b.pointer);
        if (c == 0) {
            c = a.code.compareTo(b.code);
        }
        return c != 0 ? c : a.message.compareTo(b.message);
    };

    /** Checks for nulls and copies the arguments. */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        args = Map.copyOf(args);
    }

    /** Returns true if this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Returns the finding moved under {@code prefix}: for a record found inside an envelope or a payload. */
    Finding under(String prefix) {
        return new Finding(code, severity, prefix + pointer, message, args);
    }

    @Override
    public String toString() {
        return severity.id() + " " + code + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
