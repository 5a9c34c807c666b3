package dev.onfailure.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A timestamp as a failure record carries it: ISO-8601 text such as {@code 2019-11-14T00:38:06.021Z}. The text is
 * kept exactly; {@link Instant#toString()} would drop a {@code .000} and so is never used to write it.
 *
 * <pre>{@code
 * Timestamp t = Timestamp.of("2019-11-14T00:38:06.000Z");
 * t.toInstant();                       // Optional[2019-11-14T00:38:06Z]
 * t.text();                            // "2019-11-14T00:38:06.000Z"
 * Timestamp.ofEpochMilli(1545084650987L).text();   // "2018-12-17T22:10:50.987Z"
 * }</pre>
 */
public final class Timestamp implements Comparable<Timestamp> {

    /** The form AWS writes: UTC, milliseconds, {@code Z}. */
    private static final DateTimeFormatter AWS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String text;

    private Timestamp(String text) {
        this.text = text;
    }

    /** Returns the timestamp written {@code text}, whatever it holds; see {@link #toInstant()}. */
    public static Timestamp of(String text) {
        return new Timestamp(Objects.requireNonNull(text, "text"));
    }

    /** Returns {@code instant} in AWS's form, truncated to milliseconds: {@code 2019-11-14T00:38:06.000Z}. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(AWS.format(instant));
    }

    /** Returns the Kafka epoch-millisecond timestamp {@code millis} in AWS's form. */
    public static Timestamp ofEpochMilli(long millis) {
        return of(Instant.ofEpochMilli(millis));
    }

    /** Returns the text exactly as written. */
    public String text() {
        return text;
    }

    /** Returns the instant when the text is an ISO-8601 instant ({@code Z} or an offset), empty otherwise. */
    public Optional<Instant> toInstant() {
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Returns true if the text is exactly AWS's form: UTC, {@code Z}, three fraction digits. */
    public boolean isAwsForm() {
        if (text.length() != 24) {
            return false;
        }
        try {
            return AWS.format(AWS.parse(text, Instant::from)).equals(text);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Compares by instant; timestamps that do not parse sort after every one that does, by text. */
    @Override
    public int compareTo(Timestamp other) {
        Optional<Instant> a = toInstant();
        Optional<Instant> b = other.toInstant();
        if (a.isPresent() && b.isPresent()) {
            int c = a.get().compareTo(b.get());
            return c != 0 ? c : text.compareTo(other.text);
        }
        if (a.isPresent() != b.isPresent()) {
            return a.isPresent() ? -1 : 1;
        }
        return text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timestamp other && text.equals(other.text);
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
