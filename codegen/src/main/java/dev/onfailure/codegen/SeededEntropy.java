package dev.onfailure.codegen;

import java.util.SplittableRandom;

/**
 * {@link Entropy} from a seeded {@link SplittableRandom}: the same seed gives the same choices on every run, JVM and
 * machine. Not thread-safe; use one per thread or {@link #split()}.
 *
 * <pre>{@code
 * Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
 * GeneratedRecord r = gen.generate(SeededEntropy.of(7));   // always the same record for seed 7
 * }</pre>
 */
public final class SeededEntropy implements Entropy {

    private final SplittableRandom random;

    private SeededEntropy(SplittableRandom random) {
        this.random = random;
    }

    /** Returns entropy seeded with {@code seed}. */
    public static SeededEntropy of(long seed) {
        return new SeededEntropy(new SplittableRandom(seed));
    }

    /** Returns independent entropy derived from this one. */
    public SeededEntropy split() {
        return new SeededEntropy(random.split());
    }

    @Override
    public long between(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
        long span = max - min + 1;
        if (span > 0) {
            return min + random.nextLong(span);
        }
        // The range is wider than Long.MAX_VALUE: draw until a value falls in it (at least half do).
        while (true) {
            long v = random.nextLong();
            if (v >= min && v <= max) {
                return v;
            }
        }
    }
}
