package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class GeneratorsTest {

    private static List<String> sample(long seed, int n) {
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
        Entropy e = SeededEntropy.of(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RecordCodec.defaults().write(gen.generate(e).record()));
        }
        return out;
    }

    @Test
    void sameSeed_sameRecords_otherSeed_otherRecords() {
        assertThat(sample(42, 50)).isEqualTo(sample(42, 50));
        assertThat(sample(42, 50)).isNotEqualTo(sample(43, 50));
    }

    @Test
    void seededRecords_coverEveryKindAndTheEdgeCases() {
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
        Entropy e = SeededEntropy.of(1);
        Set<String> traits = new HashSet<>();
        Set<Kind> kinds = new HashSet<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            GeneratedRecord g = gen.generate(e);
            traits.addAll(g.traits());
            kinds.add(g.record().kind());
            all.append(RecordCodec.defaults().write(g.record()));
        }
        assertThat(kinds).containsExactlyInAnyOrder(Kind.records().toArray(Kind[]::new));
        assertThat(traits).contains("response:absent", "response:null", "response:present", "payload:string",
                "payload:object", "unknown-fields", "xmpl-request-id", "56-digit-offsets", "placeholder-bootstrap",
                "condition:MaximumPayloadSizeExceeded", "condition:RecordAgeExceeded");
        String text = all.toString();
        assertThat(text).contains("9223372036854775807").contains("-2147483647").contains(".000Z")
                .contains("\"key\":null").contains("SelfManagedKafka").contains("\\\"headers\\\":[]");
    }

    @Test
    void seededEntropy_coversFullRanges() {
        Entropy e = SeededEntropy.of(3);
        boolean sawHigh = false;
        for (int i = 0; i < 1000; i++) {
            long v = e.between(0, Long.MAX_VALUE);
            assertThat(v).isNotNegative();
            sawHigh |= v > Long.MAX_VALUE / 2;
            assertThat(e.between(5, 5)).isEqualTo(5);
            assertThat(e.intBetween(-128, 127)).isBetween(-128, 127);
        }
        assertThat(sawHigh).isTrue();
    }
}
