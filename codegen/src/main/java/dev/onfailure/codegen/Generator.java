package dev.onfailure.codegen;

import java.util.function.Function;

/**
 * Makes a value from {@link Entropy}. Generators are pure: the same choices give the same value.
 *
 * <pre>{@code
 * Generator<String> topics = e -> e.pick(List.of("orders", "payments"));
 * Generator<Integer> lengths = topics.map(String::length);
 * }</pre>
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Generator<T> {

    /** Returns a value made from {@code entropy}'s choices. */
    T generate(Entropy entropy);

    /** Returns a generator of {@code f} applied to this one's values. */
    default <R> Generator<R> map(Function<? super T, ? extends R> f) {
        return e -> f.apply(generate(e));
    }
}
