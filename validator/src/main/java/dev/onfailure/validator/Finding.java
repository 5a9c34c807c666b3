package dev.onfailure.validator;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One thing found wrong (or worth a look) in a record.
 *
 * <pre>{@code
 * finding.code();      // "kafka.offset-order"
 * finding.type();      // FindingCode.OFFSET_ORDER (FindingCode.SCHEMA for every schema.<keyword> code)
 * finding.severity();  // ERROR
 * finding.pointer();   // "/KafkaBatchInfo/recordsInfo/orders-eu-3/firstRecordOffset"
 * finding.message();   // "firstRecordOffset 1300 is after lastRecordOffset 1200 in orders-eu-3"
 * }</pre>
 *
 * <p>A finding made from the catalogue builds its message from its template and arguments when first asked for it:
 * validating many records costs less when only some messages are read.
 */
public final class Finding {

    /** Orders findings by pointer, then code, then message. */
    public static final Comparator<Finding> ORDER = (a, b) -> {
        int c = a.pointer.compareTo(b.pointer);
        if (c == 0) {
            c = a.code.compareTo(b.code);
        }
        return c != 0 ? c : a.message().compareTo(b.message());
    };

    private final String code;
    private final FindingCode type;
    private final Severity severity;
    private final String pointer;
    /** The arguments as names and values in turn, for a finding made from the catalogue; else null. */
    private final String[] argv;
    /** The arguments as a map: given, or made from {@link #argv} when first asked for. */
    private volatile Map<String, String> args;
    /** The catalogue entry whose template makes the message, or null when the message was given. */
    private final FindingCode template;
    private volatile String message;

    /**
     * Creates a finding whose message is given: a {@code schema.<keyword>} finding ({@link FindingCode#schema}), or
     * one whose severity differs from the catalogue's.
     *
     * @param type     its entry in the catalogue
     * @param code     the stable code, such as {@code kafka.offset-order} or {@code schema.required}
     * @param severity error or warning, as the profile says
     * @param pointer  an RFC 6901 JSON Pointer into the record ({@code ""} for the whole record)
     * @param message  a sentence a person understands without the code
     * @param args     the values the message was made from, for programs
     */
    Finding(FindingCode type, String code, Severity severity, String pointer, String message, Map<String, String> args) {
        this.type = Objects.requireNonNull(type, "type");
        this.code = Objects.requireNonNull(code, "code");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.message = Objects.requireNonNull(message, "message");
        this.args = Map.copyOf(args);
        this.argv = null;
        this.template = null;
    }

    /**
     * A finding whose message {@code template} makes from its arguments when first read; {@code argv} holds names
     * and values in turn, checked by the caller and not shared.
     */
    Finding(FindingCode template, Severity severity, String pointer, String[] argv) {
        this.code = template.id();
        this.type = template;
        this.severity = Objects.requireNonNull(severity, "severity");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.argv = argv;
        this.template = template;
    }

    /** Returns the stable code, such as {@code kafka.offset-order} or {@code schema.required}. */
    public String code() {
        return code;
    }

    /**
     * Returns the code's entry in the catalogue, for programs that switch on it: {@link FindingCode#SCHEMA} for every
     * {@code schema.<keyword>} code, whose keyword is in {@link #code()} and in {@code args().get("keyword")}.
     */
    public FindingCode type() {
        return type;
    }

    /** Returns error or warning, as the profile says. */
    public Severity severity() {
        return severity;
    }

    /** Returns an RFC 6901 JSON Pointer into the record ({@code ""} for the whole record). */
    public String pointer() {
        return pointer;
    }

    /** Returns a sentence a person understands without the code. */
    public String message() {
        String m = message;
        if (m == null) {
            m = template.format(argv);
            message = m;
        }
        return m;
    }

    /** Returns the values the message was made from, for programs, in the order they were given. */
    public Map<String, String> args() {
        Map<String, String> a = args;
        if (a == null) {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < argv.length; i += 2) {
                m.put(argv[i], argv[i + 1]);
            }
            a = java.util.Collections.unmodifiableMap(m);
            args = a;
        }
        return a;
    }

    /** Returns true if this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Returns this finding with another severity, for a documented exception to the catalogue's. */
    public Finding withSeverity(Severity other) {
        return template != null ? new Finding(template, other, pointer, argv)
                : new Finding(type, code, other, pointer, message(), args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && code.equals(f.code) && severity == f.severity && pointer.equals(f.pointer)
                && args().equals(f.args()) && message().equals(f.message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, severity, pointer, args());
    }

    @Override
    public String toString() {
        return severity.id() + " " + code + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + message();
    }
}
