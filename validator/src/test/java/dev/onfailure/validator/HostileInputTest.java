package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.onfailure.fixtures.HostileCase;
import dev.onfailure.fixtures.HostileCorpus;
import dev.onfailure.schema.Profile;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
