package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.RecordCodec;
import dev.onfailure.validator.internal.FastPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fast path gives the full path's verdict on generated records, valid and mutated. */
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
