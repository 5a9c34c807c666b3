package dev.onfailure.validator;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.internal.RecordChecker;
import dev.onfailure.validator.internal.SchemaEngine;
import dev.onfailure.validator.internal.SchemaFindings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates Kafka failure records: is this what Lambda sends, and if not, what exactly is wrong, where?
 *
 * <p>The schemas are loaded and initialised once per process, on the first {@code create()}; a validator is immutable
 * and thread-safe (create one and share it)
 * and never touches the network. It never throws for bad input: a document that is not JSON, not an object or not a
 * record gets a report with a finding. Envelopes (an SNS notification, a Lambda SQS or SNS event) are unwrapped, and
 * each record inside gets its own report.
 *
 * <pre>{@code
 * Validator validator = Validator.create();
 * DocumentReport report = validator.validate(Files.readAllBytes(path));
 * for (RecordReport r : report.records()) {
 *     r.findings().forEach(f -> System.out.println(f.pointer() + " " + f.code() + " " + f.message()));
 * }
 * validator.validate(bytes, ValidationOptions.of(Profile.STRICT));    // for producers and contract tests
 * }</pre>
 */
public final class Validator {

    /** How deep envelopes may nest (an SNS notification inside an SQS message is two). */
    private static final int MAX_ENVELOPE_DEPTH = 3;

    private final ReadLimits limits;
    private final RecordChecker checker;

    private Validator(ReadLimits limits) {
        this.limits = limits;
        this.checker = new RecordChecker(SchemaEngine::shared, SchemaFindings::shared, RecordCodec.withLimits(limits));
    }

    /**
     * Returns a validator with the default read limits.
     *
     * @throws IllegalStateException if the bundled schemas cannot be loaded (a broken build, never bad input)
     */
    public static Validator create() {
        return new Validator(ReadLimits.defaults());
    }

    /** Returns a validator that reads within {@code limits}. */
    public static Validator create(ReadLimits limits) {
        return new Validator(limits);
    }

    /** Validates UTF-8 {@code json}, tolerant, kind detected. */
    public DocumentReport validate(byte[] json) {
        return validate(json, ValidationOptions.TOLERANT);
    }

