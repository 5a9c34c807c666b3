package dev.onfailure.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.fixtures.HandMadeRecord;
import dev.onfailure.fixtures.HandMadeRecords;
import org.junit.jupiter.api.Test;

/** The fast path never vouches for what networknt rejects: fixtures and corpus cases (generated ones in codegen). */
final class FastPathTest {

    @Test
    void fixturesAndCorpus_fastPathAgreesWithNetworknt() {
        int vouched = 0;
        for (CorpusCase c : Corpus.cases()) {
            vouched += FastPath.check(c.text());
        }
        for (HandMadeRecord r : HandMadeRecords.all()) {
            vouched += FastPath.check(r.json());
        }
        for (ExampleInstance i : DocumentedExamples.allInstances()) {
            vouched += FastPath.check(i.json());
        }
        assertThat(vouched).as("the fast path is taken for the common valid case").isGreaterThan(20);
    }

    @Test
    void strictValidHandMadeRecords_takeTheFastPath_underBothProfiles() {
        for (HandMadeRecord r : HandMadeRecords.all()) {
            assertThat(FastPath.check(r.json())).as(r.name()).isEqualTo(r.strictValid() ? 2 : 1);
        }
    }
}
