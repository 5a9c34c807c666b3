package dev.onfailure.codegen;

import java.util.List;

/**
 * The only source of choices a {@link Generator} may use. Keeping it this small lets one generator run under a seeded
 * {@link java.util.SplittableRandom} in the product ({@link SeededEntropy}) and under a property-testing library's
 * randomness in tests, where every choice can be shrunk.
 *
 * <pre>{@code
 * Entropy e = SeededEntropy.of(42);
 * int partition = e.intBetween(0, 11);
 * String topic = e.pick(List.of("orders", "payments"));
 * }</pre>
 */
public interface Entropy {

    /**
     * Returns a value from {@code min} to {@code max}, both included. Under shrinking, smaller choices are simpler:
     * generators put the plain case at {@code min}.
     */
    long between(long min, long max);

    /** Returns an int from {@code min} to {@code max}, both included. */
    default int intBetween(int min, int max) {
        return (int) between(min, max);
    }

    /** Returns true with probability {@code percent}/100; false is the simpler choice. */
    default boolean chance(int percent) {
        return between(0, 99) >= 100 - percent;
    }

    /** Returns one of {@code options}; the first is the simplest. */
    default <T> T pick(List<T> options) {
        return options.get(intBetween(0, options.size() - 1));
    }
}
