package dev.onfailure.validator;

import dev.onfailure.schema.Profile;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of finding codes: each declared once, with its severity in each profile and its message template.
 * Codes are a stable API: downstream tests may assert on them.
 *
 * <p>{@link #SCHEMA} stands for a family: a failed JSON Schema keyword {@code k} gives the code {@code schema.k}
 * ({@code schema.required}, {@code schema.type}, {@code schema.pattern}, ...).
 *
 * <pre>{@code
 * Finding f = FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/KafkaBatchInfo/recordsInfo/orders-3/firstRecordOffset",
 *         Map.of("first", "1300", "last", "1200", "key", "orders-3"));
 * f.message();   // "firstRecordOffset 1300 is after lastRecordOffset 1200 in orders-3"
 * }</pre>
 */
public enum FindingCode {
    /** Not well-formed JSON: comments, trailing commas, truncation, empty input, bad UTF-8. */
    JSON_SYNTAX("json.syntax", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** An object repeats a member name. */
    JSON_DUPLICATE_KEY("json.duplicate-key", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** A document, nesting, number, string, member or token limit is exceeded. */
    JSON_LIMIT("json.limit", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** The document is not a JSON object. */
    JSON_NOT_OBJECT("json.not-object", Severity.ERROR, Severity.ERROR,
            "the document is a JSON {type}, not an object: a failure record is an object"),
    /** A JSON object that is no known record or envelope. */
    RECORD_UNKNOWN_KIND("record.unknown-kind", Severity.ERROR, Severity.ERROR,
            "the object is not a Kafka failure record (no KafkaBatchInfo) nor an SNS or SQS envelope{hint}"),
    /** A JSON Schema keyword failed; the code is {@code schema.<keyword>}. */
    SCHEMA("schema.<keyword>", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** MaximumPayloadSizeExceeded with a non-null responseContext, or RetryAttemptsExhausted with none. */
    CONDITION_RESPONSE("kafka.condition-response", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** firstRecordOffset is greater than lastRecordOffset. */
    OFFSET_ORDER("kafka.offset-order", Severity.ERROR, Severity.ERROR,
            "firstRecordOffset {first} is after lastRecordOffset {last} in {key}"),
    /** An offset does not fit Kafka's int64. */
    OFFSET_INT64("kafka.offset-int64", Severity.WARNING, Severity.ERROR,
            "{member} {offset} is beyond Kafka's int64 offsets (at most 9223372036854775807){where}"),
    /** firstRecordTimestamp is later than lastRecordTimestamp (legal: CREATE_TIME can go back). */
    TIMESTAMP_ORDER("kafka.timestamp-order", Severity.WARNING, Severity.WARNING,
            "firstRecordTimestamp {first} is later than lastRecordTimestamp {last} in {key}"
                    + " (possible with CREATE_TIME, which producers set)"),
    /** A recordsInfo key is not {@code <legal topic>-<partition>}. */
    TOPIC_PARTITION_KEY("kafka.topic-partition-key", Severity.ERROR, Severity.ERROR,
            "\"{key}\" is not \"<topic>-<partition>\": {reason}"),
    /** An S3 or topic payload is not a Kafka invocation event. */
    PAYLOAD_NOT_EVENT("kafka.payload-not-event", Severity.WARNING, Severity.ERROR,
            "the payload is not a Kafka invocation event: {detail}"),
    /** The payload contradicts the metadata beside it. */
    PAYLOAD_MISMATCH("kafka.payload-mismatch", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** MaximumPayloadSizeExceeded but payloadSize is not above 6 MB. */
    PAYLOAD_SIZE("kafka.payload-size", Severity.WARNING, Severity.WARNING,
            "the condition is MaximumPayloadSizeExceeded but payloadSize {size} is not above 6291456 bytes (6 MB)"),
    /** requestId is not a UUID. */
    REQUEST_ID("record.request-id", Severity.WARNING, Severity.ERROR, "requestId \"{id}\" is not a UUID"),
    /** condition is none of the known values. */
    UNKNOWN_CONDITION("record.unknown-condition", Severity.WARNING, Severity.WARNING,
            "condition \"{condition}\" is none of the known values (RetryAttemptsExhausted,"
                    + " MaximumPayloadSizeExceeded, RecordAgeExceeded, RetriesExhausted)"),
    /** An SQS/SNS or S3 record with a single recordInfo where AWS documents recordsInfo. */
    SINGLE_RECORD_INFO("kafka.single-record-info", Severity.WARNING, Severity.ERROR,
            "a single recordInfo where AWS documents recordsInfo for a {kind} record: the form the Go emulator"
                    + " gopherstack writes (one record per failed Kafka record), read as a batch of one"),
    /** A payload header byte is above 127: unsigned, where AWS sends signed bytes. */
    HEADER_UNSIGNED("kafka.header-unsigned", Severity.WARNING, Severity.ERROR,
            "header \"{name}\"{where} has bytes above 127: unsigned (0 to 255) where AWS sends signed bytes"
                    + " (-128 to 127); the bytes are the same"),
    /** Members in neither AWS's order nor sorted. */
    MEMBER_ORDER("record.member-order", Severity.WARNING, Severity.ERROR,
            "the members of {what} come as {order}: neither AWS's order ({aws}) nor sorted, so another tool wrote"
                    + " it (JSON gives order no meaning)"),
    /**
     * The record passes the schema but cannot be read as the typed model; a safety net that should never fire (the
     * tolerant schema admits nothing the model cannot hold).
     */
    RECORD_UNREADABLE("record.unreadable", Severity.ERROR, Severity.ERROR, "{detail}"),
    /** An envelope's message or body is not JSON. */
    ENVELOPE_MESSAGE_NOT_JSON("envelope.message-not-json", Severity.ERROR, Severity.ERROR,
            "the envelope's {member} is not JSON: {detail}"),
    /** An envelope holds no record at all. */
    ENVELOPE_EMPTY("envelope.empty", Severity.WARNING, Severity.WARNING, "the {envelope} holds no record");


    private final String id;
    private final Severity tolerant;
    private final Severity strict;
    private final String template;
    /** The template cut at its placeholders: literal, name, literal, name, ..., literal. */
    private final String[] parts;
    /**
     * The argument names of the last {@link #finding(Profile, String, String...)} whose names passed every check (a
     * cache, set whole; null before the first).
     */
    private volatile String[] checkedNames;

    FindingCode(String id, Severity tolerant, Severity strict, String template) {
        this.id = id;
        this.tolerant = tolerant;
        this.strict = strict;
        this.template = template;
        java.util.List<String> cut = new java.util.ArrayList<>();
        Matcher m = Placeholders.PATTERN.matcher(template);
        int last = 0;
        while (m.find()) {
            cut.add(template.substring(last, m.start()));
            // interned: the rules pass argument names as literals, so finding each placeholder's is a reference test
            cut.add(m.group(1).intern());
            last = m.end();
        }
        cut.add(template.substring(last));
        this.parts = cut.toArray(new String[0]);
    }

    /** Returns the code as it appears in findings; {@code schema.<keyword>} for the schema family. */
    public String id() {
        return id;
    }

    /** Returns the severity of this code's findings in {@code profile}. */
    public Severity severity(Profile profile) {
        return profile == Profile.STRICT ? strict : tolerant;
    }

    /** Returns the message template; {@code {name}} stands for the argument {@code name}. */
    public String template() {
        return template;
    }

    /** Returns the code with id {@code id}; every {@code schema.*} id maps to {@link #SCHEMA}. */
    public static Optional<FindingCode> fromId(String id) {
        if (id.startsWith("schema.")) {
            return Optional.of(SCHEMA);
        }
        for (FindingCode c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a finding of this code at {@code pointer}, its severity the profile's.
     *
     * @throws IllegalArgumentException for {@link #SCHEMA} (see {@link #schema}) or if an argument of the template
     *                                  is missing
     */
    public Finding finding(Profile profile, String pointer, Map<String, String> args) {
        String[] argv = new String[2 * args.size()];
        int k = 0;
        for (Map.Entry<String, String> e : args.entrySet()) {
            argv[k++] = e.getKey();
            argv[k++] = e.getValue();
        }
        return checked(profile, pointer, argv);
    }

    /**
     * Returns a finding of this code at {@code pointer}, its severity the profile's, with the arguments given as
     * names and values in turn: the cheaper form, for validators that make many findings.
     *
     * <pre>{@code
     * FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, pointer, "first", "1300", "last", "1200", "key", "orders-3");
     * }</pre>
     *
     * @throws IllegalArgumentException for {@link #SCHEMA} (see {@link #schema}), an odd number of strings, a name
     *                                  given twice or a missing argument of the template
     */
    public Finding finding(Profile profile, String pointer, String... namesAndValues) {
        return unshared(severity(profile), pointer, null, "", namesAndValues.clone());
    }

    /**
     * {@link #finding(Profile, String, String...)} for the validator's own rules ({@code internal.rules.Findings}): the same
     * checks, but {@code argv} becomes the finding's own, uncopied, and the pointer is {@code head}, then {@code key}
     * escaped, then {@code tail}, made when first read ({@code key} null for {@code head} alone).
     */
    Finding unshared(Severity severity, String head, String key, String tail, String[] argv) {
        // A validator gives the same literal names at every call: once they have passed, the same names again (the
        // same strings) need no second look, and the values are checked and capped in the same pass.
        String[] checked = checkedNames;
        if (checked != null && argv.length == 2 * checked.length && sameNamesValuesCapped(argv, checked)) {
            return new Finding(this, severity, head, key, tail, argv);
        }
        if (argv.length % 2 != 0) {
            throw new IllegalArgumentException(id + ": arguments come as names and values in turn");
        }
        for (int i = 1; i < argv.length; i += 2) {
            Objects.requireNonNull(argv[i], argv[i - 1]);
        }
        if (!sameNames(argv, checkedNames)) {
            for (int i = 0; i < argv.length; i += 2) {
                Objects.requireNonNull(argv[i], "argument name");
                for (int j = 0; j < i; j += 2) {
                    if (argv[j].equals(argv[i])) {
                        throw new IllegalArgumentException(id + ": argument " + argv[i] + " given twice");
                    }
                }
            }
            checkArguments(argv);
            String[] names = new String[argv.length / 2];
            for (int i = 0; i < names.length; i++) {
                names[i] = argv[2 * i];
            }
            checkedNames = names;
        }
        capped(argv);
        return new Finding(this, severity, head, key, tail, argv);
    }

    /**
     * Whether {@code argv}'s names are, in order, the very strings of {@code names} (as many) and no value is null;
     * long values are capped on the way (in place, as {@link #capped} caps them).
     */
    private static boolean sameNamesValuesCapped(String[] argv, String[] names) {
        for (int i = 0; i < argv.length; i += 2) {
            String value = argv[i + 1];
            if (argv[i] != names[i >> 1] || value == null) {
                return false;
            }
            if (value.length() > MAX_ARGUMENT) {
                argv[i + 1] = cap(value);
            }
        }
        return true;
    }

    /** Whether {@code argv}'s names are, in order, the very strings of {@code names}. */
    private static boolean sameNames(String[] argv, String[] names) {
        if (names == null || 2 * names.length != argv.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (argv[2 * i] != names[i]) {
                return false;
            }
        }
        return true;
    }

    /** Caps long values (in place), checks that every placeholder has its argument, and makes the finding. */
    private Finding checked(Profile profile, String pointer, String[] argv) {
        checkArguments(argv);
        capped(argv);
        return new Finding(this, severity(profile), pointer, null, "", argv);
    }

    /**
     * Checks that this code makes findings from a template and that every placeholder has its argument.
     *
     * @throws IllegalArgumentException for {@link #SCHEMA} or a missing argument
     */
    private void checkArguments(String[] argv) {
        if (this == SCHEMA) {
            throw new IllegalArgumentException("schema findings are made with FindingCode.schema(keyword, ...)");
        }
        for (int i = 1; i < parts.length; i += 2) {
            if (indexOf(argv, parts[i]) < 0) {
                throw new IllegalArgumentException(id + ": missing argument " + parts[i]);
            }
        }
    }

    /** Caps long values, in place. */
    private static void capped(String[] argv) {
        for (int i = 1; i < argv.length; i += 2) {
            if (argv[i].length() > MAX_ARGUMENT) {
                argv[i] = cap(argv[i]);
            }
        }
    }

    /** Returns the index of the value of argument {@code name}, or -1. */
    private static int indexOf(String[] argv, String name) {
        for (int i = 0; i < argv.length; i += 2) {
            if (argv[i].equals(name)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The longest argument a message quotes: hostile input must not make a finding megabytes long. */
    static final int MAX_ARGUMENT = 500;

    static String cap(String value) {
        return value.length() <= MAX_ARGUMENT ? value
                : value.substring(0, MAX_ARGUMENT - 100) + "... (" + value.length() + " characters)";
    }

    /** Returns a {@code schema.<keyword>} finding. */
    public static Finding schema(String keyword, String pointer, String detail) {
        String capped = detail.length() <= 4 * MAX_ARGUMENT ? detail : cap(detail);
        return new Finding(SCHEMA, "schema." + keyword, Severity.ERROR, pointer, capped,
                Map.of("keyword", keyword, "detail", capped));
    }

    String format(String[] argv) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                sb.append(parts[i]);
            } else {
                sb.append(argv[indexOf(argv, parts[i])]);
            }
        }
        return sb.toString();
    }

    /** Holds the placeholder pattern: enum constants are built before the enum's own static fields. */
    private static final class Placeholders {
        static final Pattern PATTERN = Pattern.compile("\\{(\\w+)}");
    }
}
