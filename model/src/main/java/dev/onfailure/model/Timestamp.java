package dev.onfailure.model;

import dev.onfailure.json.JsonCursor;
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

    /**
     * The form AWS writes: UTC, milliseconds, {@code Z}. In a holder, so that reading timestamps (the common path)
     * does not load and initialise java.time's formatting classes (issue 16: start-up).
     */
    private static final class Aws {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
    }

    private final String text;
    /** {@link #isAwsForm()} once worked out: 0 not yet, else {@link #YES} or {@link #NO} (a cache, as String's hash). */
    private byte awsForm;

    private Timestamp(String text) {
        this.text = text;
    }

    /** Returns the timestamp written {@code text}, whatever it holds; see {@link #toInstant()}. */
    public static Timestamp of(String text) {
        return new Timestamp(Objects.requireNonNull(text, "text"));
    }

    /** Returns {@code instant} in AWS's form, truncated to milliseconds: {@code 2019-11-14T00:38:06.000Z}. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(Aws.FORMAT.format(instant));
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
        Instant fast = parseUtc(text);
        if (fast != null) {
            return Optional.of(fast);
        }
        try {
            return Optional.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses the form AWS writes, {@code uuuu-MM-ddTHH:mm:ss[.fraction]Z}, without java.time's general parser (ten
     * times slower); returns null for anything else, which the general parser then handles.
     */
    private static Instant parseUtc(String s) {
        int n = s.length();
        long seconds = n < 20 || s.charAt(n - 1) != 'Z' ? NOT_A_DATE_TIME : epochSecond(s);
        if (seconds == NOT_A_DATE_TIME) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 < 1 || n - 21 > 9) {
                return null;
            }
            int fraction = digits(s, 20, n - 21);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        } else if (n != 20) {
            return null;
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Returns true if the text is exactly AWS's form: UTC, {@code Z}, three fraction digits, every field in its range
     * (the text {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} formats a real instant to). Worked out by hand on first use and
     * kept: the validator's schema check and its timestamp-order rule both ask it of every timestamp.
     */
    public boolean isAwsForm() {
        byte known = awsForm;
        if (known == 0) {
            known = awsForm(text) ? YES : NO;
            awsForm = known;
        }
        return known == YES;
    }

    /**
     * For the byte reader: the timestamp {@code text} that {@code p} has just read as a string, its form
     * ({@link #isAwsForm()}) judged on the document's bytes three words at a time.
     */
    static Timestamp read(String text, JsonCursor p) {
        Timestamp t = new Timestamp(text);
        t.awsForm = text.length() == 24 && awsForm(p.stringWord(0), p.stringWord(8), p.stringWord(16)) ? YES : NO;
        return t;
    }

    private static final long ZEROS = 0x3030303030303030L;
    private static final long ABOVE_NINE = 0x4646464646464646L;   // 0x7F - '9' in every byte
    private static final long HIGH = 0x8080808080808080L;
    /** The separators of {@code uuuu-MM-ddTHH:mm:ss.SSSZ} in its three words (little-endian), and where they are. */
    private static final long SEPARATORS_0 = (long) '-' << 32 | (long) '-' << 56;
    private static final long MASK_0 = 0xFFL << 32 | 0xFFL << 56;
    private static final long SEPARATORS_1 = (long) 'T' << 16 | (long) ':' << 40;
    private static final long MASK_1 = 0xFFL << 16 | 0xFFL << 40;
    private static final long SEPARATORS_2 = ':' | (long) '.' << 24 | (long) 'Z' << 56;
    private static final long MASK_2 = 0xFFL | 0xFFL << 24 | 0xFFL << 56;

    /**
     * {@link #awsForm(String)} of 24 ASCII bytes in three little-endian words: the separators compared in place, the
     * separators then made zeros so that every byte must be a digit (checked for all eight at once, no borrow crossing
     * a byte), and the fields' values taken from the bytes less {@code '0'}.
     */
    static boolean awsForm(long w0, long w1, long w2) {
        if ((w0 & MASK_0) != SEPARATORS_0 || (w1 & MASK_1) != SEPARATORS_1 || (w2 & MASK_2) != SEPARATORS_2) {
            return false;
        }
        w0 = (w0 & ~MASK_0) | (ZEROS & MASK_0);
        w1 = (w1 & ~MASK_1) | (ZEROS & MASK_1);
        w2 = (w2 & ~MASK_2) | (ZEROS & MASK_2);
        if ((((w0 - ZEROS) | (w0 + ABOVE_NINE) | w0 | (w1 - ZEROS) | (w1 + ABOVE_NINE) | w1 | (w2 - ZEROS)
                | (w2 + ABOVE_NINE) | w2) & HIGH) != 0) {
            return false;
        }
        long d0 = w0 - ZEROS;
        long d1 = w1 - ZEROS;
        long d2 = w2 - ZEROS;
        int year = (int) (d0 & 0xFF) * 1000 + (int) (d0 >>> 8 & 0xFF) * 100 + (int) (d0 >>> 16 & 0xFF) * 10
                + (int) (d0 >>> 24 & 0xFF);
        int month = (int) (d0 >>> 40 & 0xFF) * 10 + (int) (d0 >>> 48 & 0xFF);
        int day = (int) (d1 & 0xFF) * 10 + (int) (d1 >>> 8 & 0xFF);
        int hour = (int) (d1 >>> 24 & 0xFF) * 10 + (int) (d1 >>> 32 & 0xFF);
        int minute = (int) (d1 >>> 48 & 0xFF) * 10 + (int) (d1 >>> 56);
        int second = (int) (d2 >>> 8 & 0xFF) * 10 + (int) (d2 >>> 16 & 0xFF);
        return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59
                && second <= 59;
    }

    private static final byte YES = 1;
    private static final byte NO = 2;

    private static boolean awsForm(String s) {
        return s.length() == 24 && s.charAt(19) == '.' && s.charAt(23) == 'Z' && digits(s, 20, 3) >= 0
                && epochSecond(s) != NOT_A_DATE_TIME;
    }

    /** What {@link #epochSecond(String)} gives for text that is no date and time. */
    private static final long NOT_A_DATE_TIME = Long.MIN_VALUE;

    /**
     * The UTC epoch second of the {@code uuuu-MM-ddTHH:mm:ss} that {@code s} (at least 19 characters) starts with,
     * every field in its range and the day in its month; {@link #NOT_A_DATE_TIME} otherwise.
     */
    private static long epochSecond(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return NOT_A_DATE_TIME;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || hour > 23
                || minute > 59 || second > 59 || day > daysIn(year, month)) {
            return NOT_A_DATE_TIME;
        }
        return epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second;
    }

    /** The days in {@code month} (1 to 12) of the proleptic Gregorian {@code year}. */
    private static int daysIn(int year, int month) {
        if (month == 2) {
            return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return 30 + ((month + (month >> 3)) & 1);
    }

    /**
     * The days from 1970-01-01 to the valid date {@code year-month-day} (year 0 to 9999), as
     * {@code LocalDate.toEpochDay} counts them, without making a {@code LocalDate} (which checks every field again):
     * the date's day in a year that starts on March 1, so that February's length comes last.
     */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        int yearOfEra = y - (int) era * 400;                                  // 0 to 399
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;   // 0 to 365, from March 1
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;     // 0 to 146096
        return era * 146_097 + dayOfEra - 719_468;
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
