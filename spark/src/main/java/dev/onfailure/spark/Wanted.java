package dev.onfailure.spark;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.hadoop.fs.GlobPattern;

/**
 * Which listed files a scan reads, by the options Spark's file sources take for it: {@code pathGlobFilter} (a file's
 * name matches a glob, as Hadoop's {@code GlobFilter} reads it: {@code *.json}, {@code 2026-12-0[1-7]*},
 * {@code {a,b}*}), {@code modifiedAfter} and {@code modifiedBefore} (last modified strictly after the one and
 * strictly before the other). A failure record's object is written once, when its batch fails, so its last-modified
 * time is when the batch was given up; a report of yesterday's failures reads yesterday's objects only, and lists
 * the rest of the bucket without fetching it.
 *
 * <p>A time is written as Spark's sources take it, {@code 2026-12-01T00:00:00} or {@code 2026-12-01 00:00:00} (in
 * the {@code timeZone} option, else the session's {@code spark.sql.session.timeZone}; a region such as
 * {@code Europe/Paris}, an offset such as {@code +01:00} or {@code +1:00}, or a short name such as {@code PST}), or
 * with its offset ({@code 2026-12-01T00:00:00Z}, {@code 2026-12-01T01:00:00+01:00}), or as a date, its first instant
 * in that zone ({@code 2026-12-01}).
 *
 * <p>A file is compared by the instant it was last modified. Spark's own file sources (4.1) shift a file's time by
 * the zone's offset before comparing it, so with a zone other than UTC they take or leave files up to that offset
 * away from the time given; here {@code modifiedAfter} of {@code 2026-12-01T00:00:00} in {@code Asia/Tokyo} means
 * after {@code 2026-11-30T15:00:00Z}, whatever the zone.
 *
 * <pre>{@code
 * spark.read().format("onfailure")
 *         .option("modifiedAfter", "2026-12-01T00:00:00Z")
 *         .option("modifiedBefore", "2026-12-02T00:00:00Z")
 *         .option("pathGlobFilter", "*.json")
 *         .load("s3a://dlq-bucket/aws/lambda/");
 * }</pre>
 *
 * <p>It is applied on the driver, as files are listed (a directory is walked whatever its name), and never sent to
 * the executors.
 *
 * @param name the pattern a file's name must match, if given
 * @param after files modified at or before this instant are left out, if given
 * @param before files modified at or after this instant are left out, if given
 */
record Wanted(Optional<GlobPattern> name, Optional<Instant> after, Optional<Instant> before) {

    /** Every file. */
    static final Wanted ANY = new Wanted(Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether a file of this name, last modified at {@code millis} (since the epoch, as listings give it), is read. */
    boolean test(String fileName, long millis) {
        if (name.isEmpty() && after.isEmpty() && before.isEmpty()) {
            return true;   // the usual case, once per listed file
        }
        if (name.isPresent() && !name.get().matches(fileName)) {
            return false;
        }
        Instant t = Instant.ofEpochMilli(millis);
        return after.map(t::isAfter).orElse(true) && before.map(t::isBefore).orElse(true);
    }

    /**
     * What the options ask for: {@code pathGlobFilter}, {@code modifiedAfter}, {@code modifiedBefore} and the zone of
     * a time written without its offset ({@code timeZone}, else {@code sessionZone}).
     *
     * @throws IllegalArgumentException naming the option, when a glob, a time or the zone cannot be read
     */
    static Wanted of(Optional<String> glob, Optional<String> after, Optional<String> before,
            Optional<String> timeZone, String sessionZone) {
        Optional<GlobPattern> name = glob.map(Wanted::glob);
        if (after.isEmpty() && before.isEmpty()) {
            return new Wanted(name, Optional.empty(), Optional.empty());
        }
        ZoneId zone;
        String z = timeZone.orElse(sessionZone);
        try {
            zone = zone(z);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("onfailure: " + (timeZone.isPresent() ? "option timeZone"
                    : "spark.sql.session.timeZone") + " is not a time zone: " + z, e);
        }
        return new Wanted(name, after.map(v -> instant("modifiedAfter", v, zone)),
                before.map(v -> instant("modifiedBefore", v, zone)));
    }

    /** A glob as Hadoop's {@code GlobFilter} reads it, which a whole file name must match. */
    static GlobPattern glob(String glob) {
        try {
            return new GlobPattern(glob);
        } catch (RuntimeException e) {   // the shaded re2j's PatternSyntaxException is no IllegalArgumentException
            throw new IllegalArgumentException("onfailure: option pathGlobFilter is not a glob: " + glob
                    + " (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /**
     * A zone as Spark's settings name it: a region, {@code Z}, an offset (also {@code +1:00} and {@code +01:0}), or a
     * short name ({@code PST}, {@code EST}, as {@link ZoneId#SHORT_IDS} maps them).
     */
    static ZoneId zone(String id) {
        String normal = id.strip()
                .replaceFirst("([+-])(\\d):", "$10$2:")             // +1:00 is +01:00
                .replaceFirst("([+-]\\d\\d):(\\d)$", "$1:0$2");      // +01:0 is +01:00
        return ZoneId.of(normal, ZoneId.SHORT_IDS);
    }

    /** A time as {@link Wanted} takes it. */
    static Instant instant(String option, String value, ZoneId zone) {
        String v = value.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (?=\\d)", "$1T");
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
