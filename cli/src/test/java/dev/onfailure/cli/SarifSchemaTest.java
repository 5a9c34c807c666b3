package dev.onfailure.cli;

import static dev.onfailure.cli.Cli.FIXTURES;
import static dev.onfailure.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code validate --format sarif} writes logs that the official SARIF 2.1.0 JSON Schema (OASIS, draft-04; see
 * {@code src/test/resources/sarif/README.md}) accepts: with findings of every kind, with none, and for standard input.
 */
final class SarifSchemaTest {

    private static final String CORPUS = FIXTURES + "corpus/";
    private static final Schema SARIF = sarifSchema();

    @Test
    void sarifLogs_areValidAgainstTheOfficialSchema() {
        for (String[] args : List.of(
                new String[] {"validate", "--format", "sarif", CORPUS + "invalid", CORPUS + "valid"},
                new String[] {"validate", "--format", "sarif", "--profile", "strict", "--aws-examples"},
                new String[] {"validate", "--format", "sarif", CORPUS + "valid/in-sqs-event.json"})) {
            Cli.Result r = run(args);
            assertThat(r.out()).as(String.join(" ", args)).contains("\"version\": \"2.1.0\"");
            assertThat(errors(r.out())).as(String.join(" ", args)).isEmpty();
        }
        Cli.Result stdin = Cli.withInput("{\"a\": 1,}\n", "validate", "--format", "sarif");
        assertThat(errors(stdin.out())).isEmpty();
        assertThat(stdin.out()).contains("\"ruleId\": \"json.syntax\"");
    }

    /**
     * An input that cannot be read has no result, but the run is not clean: its invocation says it did not succeed,
     * with a notification naming the input, and the log stays valid SARIF; a run that read everything succeeded.
     */
    @Test
    void anInputThatCannotBeRead_isANotification_andTheRunDidNotSucceed() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("onfailure-sarif");
        String missing = dir.resolve("nope.json").toString();
        Cli.Result r = run("validate", "--format", "sarif", missing, CORPUS + "valid/in-sqs-event.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(errors(r.out())).isEmpty();
        dev.onfailure.json.JsonObject run = (dev.onfailure.json.JsonObject) ((dev.onfailure.json.JsonArray)
                ((dev.onfailure.json.JsonObject) dev.onfailure.json.Json.parse(r.out())).get("runs").orElseThrow())
                .get(0);
        String invocations = dev.onfailure.json.Json.write(run.get("invocations").orElseThrow());
        assertThat(invocations).contains("\"executionSuccessful\":false", "\"level\":\"error\"",
                missing + ": no such file");
        Cli.Result clean = run("validate", "--format", "sarif", CORPUS + "valid/in-sqs-event.json");
        assertThat(clean.out()).contains("\"executionSuccessful\": true").doesNotContain("toolExecutionNotifications");
    }

    @Test
    void theSchema_rejectsWhatIsNotSarif() {
        // the check can fail: a log without its version, and one with a level SARIF does not define
        Cli.Result r = run("validate", "--format", "sarif", CORPUS + "invalid/kafka.offset-order/swapped.json");
        assertThat(errors(r.out().replace("\"version\": \"2.1.0\",", ""))).isNotEmpty();
        assertThat(errors(r.out().replace("\"level\": \"error\"", "\"level\": \"fatal\""))).isNotEmpty();
    }

    private static List<Error> errors(String log) {
        return SARIF.validate(log, InputFormat.JSON);
    }

    private static Schema sarifSchema() {
        String text;
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the SARIF schema in test resources").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // draft-04, self-contained: nothing is fetched
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
        Schema schema = registry.getSchema(SchemaLocation.of(
                "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"), text,
                InputFormat.JSON);
        schema.initializeValidators();
        return schema;
    }
}
