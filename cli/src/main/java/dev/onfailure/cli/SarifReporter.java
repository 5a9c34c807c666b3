package dev.onfailure.cli;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.RecordReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log for code-scanning dashboards. Each finding is a result whose rule is its
 * code; the location is the file (and line, for NDJSON or a syntax error), with the JSON Pointer as a logical
 * location.
 */
final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    /** A location's scheme and authority marker ({@code s3://}), kept as it is in an artifact URI. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    /**
     * What each code means, as a rule's short description (a dashboard's title for it); the message templates are
     * mostly placeholders ({@code {detail}}), so they say nothing on their own.
     */
    static final Map<FindingCode, String> SUMMARIES = summaries();

    private final PrintWriter out;
    private final Profile profile;
    private final List<JsonValue> results = new ArrayList<>();
    private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    private final List<JsonValue> rules = new ArrayList<>();
    /** An input that could not be read, each as a tool execution notification of the run's invocation. */
    private final List<JsonValue> notifications = new ArrayList<>();

    SarifReporter(PrintWriter out, Profile profile) {
        this.out = out;
        this.profile = profile;
        for (FindingCode code : FindingCode.values()) {
            if (code != FindingCode.SCHEMA) {
                rule(code.id(), code);
            }
        }
    }

    private int rule(String id, FindingCode code) {
        return ruleIndex.computeIfAbsent(id, k -> {
            rules.add(JsonObject.builder()
                    .put("id", JsonString.of(id))
                    .put("shortDescription", text(code == FindingCode.SCHEMA
                            ? "The JSON Schema keyword " + id.substring("schema.".length()) + " failed"
                            : SUMMARIES.get(code)))
                    .put("defaultConfiguration", JsonObject.builder()
                            .put("level", JsonString.of(code.severity(profile).id())).build())
                    .build());
            return rules.size() - 1;
        });
    }

    @Override
    public String render(Inputs.Unit unit, dev.onfailure.validator.DocumentReport report) {
        return null;
    }

    @Override
    public void report(Checked c) {
        if (c.report() == null) {
            // no result to give, but a dashboard must not show the run as clean: the invocation says so
            notifications.add(JsonObject.builder()
                    .put("level", JsonString.of("error"))
                    .put("message", text(c.unit().source() + ": " + c.unit().problem()))
                    .put("locations", JsonArray.of(JsonObject.builder()
                            .put("physicalLocation", JsonObject.builder()
                                    .put("artifactLocation", JsonObject.builder()
                                            .put("uri", JsonString.of(uri(c.unit().path()))).build())
                                    .build())
                            .build()))
                    .build());
            return;
        }
        for (RecordReport r : c.report().records()) {
            for (Finding f : r.findings()) {
                FindingCode code = FindingCode.fromId(f.code()).orElse(FindingCode.SCHEMA);
                int index = rule(f.code(), code);
                JsonObject.Builder physical = JsonObject.builder()
                        .put("artifactLocation", JsonObject.builder()
                                .put("uri", JsonString.of(uri(c.unit().path()))).build());
                int line = c.unit().line() > 0 ? c.unit().line() : parseInt(f.args().get("line"));
                if (line > 0) {
                    JsonObject.Builder region = JsonObject.builder().put("startLine", JsonNumber.of(line));
                    int column = c.unit().line() > 0 ? 0 : parseInt(f.args().get("column"));
                    if (column > 0) {
                        region.put("startColumn", JsonNumber.of(column));
                    }
                    physical.put("region", region.build());
                }
                String pointer = (r.location().isEmpty() ? "" : r.location()) + f.pointer();
                results.add(JsonObject.builder()
                        .put("ruleId", JsonString.of(f.code()))
                        .put("ruleIndex", JsonNumber.of(index))
                        .put("level", JsonString.of(f.severity().id()))
                        .put("message", text(f.message()))
                        .put("locations", JsonArray.of(JsonObject.builder()
                                .put("physicalLocation", physical.build())
                                .put("logicalLocations", JsonArray.of(JsonObject.builder()
                                        .put("fullyQualifiedName", JsonString.of(pointer.isEmpty() ? "/" : pointer))
                                        .put("kind", JsonString.of("element")).build()))
                                .build()))
                        .build());
            }
        }
    }

    @Override
    public void finish(Summary summary) {
        JsonObject driver = JsonObject.builder()
                .put("name", JsonString.of("onfailure"))
                .put("version", JsonString.of(Version.version()))
                .put("informationUri", JsonString.of("https://onfailure.dev"))
                .put("rules", JsonArray.of(rules))
                .build();
        JsonObject log = JsonObject.builder()
                .put("$schema", JsonString.of(SCHEMA))
                .put("version", JsonString.of("2.1.0"))
                .put("runs", JsonArray.of(JsonObject.builder()
                        .put("tool", JsonObject.builder().put("driver", driver).build())
                        .put("invocations", JsonArray.of(invocation()))
                        .put("results", JsonArray.of(results))
                        .build()))
                .build();
        out.println(Json.write(log, WriteOptions.PRETTY));
        out.flush();
    }

    /**
     * The run's invocation: successful when every input was read (findings or not), else not, with a notification
     * per input that could not be (the command then exits 2).
     */
    private JsonObject invocation() {
        JsonObject.Builder b = JsonObject.builder().put("executionSuccessful",
                dev.onfailure.json.JsonBoolean.of(notifications.isEmpty()));
        if (!notifications.isEmpty()) {
            b.put("toolExecutionNotifications", JsonArray.of(notifications));
        }
        return b.build();
    }

    private static Map<FindingCode, String> summaries() {
        Map<FindingCode, String> m = new java.util.EnumMap<>(FindingCode.class);
        m.put(FindingCode.JSON_SYNTAX, "Not well-formed JSON (comments, trailing commas, truncation, empty input, bad"
                + " UTF-8)");
        m.put(FindingCode.JSON_DUPLICATE_KEY, "An object repeats a member name");
        m.put(FindingCode.JSON_LIMIT, "A document, nesting, number, string, member or token limit is exceeded");
        m.put(FindingCode.JSON_NOT_OBJECT, "The document is not a JSON object");
        m.put(FindingCode.RECORD_UNKNOWN_KIND, "A JSON object that is no known record or envelope");
        m.put(FindingCode.CONDITION_RESPONSE, "responseContext contradicts the condition (not null for"
                + " MaximumPayloadSizeExceeded, or missing where the function ran)");
        m.put(FindingCode.OFFSET_ORDER, "firstRecordOffset is greater than lastRecordOffset");
        m.put(FindingCode.OFFSET_INT64, "An offset does not fit Kafka's int64");
        m.put(FindingCode.TIMESTAMP_ORDER, "firstRecordTimestamp is later than lastRecordTimestamp");
        m.put(FindingCode.TOPIC_PARTITION_KEY, "A topic-partition key is not \"<topic>-<partition>\" with a legal"
                + " topic and partition");
        m.put(FindingCode.PAYLOAD_NOT_EVENT, "An S3 or Kafka-topic payload is not a Kafka invocation event");
        m.put(FindingCode.PAYLOAD_MISMATCH, "The payload contradicts the metadata beside it");
        m.put(FindingCode.PAYLOAD_SIZE, "MaximumPayloadSizeExceeded but payloadSize is not above 6 MB");
        m.put(FindingCode.REQUEST_ID, "requestId is not a UUID");
        m.put(FindingCode.UNKNOWN_CONDITION, "condition is none of the known values");
        m.put(FindingCode.SINGLE_RECORD_INFO, "An SQS/SNS or S3 record with a single recordInfo where AWS documents"
                + " recordsInfo");
        m.put(FindingCode.HEADER_UNSIGNED, "A payload header byte is above 127 (unsigned, where AWS sends signed"
                + " bytes)");
        m.put(FindingCode.MEMBER_ORDER, "Members in neither AWS's order nor sorted");
        m.put(FindingCode.RECORD_UNREADABLE, "The record passes the schema but cannot be read as the model");
        m.put(FindingCode.ENVELOPE_MESSAGE_NOT_JSON, "An envelope's message or body is not JSON");
        m.put(FindingCode.ENVELOPE_EMPTY, "An envelope holds no record");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static JsonObject text(String s) {
        return JsonObject.builder().put("text", JsonString.of(s)).build();
    }

    /**
     * The artifact URI of a source: its path with {@code /} as separator and every byte a URI does not allow, or
     * would read otherwise ({@code #}, {@code ?}, {@code %}, spaces, control characters, non-ASCII), as {@code %XX}
     * of its UTF-8 bytes. A location's scheme ({@code s3://}) is kept.
     */
    static String uri(String path) {
        if (path.equals(Inputs.STDIN)) {
            return "stdin";
        }
        String p = path.replace('\\', '/');
        java.util.regex.Matcher scheme = SCHEME.matcher(p);
        int start = scheme.lookingAt() ? scheme.end() : 0;
        StringBuilder b = new StringBuilder(p.length() + 16).append(p, 0, start);
        for (byte x : p.substring(start).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }


    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
