package dev.onfailure.model;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An optional JSON member, which has three states: absent (the object has no such member), {@code null} (present
 * with the value null) or a value. AWS uses all three for {@code responseContext}, so the model keeps them apart.
 *
 * <pre>{@code
 * JsonField<ResponseContext> rc = record.responseContext();
 * if (rc.isNull()) { ... }          // MaximumPayloadSizeExceeded: the function never ran
 * rc.value().map(ResponseContext::statusCode);
 * }</pre>
 *
 * @param <T> the value type
 */
public final class JsonField<T> {

    private static final JsonField<?> ABSENT = new JsonField<>(State.ABSENT, null);
    private static final JsonField<?> NULL = new JsonField<>(State.NULL, null);

    /** The three states. */
    public enum State {
        /** The member is not there. */
        ABSENT,
        /** The member is there with the value {@code null}. */
        NULL,
        /** The member is there with a value. */
        PRESENT
    }

    private final State state;
    private final T value;

    private JsonField(State state, T value) {
        this.state = state;
        this.value = value;
    }

    /** Returns an absent member. */
    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> absent() {
        return (JsonField<T>) ABSENT;
    }

    /** Returns a member present with the value {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T> JsonField<T> ofNull() {
        return (JsonField<T>) NULL;
    }

    /** Returns a member present with {@code value}. */
    public static <T> JsonField<T> of(T value) {
        return new JsonField<>(State.PRESENT, Objects.requireNonNull(value, "value"));
    }

    /** Returns a present member for a non-empty optional, an absent one otherwise. */
    public static <T> JsonField<T> ofOptional(Optional<T> value) {
        return value.map(JsonField::of).orElseGet(JsonField::absent);
    }

    /** Returns the state. */
    public State state() {
        return state;
    }

    /** Returns true if the member is absent. */
    public boolean isAbsent() {
        return state == State.ABSENT;
    }

    /** Returns true if the member is present with the value {@code null}. */
    public boolean isNull() {
        return state == State.NULL;
    }

    /** Returns true if the member is present with a value. */
    public boolean isPresent() {
        return state == State.PRESENT;
    }

    /** Returns the value, or empty when absent or null. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /**
     * Returns the value.
     *
     * @throws NoSuchElementException when absent or null
     */
    public T get() {
        if (value == null) {
            throw new NoSuchElementException("no value: the member is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        return value;
    }

    /** Returns the value, or {@code other} when absent or null. */
    public T orElse(T other) {
        return value != null ? value : other;
    }

    /** Applies {@code f} to a present value; absent and null stay what they are. */
    public <R> JsonField<R> map(Function<? super T, ? extends R> f) {
        return value == null ? absentOrNull() : JsonField.of(f.apply(value));
    }

    @SuppressWarnings("unchecked")
    private <R> JsonField<R> absentOrNull() {
        return (JsonField<R>) this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonField<?> other && state == other.state && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, value);
    }

    @Override
    public String toString() {
        return state == State.PRESENT ? "JsonField[" + value + "]" : "JsonField." + state;
    }
}
