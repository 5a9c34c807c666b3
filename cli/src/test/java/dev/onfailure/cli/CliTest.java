package dev.onfailure.cli;

import static dev.onfailure.cli.Cli.FIXTURES;
import static dev.onfailure.cli.Cli.golden;
import static dev.onfailure.cli.Cli.run;
import static dev.onfailure.cli.Cli.withInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.fixtures.JsonText;
import dev.onfailure.json.Json;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.S3Record;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.SchemaCatalog;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CliTest {

    private static final String CORPUS = FIXTURES + "corpus/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void validate_text_findingsSummaryAndExitCode() throws Exception {
        Cli.Result r = run("validate", CORPUS + "invalid/kafka.payload-mismatch/first-offset.s3.json",
                CORPUS + "invalid/json.syntax/trailing-comma.json", CORPUS + "valid/in-sqs-event.json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        golden("validate-text.txt", r.out());
    }

    @Test
    void validate_text_colourOnlyOnATerminal() {
        String path = CORPUS + "invalid/kafka.offset-order/swapped.json";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = Main.run(new String[] {"validate", path}, java.io.InputStream.nullInputStream(), ps, ps, true);
        assertThat(code).isEqualTo(1);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\u001b[31merror\u001b[39m\u001b[0m");
        assertThat(run("validate", path).out()).doesNotContain("\u001b[");
    }

    @Test
    void validate_outputThatCannotBeWritten_isOneLineAndExit2() {
        Cli.Result r = Cli.withBrokenOutput(0, "validate", CORPUS + "valid");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(Main.OUTPUT_FAILED + "\n");
        assertThat(Cli.withBrokenOutput(0, "generate", "--count", "3").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void validate_json_oneLinePerRecord_inInputOrder() throws Exception {
        Cli.Result r = run("validate", "--format", "json", CORPUS + "valid", CORPUS + "invalid/kafka.offset-order");
        assertThat(r.code()).isEqualTo(1);
        golden("validate-json.txt", r.out());
        for (String line : r.out().split("\n")) {
            JsonNode n = MAPPER.readTree(line);
            assertThat(n.fieldNames()).toIterable().containsExactly("source", "kind", "valid", "findings");
        }
    }

    @Test
    void validate_awsExamples_validUnderTolerant_invalidUnderStrict() {
        Cli.Result tolerant = run("validate", "--aws-examples");
        assertThat(tolerant.code()).isZero();
        assertThat(tolerant.out()).endsWith("5 records: 5 valid, 0 invalid; 0 errors, 28 warnings\n");
        Cli.Result strict = run("validate", "--aws-examples", "--profile", "strict");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(run("validate", "--aws-examples", "--fail-on", "warning").code()).isEqualTo(1);
    }

    @Test
    void validate_sarif_isASarif210Log() throws Exception {
        Cli.Result r = run("validate", "--format", "sarif", CORPUS + "invalid/kafka.offset-order/swapped.json",
                CORPUS + "invalid/json.syntax/trailing-comma.json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode log = MAPPER.readTree(r.out());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("onfailure");
        JsonNode results = run.path("results");
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("kafka.offset-order");
        assertThat(first.path("level").asText()).isEqualTo("error");
        JsonNode rule = run.path("tool").path("driver").path("rules").get(first.path("ruleIndex").asInt());
        assertThat(rule.path("id").asText()).isEqualTo("kafka.offset-order");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .endsWith("invalid/kafka.offset-order/swapped.json");
        assertThat(first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("/KafkaBatchInfo/recordsInfo/orders-eu-west-1-12/firstRecordOffset");
        assertThat(results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
    }

    @Test
    void validate_ndjsonOnStdin_withLineNumbers() {
        String generated = run("generate", "--count", "40", "--seed", "5", "--profile", "strict").out();
        String[] lines = generated.split("\n");
        String stdin = lines[0] + "\n\n" + lines[1] + "\n{\"broken\": \n" + String.join("\n", List.of(lines).subList(2, 40));
        Cli.Result r = withInput(stdin, "validate", "--format", "json", "--profile", "strict");
        String[] out = r.out().split("\n");
        assertThat(out).hasSize(41);
        assertThat(out[0]).startsWith("{\"source\":\"<stdin>:1\"").contains("\"valid\":true");
        assertThat(out[1]).startsWith("{\"source\":\"<stdin>:3\"");
        assertThat(out[2]).startsWith("{\"source\":\"<stdin>:4\"").contains("json.syntax");
        assertThat(r.code()).isEqualTo(1);
    }

    /** Every rule of the SARIF log says what its code means, not a message template of placeholders ("…"). */
    @Test
    void validate_sarif_everyRuleHasAShortDescription() throws Exception {
        Cli.Result r = run("validate", "--format", "sarif", CORPUS + "invalid/kafka.offset-order/swapped.json");
        JsonNode rules = MAPPER.readTree(r.out()).at("/runs/0/tool/driver/rules");
        List<String> ids = new java.util.ArrayList<>();
        rules.forEach(rule -> {
            ids.add(rule.path("id").asText());
            assertThat(rule.at("/shortDescription/text").asText()).as(rule.path("id").asText())
                    .isNotBlank().doesNotContain("\u2026").doesNotContain("{");
        });
        assertThat(ids).contains("json.syntax", "kafka.condition-response", "kafka.payload-mismatch",
                "record.unreadable", "envelope.empty");
    }

    /** A file name's characters that a URI reads otherwise ({@code #}, {@code ?}, {@code %}) are escaped in SARIF. */
    @Test
    void validate_sarif_artifactUriEscapesWhatAUriWouldReadOtherwise(@TempDir Path dir) throws Exception {
        List<String> names = List.of("a#b.json", "c?d.json", "e%41f.json", "g h.json", "\u00fc.json");
        for (String name : names) {
            Files.writeString(dir.resolve(name), "");
        }

        Cli.Result r = run("validate", "--format", "sarif", dir.toString());

        List<String> uris = new java.util.ArrayList<>();
        MAPPER.readTree(r.out()).at("/runs/0/results").forEach(result -> uris.add(
                result.at("/locations/0/physicalLocation/artifactLocation/uri").asText()));
        String base = SarifReporter.uri(dir.toString());
        assertThat(uris).containsExactly(base + "/a%23b.json", base + "/c%3Fd.json", base + "/e%2541f.json",
                base + "/g%20h.json", base + "/%C3%BC.json");
        for (String uri : uris) {
            assertThat(Path.of(java.net.URI.create("file://" + uri).getPath()).getFileName().toString())
                    .isIn(names);
        }
    }

    @Test
    void validate_unreadableInputs_exit2_andEverythingElseIsReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.json"), HandMadeRecords.named("edge-values.sqs-sns.json").json());
        Files.createSymbolicLink(dir.resolve("broken.json"), dir.resolve("missing-target.json"));
        Cli.Result r = run("validate", "--format", "json", dir.toString(), dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out().split("\n")).hasSize(1);
        assertThat(r.err()).contains("broken.json: a broken symbolic link").contains("nope.json: no such file")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void validate_usageErrors_exit2_withoutStackTraces() {
        for (String[] args : List.of(new String[] {"validate", "--format", "xml"}, new String[] {"validate", "--nope"},
                new String[] {"validate", "--profile", "lenient"}, new String[] {"validate", "--kind", "kafka.x"},
                new String[] {"frobnicate"}, new String[] {})) {
            Cli.Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("onfailure: ").doesNotContain("\tat ");
        }
    }

    @Test
    void format_awsAndSorted_prettyAndCompact() throws Exception {
        String path = FIXTURES + "records/string-payload.s3.json";
        Cli.Result aws = run("format", "--compact", path);
        assertThat(aws.code()).isZero();
        assertThat(aws.out()).startsWith("{\"requestContext\":{\"requestId\"");
        Cli.Result sorted = run("format", "--order", "sorted", "--compact", path);
        assertThat(sorted.out()).isEqualTo(JsonText.compact(Files.readString(Path.of(path))) + "\n");
        golden("format-pretty.txt", run("format", FIXTURES + "records/unknown-fields.sqs-sns.json").out());
        Cli.Result stdin = withInput("{\"b\": 1.50, \"a\": [true, null]}", "format", "--order", "sorted", "-");
        assertThat(stdin.out()).isEqualTo("{\n  \"a\": [\n    true,\n    null\n  ],\n  \"b\": 1.50\n}\n");
    }

    @Test
    void format_malformed_exit1_withTheFinding() {
        Cli.Result r = withInput("{\"a\": 1,}", "format");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("<stdin>: error json.syntax at /: not well-formed JSON").contains("line 1, column 9");
    }

    @Test
    void inspect_summaryAndReReadCommands() throws Exception {
        golden("inspect-s3.txt", run("inspect", FIXTURES + "records/string-payload.s3.json").out());
        golden("inspect-topic.txt", run("inspect", FIXTURES + "records/retries.topic.json").out());
        Cli.Result envelope = run("inspect", CORPUS + "valid/in-sqs-event.json");
        assertThat(envelope.code()).isZero();
        assertThat(envelope.out()).contains("#/Records/0/body: kafka.sqs-sns record")
                .contains("#/Records/2/body: kafka.topic record");
    }

    /**
     * NDJSON is read as validate reads it, a document a line (an .ndjson or .jsonl file, or lines on standard input):
     * format --compact gives NDJSON back, inspect looks at each line's document, and a line that is not JSON is its
     * finding with the line's number while the others are still written (exit 1).
     */
    @Test
    void formatAndInspect_readNdjson_aDocumentALine(@TempDir Path dir) throws Exception {
        String a = JsonText.compact(Files.readString(Path.of(FIXTURES + "records/string-payload.s3.json")));
        String b = JsonText.compact(Files.readString(Path.of(FIXTURES + "records/retries.topic.json")));
        Path ndjson = Files.writeString(dir.resolve("records.ndjson"), a + "\n\n" + b + "\n{\"a\": 1,}\n");

        String sorted = run("format", "--order", "sorted", "--compact", FIXTURES + "records/string-payload.s3.json")
                .out() + run("format", "--order", "sorted", "--compact", FIXTURES + "records/retries.topic.json").out();
        Cli.Result format = run("format", "--order", "sorted", "--compact", ndjson.toString());
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.out()).isEqualTo(sorted);
        assertThat(format.err()).startsWith(ndjson + ":4: error json.syntax at /: not well-formed JSON");
        Cli.Result stdin = withInput(a + "\n" + b + "\n", "format", "--order", "sorted", "--compact");
        assertThat(stdin.code()).isZero();
        assertThat(stdin.out()).isEqualTo(sorted);

        Cli.Result inspect = run("inspect", ndjson.toString());
        assertThat(inspect.code()).isEqualTo(1);
        assertThat(inspect.out()).contains(run("inspect", FIXTURES + "records/string-payload.s3.json").out()
                .lines().skip(1).findFirst().orElseThrow())
                .contains(run("inspect", FIXTURES + "records/retries.topic.json").out().lines().skip(1).findFirst()
                        .orElseThrow());
        assertThat(inspect.err()).startsWith(ndjson + ":4: ");
        // a single document is as it was: one, under the name given
        assertThat(run("format", "--order", "sorted", "--compact", FIXTURES + "records/string-payload.s3.json").out())
                .isEqualTo(a + "\n");
    }

    @Test
    void generate_sameSeedSameOutput_validUnderStrict() {
        Cli.Result a = run("generate", "--count", "30", "--seed", "99", "--profile", "strict");
        Cli.Result b = run("generate", "--count", "30", "--seed", "99", "--profile", "strict");
        assertThat(a.out()).isEqualTo(b.out()).isNotEqualTo(run("generate", "--count", "30", "--seed", "98").out());
        Cli.Result check = withInput(a.out(), "validate", "--profile", "strict");
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(run("generate", "--kind", "kafka.topic", "--count", "5").out()).doesNotContain("\"recordsInfo\"");
    }

    @Test
    void generate_writesS3RecordsSortedAtEveryLevel_andTheOthersInAwsOrder() {
        dev.onfailure.json.WriteOptions sorted = dev.onfailure.json.WriteOptions.of(dev.onfailure.json.KeyOrder.SORTED,
                dev.onfailure.json.Layout.COMPACT);
        for (String kind : List.of("kafka.s3", "kafka.sqs-sns")) {
            String[] lines = run("generate", "--kind", kind, "--count", "40", "--seed", "12").out().split("\n");
            assertThat(lines).hasSize(40);
            for (String line : lines) {
                String asSorted = dev.onfailure.json.Json.write(dev.onfailure.json.Json.parse(line), sorted);
                if (kind.equals("kafka.s3")) {
                    assertThat(line).isEqualTo(asSorted);
                } else {
                    assertThat(line).startsWith("{\"requestContext\":").isNotEqualTo(asSorted);
                }
            }
        }
    }

    @Test
    void generateInvalid_everyCaseGetsExactlyItsCodesAndVerdict() throws Exception {
        Validator validator = Validator.create();
        for (Profile p : Profile.values()) {
            for (long seed : new long[] {1, 2, 3}) {
                Cli.Result r = run("generate", "--invalid", "--count", "200", "--seed", Long.toString(seed),
                        "--profile", p.id());
                assertThat(r.code()).as(r.err()).isZero();
                List<String> lines = List.of(r.out().split("\n"));
                assertThat(lines).hasSize(200);
                for (String line : lines) {
                    JsonNode n = assertCase(validator, line, p);
                    assertThat(n.path("expectedValid").asBoolean()).as("by default only invalid cases: " + line)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void generateInvalid_includeWarnings_addsCasesThatStayValid() throws Exception {
        Validator validator = Validator.create();
        for (Profile p : Profile.values()) {
            Cli.Result r = run("generate", "--invalid", "--include-warnings", "--count", "400", "--seed", "4",
                    "--profile", p.id());
            java.util.Set<String> warningOnly = new java.util.TreeSet<>();
            for (String line : r.out().split("\n")) {
                JsonNode n = assertCase(validator, line, p);
                if (n.path("expectedValid").asBoolean()) {
                    n.path("expectedCodes").forEach(c -> warningOnly.add(c.path("code").asText()));
                }
            }
            assertThat(warningOnly).as(p.id()).contains("envelope.empty", "kafka.payload-size",
                    "record.unknown-condition", "kafka.timestamp-order");
        }
        assertThat(run("generate", "--include-warnings").code()).isEqualTo(2);
    }

    /** README's example of a case line is what the command prints (its text cut at the "…"). */
    @Test
    void generateInvalid_readmeExample_isTheCommandsOutput() throws Exception {
        String command = "$ onfailure generate --invalid --count 1 --seed 2";
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        JsonNode shown = MAPPER.readTree(readme.get(readme.indexOf(command) + 1));
        JsonNode actual = MAPPER.readTree(run(command.substring("$ onfailure ".length()).split(" ")).out());

        for (String member : List.of("expectedValid", "expectedCodes", "profile", "mutation")) {
            assertThat(shown.get(member)).as(member).isEqualTo(actual.get(member));
        }
        String text = shown.get("text").asText();
        assertThat(actual.get("text").asText()).startsWith(text.substring(0, text.indexOf('\u2026')));
    }

    /** A --max-records out of range is named as the option, not as the library's field. */
    @Test
    void generate_maxRecordsOutOfRange_namesTheOption() {
        for (String n : List.of("0", "10001")) {
            Cli.Result r = run("generate", "--max-records", n);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).startsWith("onfailure: --max-records must be from 1 to 10000, not " + n + "\n")
                    .doesNotContain("maxRecords");
        }
    }

    /** Validates one case line under {@code p}: exactly the codes, severities and verdict it states. */
    private static JsonNode assertCase(Validator validator, String line, Profile p) throws Exception {
        JsonNode n = MAPPER.readTree(line);
        assertThat(n.fieldNames()).toIterable().containsExactly("expectedValid", "expectedCodes", "profile", "mutation",
                "text");
        assertThat(n.path("profile").asText()).isEqualTo(p.id());
        java.util.Set<String> expected = new java.util.TreeSet<>();
        n.path("expectedCodes").forEach(c -> expected.add(c.path("code").asText() + " " + c.path("severity").asText()));
        assertThat(expected).as(line).isNotEmpty();
        DocumentReport report = validator.validate(n.path("text").asText(), ValidationOptions.of(p));
        java.util.Set<String> actual = new java.util.TreeSet<>();
        report.findings().forEach(f -> actual.add(f.code() + " " + f.severity().id()));
        assertThat(actual).as(line).isEqualTo(expected);
        assertThat(report.valid()).as(line).isEqualTo(n.path("expectedValid").asBoolean());
        return n;
    }

    /**
     * An option that would make a record every profile refuses (a negative invoke count, an empty condition or request
     * id, a function ARN that is no ARN, a year JSON's timestamps cannot hold) is a usage error, not a record written
     * with exit code 0.
     */
    @Test
    void build_optionsThatMakeAnInvalidRecord_areUsageErrors(@TempDir Path dir) throws Exception {
        S3Record s3 = (S3Record) RecordCodec.defaults().read(HandMadeRecords.named("string-payload.s3.json").json());
        Path event = dir.resolve("event.json");
        Files.writeString(event, s3.payload().text().orElseThrow());
        List<String> base = List.of("build", "--event", event.toString(), "--destination", "sqs-sns");
        String arn = "arn:aws:lambda:eu-west-1:210987654321:function:f";
        Map<List<String>, String> cases = Map.of(
                List.of("--condition", "RetryAttemptsExhausted", "--function-arn", arn, "--invoke-count", "-1"),
                "--invoke-count must not be negative",
                List.of("--condition", "", "--function-arn", arn), "--condition must not be empty",
                List.of("--condition", "RetryAttemptsExhausted", "--function-arn", "ARN"),
                "--function-arn must be an ARN",
                List.of("--condition", "RetryAttemptsExhausted", "--function-arn", arn, "--request-id", ""),
                "--request-id must not be empty",
                List.of("--condition", "RetryAttemptsExhausted", "--function-arn", arn, "--time",
                        "-2024-05-01T10:00:00Z"), "--time must be an ISO-8601 instant");
        cases.forEach((options, message) -> {
            Cli.Result r = run(java.util.stream.Stream.concat(base.stream(), options.stream()).toArray(String[]::new));
            assertThat(r.code()).as(message).isEqualTo(2);
            assertThat(r.out()).as(message).isEmpty();
            assertThat(r.err()).as(message).startsWith("onfailure: " + message);
        });
    }

    @Test
    void build_fromAnEvent_matchesTheRecordsItCameFrom(@TempDir Path dir) throws Exception {
        S3Record s3 = (S3Record) RecordCodec.defaults().read(HandMadeRecords.named("string-payload.s3.json").json());
        Path event = dir.resolve("event.json");
        Files.writeString(event, s3.payload().text().orElseThrow());
        Cli.Result r = run("build", "--event", event.toString(), "--condition", "RetryAttemptsExhausted",
                "--function-arn", s3.requestContext().functionArn(), "--destination", "s3",
                "--request-id", s3.requestContext().requestId(), "--time", s3.timestamp().text(), "--invoke-count", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(RecordCodec.defaults().read(r.out().trim())).isEqualTo(s3);
        // sorted at every level, as AWS writes an S3 object: the hand-made object it came from, byte for byte
        assertThat(r.out()).isEqualTo(JsonText.compact(HandMadeRecords.named("string-payload.s3.json").json()) + "\n");
        Cli.Result topic = run("build", "--event", event.toString(), "--condition", "RecordAgeExceeded",
                "--function-arn", "arn:aws:lambda:eu-west-1:210987654321:function:f", "--destination", "topic",
                "--request-id", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "--time", "2024-05-01T10:00:00Z");
        assertThat(topic.out().split("\n")).hasSize(3);
        assertThat(withInput(topic.out(), "validate", "--profile", "strict").code()).isZero();
        assertThat(run("build", "--event", dir.resolve("none.json").toString(), "--condition", "x",
                "--function-arn", "a", "--destination", "s3").code()).isEqualTo(2);
    }

    @Test
    void buildTopic_followsAwsExample_andGivesTheOriginalKey(@TempDir Path dir) throws Exception {
        String example = dev.onfailure.fixtures.DocumentedExamples.topic().instances().get(0).json();
        dev.onfailure.model.TopicRecord aws = (dev.onfailure.model.TopicRecord) RecordCodec.defaults().read(example);
        Path event = dir.resolve("event.json");
        Files.writeString(event, dev.onfailure.json.Json.write(aws.payload().toJson()));
        List<String> common = List.of("build", "--event", event.toString(), "--condition", "RetriesExhausted",
                "--function-arn", aws.requestContext().functionArn(), "--destination", "topic",
                "--request-id", aws.requestContext().requestId(), "--time", aws.timestamp().text(), "--invoke-count",
                "3");
        Cli.Result r = run(common.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        dev.onfailure.model.TopicRecord built = (dev.onfailure.model.TopicRecord) RecordCodec.defaults()
                .read(r.out().trim());
        assertThat(Json.write(built.payload().toJson())).isEqualTo(Json.write(aws.payload().toJson()));
        assertThat(built.requestContext()).isEqualTo(aws.requestContext());
        assertThat(built.responseContext()).isEqualTo(aws.responseContext());
        List<String> keyed = new java.util.ArrayList<>(common);
        keyed.add("--with-key");
        Cli.Result k = run(keyed.toArray(String[]::new));
        assertThat(k.code()).as(k.err()).isZero();
        assertThat(k.out().trim()).isEqualTo("{\"key\":\"dGVzdC1rZXk=\",\"value\":" + r.out().trim() + "}");
        keyed.set(keyed.indexOf("topic"), "s3");
        assertThat(run(keyed.toArray(String[]::new)).code()).isEqualTo(2);
    }

    @Test
    void formatOrderInput_givesEmulatorRecordsBackTokenForToken() {
        for (dev.onfailure.fixtures.WildRecords.WildRecord w : dev.onfailure.fixtures.WildRecords.all()) {
            Cli.Result r = withInput(w.json(), "format", "--order", "input", "--compact", "-");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as(w.name()).isEqualTo(w.json() + "\n");
            Cli.Result pretty = withInput(w.json(), "format", "--order", "input", "-");
            assertThat(withInput(pretty.out(), "format", "--order", "input", "--compact", "-").out())
                    .isEqualTo(w.json() + "\n");
        }
        // pretty input order matches the tree's own layout when nothing is escaped
        String plain = "{\"b\": [1, {}, []], \"a\": {\"y\": 1.50, \"x\": null}}";
        assertThat(withInput(plain, "format", "--order", "input", "-").out())
                .isEqualTo(Json.write(Json.parse(plain), dev.onfailure.json.WriteOptions.of(
                        dev.onfailure.json.KeyOrder.AWS, dev.onfailure.json.Layout.PRETTY)) + "\n");
        assertThat(withInput("{\"a\":1,}", "format", "--order", "input", "-").code()).isEqualTo(1);
        assertThat(run("format", "--order", "nope", "x").code()).isEqualTo(2);
    }

    @Test
    void inspect_singleRecordForm_isABatchOfOne(@TempDir Path dir) throws Exception {
        for (dev.onfailure.fixtures.WildRecords.WildRecord w : dev.onfailure.fixtures.WildRecords.all()) {
            Path f = dir.resolve(w.name());
            Files.writeString(f, w.json());
            Cli.Result r = run("inspect", f.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as(w.name()).contains("batch:        1 record");
        }
        Path s3 = dir.resolve("gopherstack.msk.s3.json");
        assertThat(run("inspect", s3.toString()).out()).contains("single recordInfo")
                .contains("--topic audit-log --partition 11 --offset 90210 --max-messages 1");
    }

    @Test
    void schema_listAndPrint() throws Exception {
        golden("schema-list.txt", run("schema", "--list").out());
        assertThat(run("schema", "kafka.s3", "--profile", "strict").out())
                .isEqualTo(SchemaCatalog.text(Kind.S3, Profile.STRICT));
        assertThat(run("schema", "kafka.common").out()).contains("\"conditionResponse\"");
        assertThat(run("schema", "nope").code()).isEqualTo(2);
    }

    @Test
    void help_everyCommandHasExamples_andVersion() {
        for (String cmd : List.of("validate", "format", "inspect", "generate", "build", "schema")) {
            Cli.Result r = run(cmd, "--help");
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: onfailure " + cmd).contains("Examples:");
        }
        assertThat(run("--version").out()).startsWith("onfailure ");
        assertThat(run("--help").out()).contains("validate").contains("inspect");
    }
}
