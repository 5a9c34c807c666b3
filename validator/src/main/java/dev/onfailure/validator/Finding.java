package dev.onfailure.validator;

import dev.onfailure.json.JsonPointer;
import dev.onfailure.validator.internal.rules.Findings;
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
        int c = comparePointers(a, b);
        if (c == 0) {
            c = a.code.compareTo(b.code);
        }
        return c != 0 ? c : a.message().compareTo(b.message());
    };

    private final String code;
    private final FindingCode type;
    private final Severity severity;
    /** The pointer, or its part before {@link #key} when the pointer is made from parts. */
    private final String head;
    /** For a pointer made from parts: a member name, escaped; else null. */
    private final String key;
    /** For a pointer made from parts: what follows the key ({@code ""} for nothing); else {@code ""}. */
    private final String tail;
    /** A pointer made from parts, once read (a racy cache: every thread makes the same string). */
    private String pointer;
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
        this.head = Objects.requireNonNull(pointer, "pointer");
        this.key = null;
        this.tail = "";
        this.message = Objects.requireNonNull(message, "message");
        this.args = Map.copyOf(args);
        this.argv = null;
        this.template = null;
    }

    /**
     * A finding whose message {@code template} makes from its arguments when first read; {@code argv} holds names
     * and values in turn, checked by the caller and not shared. Its pointer is {@code head}, then {@code key} escaped,
     * then {@code tail}, made when first read; {@code key} is null for a pointer that is {@code head} alone.
     */
    Finding(FindingCode template, Severity severity, String head, String key, String tail, String[] argv) {
        this.code = template.id();
        this.type = template;
        this.severity = Objects.requireNonNull(severity, "severity");
        this.head = Objects.requireNonNull(head, "pointer");
        this.key = key == null ? null : JsonPointer.escape(key);
        this.tail = key == null ? "" : Objects.requireNonNull(tail, "tail");
        this.argv = argv;
        this.template = template;
    }

    static {
        Findings.install(new Maker());
    }

    /** Makes the validator's own findings ({@link Findings}): checked as the public method checks, not copied. */
    private static final class Maker implements Findings.Maker {
        @Override
        public Finding make(FindingCode code, Severity severity, String head, String key, String tail,
                String[] argv) {
            return code.unshared(severity, head, key, tail, argv);
        }
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
        if (key == null) {
            return head;
        }
        String p = pointer;
        if (p == null) {
            p = head + key + tail;
            pointer = p;
        }
        return p;
    }

    /** The pointer's length, made or not. */
    private int pointerLength() {
        return key == null ? head.length() : head.length() + key.length() + tail.length();
    }

    /**
     * Whether two different strings differ at a character both have (rather than one being the start of the other):
     * then any two strings that start with them compare as they do.
     */
    private static boolean differBeforeEitherEnds(String a, String b) {
        return a.length() == b.length() || (!a.startsWith(b) && !b.startsWith(a));
    }

    /** The pointer's character at {@code i}, made or not. */
    private char pointerAt(int i) {
        if (i < head.length()) {
            return head.charAt(i);
        }
        int k = i - head.length();
        return k < key.length() ? key.charAt(k) : tail.charAt(k - key.length());
    }

    /**
     * Compares two findings' pointers as strings, without making those made from parts: the report sorts every
     * record's findings, and most are never printed.
     */
    private static int comparePointers(Finding a, Finding b) {
        if (a.key == null && b.key == null) {
            return a.head.compareTo(b.head);
        }
        int from = 0;
        if (a.head == b.head || a.head.equals(b.head)) {
            from = a.head.length();
            if (a.key != null && b.key != null) {
                if (a.key == b.key) {
                    return a.tail.compareTo(b.tail);
                }
                int c = a.key.compareTo(b.key);
                if (c == 0) {
                    return a.tail.compareTo(b.tail);
                }
                if (differBeforeEitherEnds(a.key, b.key)) {
                    return c;   // and so do the pointers
                }
            }
        } else {
            int c = a.head.compareTo(b.head);
            if (differBeforeEitherEnds(a.head, b.head)) {
                return c;   // and so do the pointers
            }
        }
        int la = a.pointerLength();
        int lb = b.pointerLength();
        int n = Math.min(la, lb);
        for (int i = from; i < n; i++) {
            char ca = a.pointerAt(i);
            char cb = b.pointerAt(i);
            if (ca != cb) {
                return ca - cb;
            }
        }
        return la - lb;
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
        return template != null ? new Finding(template, other, head, key, tail, argv)
                : new Finding(type, code, other, head, message(), args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && code.equals(f.code) && severity == f.severity && pointer().equals(f.pointer())
                && args().equals(f.args()) && message().equals(f.message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, severity, pointer(), args());
    }

    @Override
    public String toString() {
        String p = pointer();
        return severity.id() + " " + code + " at " + (p.isEmpty() ? "/" : p) + ": " + message();
    }
}
