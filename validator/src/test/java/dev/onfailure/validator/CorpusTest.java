package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.schema.Profile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conformance corpus, case by case and profile by profile. */
final class CorpusTest {

    private static Validator validator;
    /** Keeps every string as a slice of the document's bytes: the path long S3 payloads take. */
    private static Validator slicing;

    @BeforeAll
    static void create() {
        validator = Validator.create();
        slicing = Validator.create(dev.onfailure.json.TestLimits.slicingEveryString());
    }

    static List<CorpusCase> cases() {
        return Corpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCase_yieldsExactlyItsCodes(CorpusCase c) {
        for (Profile p : Profile.values()) {
            DocumentReport report = validator.validate(c.text(), ValidationOptions.of(p));
            Set<String> codes = report.findings().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new));
            assertThat(codes).as("%s under %s: %s", c.file(), p.id(), report.findings())
                    .containsExactlyElementsOf(c.codes().get(p.id()));
            assertThat(report.valid()).as("%s valid under %s: %s", c.file(), p.id(), report.findings())
                    .isEqualTo(c.valid().get(p.id()));
            DocumentReport sliced = slicing.validate(c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ValidationOptions.of(p));
            assertThat(sliced).as("%s with sliced strings under %s", c.file(), p.id()).isEqualTo(report);
        }
    }

    @Test
    void everyCase_getsTheSameReportFromText_bytes_tree_andInsideAnSqsEvent() {
        int plain = 0;
        for (CorpusCase c : Corpus.cases()) {
            plain += dev.onfailure.validator.internal.Paths.agree(c.text());
        }
        for (dev.onfailure.fixtures.ExampleInstance i : dev.onfailure.fixtures.DocumentedExamples.allInstances()) {
            plain += dev.onfailure.validator.internal.Paths.agree(i.json());
        }
        for (dev.onfailure.fixtures.HandMadeRecord r : dev.onfailure.fixtures.HandMadeRecords.all()) {
            plain += dev.onfailure.validator.internal.Paths.agree(r.json());
        }
        assertThat(plain).as("reports that came straight from bytes").isGreaterThan(20);
    }

    @Test
    void corpus_coversEveryCodeARecordCanTrigger_andIsLargeEnough() {
        assertThat(Corpus.cases()).hasSizeGreaterThanOrEqualTo(60);
        Set<String> covered = Corpus.cases().stream().map(CorpusCase::code).collect(Collectors.toSet());
        for (FindingCode code : FindingCode.values()) {
            if (code == FindingCode.SCHEMA || code == FindingCode.RECORD_UNREADABLE) {
                continue;
            }
            assertThat(covered).as("a corpus case for %s", code.id()).contains(code.id());
        }
        assertThat(covered).contains("schema.required", "schema.type", "schema.pattern", "schema.enum", "schema.minimum");
        Set<String> kinds = Corpus.cases().stream().map(CorpusCase::file)
                .map(f -> f.contains(".s3.") ? "s3" : f.contains(".topic.") ? "topic" : "sqs-sns").collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder("s3", "topic", "sqs-sns");
    }
}
