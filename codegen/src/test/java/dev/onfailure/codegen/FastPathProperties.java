package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.RecordCodec;
import dev.onfailure.validator.internal.FastPath;
import dev.onfailure.validator.internal.Paths;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The fast paths give the full path's verdict on generated records, valid and mutated: the specialised schema check
 * never vouches for what networknt rejects, and reading straight from bytes gives the report the tree gives.
 */
final class FastPathProperties {

    @Test
    void validRecords_fastPathNeverVouchesForWhatNetworkntRejects() {
        qt().withExamples(300).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> FastPath.check(RecordCodec.defaults().write(g.record())));
    }

    @Test
    void mutatedRecords_fastPathNeverVouchesForWhatNetworkntRejects() {
        qt().withExamples(400).forAll(QtEntropy.gen(InvalidRecords.generator(GeneratorOptions.defaults(), true)))
                .checkAssert(bad -> FastPath.check(bad.text()));
    }

    @Test
    void validAndMutatedRecords_getOneReportFromText_bytes_tree_andInsideAnSqsEvent() {
        qt().withExamples(200).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> Paths.agree(RecordCodec.defaults().write(g.record())));
        qt().withExamples(300).forAll(QtEntropy.gen(InvalidRecords.generator(GeneratorOptions.defaults(), true)))
                .checkAssert(bad -> Paths.agree(bad.text()));
    }

    @Test
    void generatedSqsSnsBodies_areReadStraightFromBytes() {
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults().strictOnly(true)
                .kinds(java.util.EnumSet.of(dev.onfailure.schema.Kind.SQS_SNS)));
        Entropy e = SeededEntropy.of(8);
        int plain = 0;
        int canonical = 0;
        for (int i = 0; i < 100; i++) {
            GeneratedRecord g = gen.generate(e);
            int n = Paths.agree(RecordCodec.defaults().write(g.record()));
            // integers written 1.0 or 2E0 are not plain JSON: the tree reads those, with the same report
            if (!g.traits().contains("number-forms")) {
                plain += n;
                canonical++;
            }
        }
        assertThat(canonical).isGreaterThan(50);
        assertThat(plain).as("both profiles, every strict SQS/SNS record").isEqualTo(2 * canonical);
    }

    @Test
    void strictValidRecords_takeTheFastPath() {
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults().strictOnly(true));
        Entropy e = SeededEntropy.of(21);
        AtomicInteger vouched = new AtomicInteger();
        for (int i = 0; i < 300; i++) {
            vouched.addAndGet(FastPath.check(RecordCodec.defaults().write(gen.generate(e).record())));
        }
        assertThat(vouched.get()).as("both profiles, every strict record").isEqualTo(600);
    }
}
