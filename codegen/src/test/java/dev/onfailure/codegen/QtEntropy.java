package dev.onfailure.codegen;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** Runs the product's generators under QuickTheories, so that every choice they make can be shrunk. */
final class QtEntropy implements Entropy {

    private final RandomnessSource source;

    private QtEntropy(RandomnessSource source) {
        this.source = source;
    }

    /** Returns a QuickTheories generator drawing from {@code generator}. */
    static <T> Gen<T> gen(Generator<T> generator) {
        return in -> generator.generate(new QtEntropy(in));
    }

    @Override
    public long between(long min, long max) {
        return source.next(Constraint.between(min, max).withShrinkPoint(min));
    }
}