    /** Validates UTF-8 {@code json}. */
    public DocumentReport validate(byte[] json, ValidationOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        Optional<RecordReport> plain = plain(json, "", Optional.empty(), options);
        if (plain.isPresent()) {
            return new DocumentReport(List.of(plain.get()));
        }
        try {
            return parsed(() -> Json.parse(json, limits), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates {@code json}. */
    public DocumentReport validate(String json, ValidationOptions options) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        Optional<RecordReport> plain = plain(json, "", Optional.empty(), options);
        if (plain.isPresent()) {
            return new DocumentReport(List.of(plain.get()));
        }
        try {
            return parsed(() -> Json.parse(json, limits), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report of the fastest path, when it applies: a record written plainly enough to be read straight from its
     * bytes ({@code RecordCodec.readBytes}), kind detected. The record bound there is checked as it is (the fast schema
     * check, else networknt on the tree it writes), never read again. Empty otherwise, for the general path to decide.
     */
    private Optional<RecordReport> plain(byte[] json, String location, Optional<Envelope> envelope,
            ValidationOptions options) {
        if (options.kind().isPresent()) {
            return Optional.empty();
        }
        return checker.readBytes(json).map(record -> new RecordReport(location, envelope,
                Optional.of(record.kind()), options.profile(), checker.check(record, options.profile()),
                kept(record, options)));
    }

    /**
     * {@link #plain(byte[], String, Optional, ValidationOptions)} of text, such as a message body an SDK gives as a
     * string. Only plain ASCII can be read that way, so other text (or text too long to copy cheaply) goes straight to
     * the general path, which keeps every character as given.
     */
    private Optional<RecordReport> plain(String json, String location, Optional<Envelope> envelope,
            ValidationOptions options) {
        if (options.kind().isPresent()) {
            return Optional.empty();
        }
        return checker.readBytes(json).map(record -> new RecordReport(location, envelope,
                Optional.of(record.kind()), options.profile(), checker.check(record, options.profile()),
                kept(record, options)));
    }

    /** Validates {@code json}, tolerant, kind detected. */
    public DocumentReport validate(String json) {
        return validate(json, ValidationOptions.TOLERANT);
    }

    /**
     * Validates the UTF-8 document read from {@code in}, which is not closed. It is read whole (up to the read limits'
     * document size), so that it takes the same paths as bytes.
     *
     * @throws IOException when the stream cannot be read (not for bad content)
     */
    public DocumentReport validate(InputStream in, ValidationOptions options) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(options, "options");
        // Read whole (a document is at most maxDocumentBytes) to take the paths bytes take; an over-long document
        // goes on to the streaming reader, which reports the limit as it would have without this read.
        int max = (int) Math.min(limits.maxDocumentBytes(), Integer.MAX_VALUE - 16);
        byte[] head = in.readNBytes(max + 1);
        if (head.length <= max) {
            return validate(head, options);
        }
        InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
        return parsed(() -> Json.parse(rest, limits), options);
    }

    /** A parse that may fail on I/O. */
    private interface Parse {
        JsonValue get() throws IOException;
    }

    /** Parses, then validates; a document that cannot be read gets its {@code json.*} finding. */
    private DocumentReport parsed(Parse parse, ValidationOptions options) throws IOException {
        JsonValue doc;
        try {
            doc = parse.get();
        } catch (ReadException e) {
            return unreadable(e, options);
        }
        return validate(doc, options);
    }

    /**
     * Validates the file {@code path}.
     *
     * @throws IOException when the file cannot be read (not for bad content)
     */
    public DocumentReport validate(Path path, ValidationOptions options) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        try (InputStream in = Files.newInputStream(path)) {
            return validate(in, options);
        }
    }

    /** Validates a parsed document. */
    public DocumentReport validate(JsonValue document, ValidationOptions options) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(options, "options");
        List<RecordReport> reports = new ArrayList<>();
        value(document, "", Optional.empty(), options, 0, reports);
        return new DocumentReport(reports);
    }

    private void value(JsonValue v, String location, Optional<Envelope> envelope, ValidationOptions options,
            int depth, List<RecordReport> out) {
        Profile profile = options.profile();
        if (!(v instanceof JsonObject o)) {
            out.add(report(location, envelope, Optional.empty(), profile, FindingCode.JSON_NOT_OBJECT.finding(
                    profile, "", Map.of("type", v.typeName()))));
            return;
        }
        if (options.kind().isPresent()) {
            out.add(checked(location, envelope, options.kind().get(), options, o));
            return;
        }
        Optional<Kind> kind = RecordCodec.kindOf(o);
        if (kind.isPresent()) {
            out.add(checked(location, envelope, kind.get(), options, o));
            return;
        }
        Optional<Envelope.Unwrapped> unwrapped = depth < MAX_ENVELOPE_DEPTH ? Envelope.unwrap(o) : Optional.empty();
        if (unwrapped.isEmpty()) {
            String hint = o.has("KinesisBatchInfo") || o.has("DDBStreamBatchInfo")
                    ? ": it looks like a Kinesis or DynamoDB Streams record, which this version does not validate"
                    : "";
            out.add(report(location, envelope, Optional.empty(), profile,
                    FindingCode.RECORD_UNKNOWN_KIND.finding(profile, "", Map.of("hint", hint))));
            return;
        }
        Envelope env = unwrapped.get().envelope();
        if (unwrapped.get().messages().isEmpty()) {
            out.add(report(location, Optional.of(env), Optional.empty(), profile,
                    FindingCode.ENVELOPE_EMPTY.finding(profile, "", Map.of("envelope", env.title()))));
            return;
        }
        for (Envelope.Message m : unwrapped.get().messages()) {
            String at = location + m.pointer();
            if (m.text().isEmpty()) {
                out.add(report(at, Optional.of(env), Optional.empty(), profile,
                        FindingCode.ENVELOPE_MESSAGE_NOT_JSON.finding(profile, "", Map.of("member", m.member(),
                                "detail", "it is missing or not a string"))));
                continue;
            }
            Optional<RecordReport> plain = plain(m.text().get(), at, Optional.of(env), options);
            if (plain.isPresent()) {
                out.add(plain.get());
                continue;
            }
            JsonValue inner;
            try {
                inner = Json.parse(m.text().get(), limits);
            } catch (ReadException e) {
                out.add(report(at, Optional.of(env), Optional.empty(), profile,
                        FindingCode.ENVELOPE_MESSAGE_NOT_JSON.finding(profile, "", Map.of("member", m.member(),
                                "detail", e.getMessage()))));
                continue;
            }
            value(inner, at, Optional.of(env), options, depth + 1, out);
        }
    }

    /** The report of the record {@code o} checked as {@code kind}, with the record bound from it if asked to keep it. */
    private RecordReport checked(String location, Optional<Envelope> envelope, Kind kind, ValidationOptions options,
            JsonObject o) {
        if (!options.keepRecords()) {
            return new RecordReport(location, envelope, Optional.of(kind), options.profile(),
                    checker.check(kind, options.profile(), o));
        }
        List<KafkaFailureRecord> bound = new ArrayList<>(1);
        List<Finding> findings = checker.check(kind, options.profile(), o, bound::add);
        return new RecordReport(location, envelope, Optional.of(kind), options.profile(), findings,
                bound.stream().findFirst());
    }

    /** The record for a report: {@code record} when the options ask to keep it, else none. */
    private static Optional<KafkaFailureRecord> kept(KafkaFailureRecord record, ValidationOptions options) {
        return options.keepRecords() ? Optional.of(record) : Optional.empty();
    }

    private static DocumentReport unreadable(ReadException e, ValidationOptions options) {
        FindingCode code;
        switch (e.problem()) {
            case DUPLICATE_KEY:
                code = FindingCode.JSON_DUPLICATE_KEY;
                break;
            case LIMIT:
                code = FindingCode.JSON_LIMIT;
                break;
            default:
                code = FindingCode.JSON_SYNTAX;
        }
        Profile profile = options.profile();
        String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
        Finding f = code.finding(profile, e.pointer(), Map.of("detail", e.detail() + where,
                "line", Integer.toString(e.line()), "column", Integer.toString(e.column())));
        return new DocumentReport(List.of(report("", Optional.empty(), Optional.empty(), profile, f)));
    }

    private static RecordReport report(String location, Optional<Envelope> envelope, Optional<Kind> kind,
            Profile profile, Finding finding) {
        return new RecordReport(location, envelope, kind, profile, List.of(finding));
    }
}
