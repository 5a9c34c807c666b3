package dev.onfailure.spark;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Options {@code modifiedAfter} and {@code modifiedBefore}, as Spark's file sources take them: only files last
 * modified strictly after the one and strictly before the other are read. A failure record's object is written once,
 * when its batch fails, so its last-modified time is when the batch was given up; a report of yesterday's failures
 * reads yesterday's objects only, and lists the rest of the bucket without fetching it.
 *
 * <p>A time is written as Spark's sources take it, {@code 2026-12-01T00:00:00} (in the {@code timeZone} option, else
 * the session's {@code spark.sql.session.timeZone}), or with its offset ({@code 2026-12-01T00:00:00Z},
 * {@code 2026-12-01T01:00:00+01:00}), or as a date, its first instant in that zone ({@code 2026-12-01}).
 *
 * <pre>{@code
 * spark.read().format("onfailure")
 *         .option("modifiedAfter", "2026-12-01T00:00:00Z")
 *         .option("modifiedBefore", "2026-12-02T00:00:00Z")
 *         .load("s3a://dlq-bucket/aws/lambda/");
 * }</pre>
 *
 * <p>It is applied on the driver, as files are listed, and never sent to the executors.
 *
 * @param after files modified at or before this instant are left out, if given
 * @param before files modified at or after this instant are left out, if given
 */
record Modified(Optional<Instant> after, Optional<Instant> before) {

    /** Every file. */
    static final Modified ANY = new Modified(Optional.empty(), Optional.empty());

    /** Whether a file last modified at {@code millis} (since the epoch, as listings give it) is read. */
    boolean test(long millis) {
        Instant t = Instant.ofEpochMilli(millis);
        return after.map(t::isAfter).orElse(true) && before.map(t::isBefore).orElse(true);
    }

    /**
     * The window the options give: {@code modifiedAfter}, {@code modifiedBefore} and the zone of a time written
     * without its offset ({@code timeZone}, else {@code sessionZone}).
     *
     * @throws IllegalArgumentException naming the option, when a time or the zone cannot be read
     */
    static Modified of(Optional<String> after, Optional<String> before, Optional<String> timeZone,
            String sessionZone) {
        if (after.isEmpty() && before.isEmpty()) {
            return ANY;
        }
        ZoneId zone;
        String z = timeZone.orElse(sessionZone);
        try {
            zone = ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("onfailure: " + (timeZone.isPresent() ? "option timeZone"
                    : "spark.sql.session.timeZone") + " is not a time zone: " + z, e);
        }
        return new Modified(after.map(v -> instant("modifiedAfter", v, zone)),
                before.map(v -> instant("modifiedBefore", v, zone)));
    }

    /** A time as {@link Modified} takes it. */
    static Instant instant(String option, String value, ZoneId zone) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // without an offset: next form
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local time either: next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("onfailure: option " + option + " must be a time such as"
                    + " 2026-12-01T00:00:00 (in the session's time zone, or the timeZone option's),"
                    + " 2026-12-01T00:00:00Z or 2026-12-01, not " + value, e);
        }
    }
}
