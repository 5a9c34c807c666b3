package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every labelled mutation yields its code, and no error it was not meant to produce. */
final class MutationProperties {

    private static Validator validator;

    @BeforeAll
    static void create() {
        validator = Validator.create();
    }

    @Test
    void eachMutation_yieldsItsCode_underBothProfiles() {
        for (Profile p : Profile.values()) {
            boolean strict = p == Profile.STRICT;
            qt().withExamples(300).forAll(QtEntropy.gen(InvalidRecords.generator(GeneratorOptions.defaults(), strict)))
                    .checkAssert(bad -> {
                        DocumentReport report = validator.validate(bad.text(), ValidationOptions.of(p));
                        List<String> codes = report.findings().stream().map(Finding::code).toList();
                        assertThat(codes).as("%s under %s: %s", bad.mutation(), p.id(), report.findings())
                                .containsAll(bad.expectedCodes());
                        assertThat(report.findings()).filteredOn(Finding::isError)
                                .as("%s under %s", bad.mutation(), p.id())
                                .allMatch(f -> bad.expectedCodes().contains(f.code()));
                    });
        }
    }

    @Test
    void everyCodeARecordCanTrigger_hasAMutation() {
        Set<String> codes = new HashSet<>(InvalidRecords.codes());
        for (FindingCode c : FindingCode.values()) {
            if (c == FindingCode.SCHEMA || c == FindingCode.RECORD_UNREADABLE) {
                continue;
            }
            assertThat(codes).contains(c.id());
        }
    }

    @Test
    void seededMutations_coverEveryCode() {
        Generator<InvalidRecord> gen = InvalidRecords.generator(GeneratorOptions.defaults(), true);
        Entropy e = SeededEntropy.of(11);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            seen.addAll(gen.generate(e).expectedCodes());
        }
        assertThat(seen).containsAll(InvalidRecords.codes());
    }
}
