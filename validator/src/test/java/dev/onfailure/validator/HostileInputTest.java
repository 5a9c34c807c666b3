package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.onfailure.fixtures.HostileCase;
import dev.onfailure.fixtures.HostileCorpus;
import dev.onfailure.schema.Profile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus, in this module's 256 MB test heap (see the pom): every case gets its expected findings, within a
 * time limit, with no exception, stack overflow or out-of-memory.
 */
final class HostileInputTest {

    private static Validator validator;

    @BeforeAll
    static void create() {
        validator = Validator.create();
        assertThat(Runtime.getRuntime().maxMemory()).as("tests run in a 256 MB heap").isLessThanOrEqualTo(300L << 20);
    }

    static List<HostileCase> cases() {
        return HostileCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileCase_getsItsFindings_quickly(HostileCase c) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            byte[] bytes = c.bytes().get();
            for (Profile p : Profile.values()) {
                DocumentReport report = validator.validate(bytes, ValidationOptions.of(p));
                if (p == Profile.TOLERANT) {
                    assertThat(new TreeSet<>(report.findings().stream().map(Finding::code).toList()))
                            .as("%s: %s", c.name(), report.findings()).containsExactlyElementsOf(c.expectedCodes());
                }
                report.findings().forEach(f -> assertThat(f.message()).as(c.name()).hasSizeLessThan(2_000));
            }
        });
    }

    /**
     * A number written with an exponent or a fraction gets the keyword its value breaks, as JSON Schema counts it (a
     * whole value is an integer however it is written), never {@code record.unreadable}, and never the wrong bound.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "payloadSize, 1E19, schema.maximum", "payloadSize, 9.3E18, schema.maximum",
        "payloadSize, 1E20, schema.maximum", "payloadSize, 1E400, schema.maximum",
        "payloadSize, 1E401, schema.maximum", "payloadSize, 1E999999999, schema.maximum",
        "payloadSize, 1.5E999999999, schema.maximum", "payloadSize, 1E10000000000, schema.maximum",
        "payloadSize, -1E19, schema.minimum", "payloadSize, -1E999999999, schema.minimum",
        "payloadSize, 1E-400, schema.type", "payloadSize, 1E-401, schema.type",
        "payloadSize, 123456E-401, schema.type", "payloadSize, 1E-999999999, schema.type",
        "payloadSize, -1E-999999999, schema.type", "payloadSize, 1E-10000000000, schema.type",
        "approximateInvokeCount, 1E20, schema.maximum", "approximateInvokeCount, 1E-999999999, schema.type",
        "batchSize, 1E19, schema.maximum", "batchSize, 1E399, schema.maximum",
        "batchSize, 1E-401, schema.type", "batchSize, 0E-999999999, schema.minimum",
        "batchSize, 0E10000000000, schema.minimum", "batchSize, 10E-1, ''", "batchSize, 4.0E0, ''",
    })
    void numberWithAnExponent_getsTheKeywordItsValueBreaks(String member, String number, String code) {
        String record = HostileCorpus.cases().stream().filter(c -> c.name().equals("huge-exponent-typed")).findFirst()
                .map(c -> new String(c.bytes().get(), StandardCharsets.UTF_8)).orElseThrow().replace("\"batchSize\": 1e999999999", "\"batchSize\": 4");
        String bad = record.replaceFirst("\"" + member + "\": [0-9]+", "\"" + member + "\": " + number);
        assertThat(bad).isNotEqualTo(record);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (Profile p : Profile.values()) {
                DocumentReport report = validator.validate(bad, ValidationOptions.of(p));
                assertThat(report.findings()).as("%s %s", p, report.findings()).extracting(Finding::code)
                        .containsExactlyElementsOf(code.isEmpty() ? List.of() : List.of(code));
            }
        });
    }

    @Test
    void corpus_hasAtLeast40Cases() {
        assertThat(HostileCorpus.cases()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void everyTruncationOfEveryDocumentedExample_isJsonSyntax() {
        List<HostileCase> truncations = HostileCorpus.truncations();
        assertThat(truncations).hasSizeGreaterThan(5_000);
        for (HostileCase c : truncations) {
            DocumentReport report = validator.validate(c.bytes().get());
            assertThat(report.findings()).as(c.name()).extracting(Finding::code).containsExactly("json.syntax");
        }
    }
}
