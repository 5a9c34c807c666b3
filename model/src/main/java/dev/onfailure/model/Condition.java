package dev.onfailure.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code requestContext.condition} of a record: open text, with the values AWS is known to send as
 * {@link Known}. Unknown values are kept verbatim.
 *
 * <pre>{@code
 * Condition c = Condition.of("RetryAttemptsExhausted");
 * c.known();              // Optional[RETRY_ATTEMPTS_EXHAUSTED]
 * Condition.of("Other").text();   // "Other"
 * }</pre>
 */
public final class Condition {

    /** The conditions AWS documents or is seen to send. */
    public enum Known {
        /** The function kept failing until the retry limit: {@code RetryAttemptsExhausted}. */
        RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
        /** The batch was over the 6 MB invocation payload; the function never ran: {@code MaximumPayloadSizeExceeded}. */
        MAXIMUM_PAYLOAD_SIZE_EXCEEDED("MaximumPayloadSizeExceeded"),
        /** Records were older than the maximum record age: {@code RecordAgeExceeded}. */
        RECORD_AGE_EXCEEDED("RecordAgeExceeded"),
        /** The condition of AWS's Kafka-topic destination example: {@code RetriesExhausted}. */
        RETRIES_EXHAUSTED("RetriesExhausted");

        private final String text;

        Known(String text) {
            this.text = text;
        }

        /** Returns the text AWS writes. */
        public String text() {
            return text;
        }

        /** Returns the condition for this value. */
        public Condition condition() {
            return Condition.of(text);
        }
    }

    /** {@code RetryAttemptsExhausted}. */
    public static final Condition RETRY_ATTEMPTS_EXHAUSTED = new Condition(Known.RETRY_ATTEMPTS_EXHAUSTED.text);
    /** {@code MaximumPayloadSizeExceeded}. */
    public static final Condition MAXIMUM_PAYLOAD_SIZE_EXCEEDED = new Condition(Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED.text);
    /** {@code RecordAgeExceeded}. */
    public static final Condition RECORD_AGE_EXCEEDED = new Condition(Known.RECORD_AGE_EXCEEDED.text);
    /** {@code RetriesExhausted}. */
    public static final Condition RETRIES_EXHAUSTED = new Condition(Known.RETRIES_EXHAUSTED.text);

    private static final Known[] KNOWN = Known.values();

    private final String text;

    private Condition(String text) {
        this.text = text;
    }

    /** Returns the condition written {@code text}, known or not. */
    public static Condition of(String text) {
        Objects.requireNonNull(text, "text");
        for (Known k : KNOWN) {
            if (k.text.equals(text)) {
                return switch (k) {
                    case RETRY_ATTEMPTS_EXHAUSTED -> RETRY_ATTEMPTS_EXHAUSTED;
                    case MAXIMUM_PAYLOAD_SIZE_EXCEEDED -> MAXIMUM_PAYLOAD_SIZE_EXCEEDED;
                    case RECORD_AGE_EXCEEDED -> RECORD_AGE_EXCEEDED;
                    case RETRIES_EXHAUSTED -> RETRIES_EXHAUSTED;
                };
            }
        }
        return new Condition(text);
    }

    /** Returns the text exactly as written. */
    public String text() {
        return text;
    }

    /** Returns the known value, or empty for text AWS is not known to send. */
    public Optional<Known> known() {
        for (Known k : KNOWN) {
            if (k.text.equals(text)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** Returns true if this is {@code known}. */
    public boolean is(Known known) {
        return known.text.equals(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
