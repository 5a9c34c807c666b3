package dev.onfailure.cli;

import static dev.onfailure.cli.Cli.FIXTURES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --format json} is written straight into a {@code StringBuilder}; it used to be a {@link JsonObject} tree per
 * record written by {@link Json#write}. {@link #treeLine} is that writer, kept here as the oracle: the golden file, the
 * whole corpus under both profiles and records full of hostile text must come out byte for byte as it wrote them,
 * and every line must parse as JSON back to the strings it was made from.
 */
final class JsonReporterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String CORPUS = FIXTURES + "corpus/";
    private static final Validator VALIDATOR = Validator.create();

    /** Text that JSON must escape or that writers get wrong: quotes, controls, lone surrogates, U+2028 and U+2029. */
    private static final String HOSTILE = "q\"b\\s/\u0000\u0001\u001f\u007f\t\n\r\b\f \u2028\u2029 é 😀 "
            + "lone\uD800 \uDC00x \uDBFF\uD83D\uDE00";

    /** The same without lone surrogates, which Jackson refuses in member names (then there is no finding to quote). */
    private static final String NAME = "q\"b\\s/\u0001\u001f\u007f\t\n \u2028\u2029 é 😀";

    /** The reporter as it was before the direct writer, word for word. */
    private static JsonObject treeLine(String source, RecordReport r) {
        List<JsonValue> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(JsonObject.builder()
                    .put("code", JsonString.of(f.code()))
                    .put("severity", JsonString.of(f.severity().id()))
                    .put("pointer", JsonString.of(f.pointer()))
                    .put("message", JsonString.of(f.message()))
                    .build());
        }
        return JsonObject.builder()
                .put("source", JsonString.of(source))
                .put("kind", r.kind().<JsonValue>map(k -> JsonString.of(k.id())).orElse(JsonNull.INSTANCE))
                .put("valid", JsonBoolean.of(r.valid()))
                .put("findings", JsonArray.of(findings))
                .build();
    }

    private static String before(Inputs.Unit unit, DocumentReport report) {
        StringBuilder sb = new StringBuilder();
        for (RecordReport r : report.records()) {
            sb.append(Json.write(treeLine(Sources.of(unit, r), r))).append('\n');
        }
        return sb.toString();
    }

    private static String after(Inputs.Unit unit, DocumentReport report) {
        return new JsonReporter(new PrintWriter(new StringWriter())).render(unit, report);
    }

    private static Inputs.Unit unit(String source) {
        return new Inputs.Unit(source, source, 0, new byte[0], null);
    }

    @Test
    void goldenFile_isWhatTheTreeWriterWrote_lineByLine() throws Exception {
        Cli.Result r = Cli.run("validate", "--format", "json", CORPUS + "valid", CORPUS + "invalid/kafka.offset-order");
        String golden = Files.readString(Path.of("src/test/resources/golden/validate-json.txt"));
        assertThat(r.out()).isEqualTo(golden);

        List<String> lines = golden.lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            String source = MAPPER.readTree(line).get("source").asText();
            String file = source.contains("#") ? source.substring(0, source.indexOf('#')) : source;
            DocumentReport report = VALIDATOR.validate(Files.readAllBytes(Path.of(file)));
            List<String> written = new ArrayList<>();
            for (RecordReport record : report.records()) {
                if (Sources.of(unit(file), record).equals(source)) {
                    written.add(Json.write(treeLine(source, record)));
                }
            }
            assertThat(written).as(source).containsExactly(line);
        }
    }

    @Test
    void everyCorpusAndFixtureFile_bothProfiles_isWrittenAsTheTreeWriterWroteIt() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(FIXTURES))) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.endsWith("index.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(80);
        int findings = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (Profile profile : Profile.values()) {
                DocumentReport report = VALIDATOR.validate(bytes, ValidationOptions.of(profile));
                Inputs.Unit unit = unit(file.toString());
                assertThat(after(unit, report)).as("%s %s", file, profile).isEqualTo(before(unit, report));
                findings += report.findings().size();
            }
        }
        assertThat(findings).isGreaterThan(100);
    }

    @Test
    void hostileText_inTheSourceThePointerAndTheMessage_isWrittenAsBefore_andParsesBackToItself() throws Exception {
        String record = Files.readString(Path.of(CORPUS + "valid/compact.sqs-sns.json"))
                .replace("\"payments.v2-0\"", Json.quote("pay" + NAME + "-0"))
                .replace("\"Unhandled\"", Json.quote(HOSTILE))
                .replace("{\"requestContext\"", "{" + Json.quote(NAME) + ":" + Json.quote(HOSTILE)
                        + ",\"requestContext\"");
        String[] sources = {"records.ndjson:7", "<stdin>", "dir/" + HOSTILE + ".json", HOSTILE};
        boolean hostileInAFinding = false;
        for (Profile profile : Profile.values()) {
            DocumentReport report = VALIDATOR.validate(record, ValidationOptions.of(profile));
            for (String source : sources) {
                Inputs.Unit unit = unit(source);
                String written = after(unit, report);
                assertThat(written).isEqualTo(before(unit, report));
                // valid UTF-8 once encoded (no lone surrogate reaches the bytes), one line per record
                assertThat(new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                        .isEqualTo(written);
                List<String> lines = written.lines().toList();
                assertThat(lines).hasSize(report.records().size());
                for (int i = 0; i < lines.size(); i++) {
                    RecordReport r = report.records().get(i);
                    assertThat(lines.get(i)).doesNotContainPattern("[\\x00-\\x1f]");
                    JsonNode line = MAPPER.readTree(lines.get(i).getBytes(StandardCharsets.UTF_8));
                    assertThat(line.get("source").asText()).isEqualTo(Sources.of(unit, r));
                    assertThat(line.get("valid").asBoolean()).isEqualTo(r.valid());
                    JsonNode findings = line.get("findings");
                    assertThat(findings).hasSize(r.findings().size());
                    for (int j = 0; j < findings.size(); j++) {
                        Finding f = r.findings().get(j);
                        assertThat(findings.get(j).get("pointer").asText()).isEqualTo(f.pointer());
                        assertThat(findings.get(j).get("message").asText()).isEqualTo(f.message());
                        String quoted = f.pointer() + f.message();
                        hostileInAFinding |= quoted.contains("\u2028") && quoted.contains("\u0001");
                    }
                }
            }
        }
        assertThat(hostileInAFinding).as("some finding quotes the hostile text").isTrue();
    }
}
