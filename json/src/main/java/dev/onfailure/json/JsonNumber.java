package dev.onfailure.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON number, kept as the exact text of the document ({@code 1.50} stays {@code 1.50}, {@code 1e3} stays
 * {@code 1e3}). Two numbers are equal when their text is equal.
 *
 * <pre>{@code
 * JsonNumber.of("-0").text();              // "-0"
 * JsonNumber.of(42).longValueExact();      // OptionalLong[42]
 * }</pre>
 *
 * @param text the number as written; must match the JSON number grammar (RFC 8259 section 6)
 */
public record JsonNumber(String text) implements JsonValue {

    private static final JsonNumber[] SMALL = new JsonNumber[384];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new JsonNumber(Integer.toString(i - 128));
        }
    }

    /** Checks the text against the JSON number grammar. */
    public JsonNumber {
        Objects.requireNonNull(text, "text");
        if (!isJsonNumber(text)) {
            throw new IllegalArgumentException("not a JSON number: " + abbreviate(text));
        }
    }

    /**
     * Returns the number written as {@code text}.
     *
     * @throws IllegalArgumentException if the text is not a JSON number
     */
    public static JsonNumber of(String text) {
        if (text.length() <= 3) {
            JsonNumber small = small(text);
            if (small != null) {
                return small;
            }
        }
        return new JsonNumber(text);
    }

    /** Returns the number {@code value} in its canonical decimal form. */
    public static JsonNumber of(long value) {
        if (value >= -128 && value < SMALL.length - 128) {
            return SMALL[(int) value + 128];
        }
        return new JsonNumber(Long.toString(value));
    }

    /** Returns the number {@code value} in its canonical decimal form. */
    public static JsonNumber of(BigInteger value) {
        return of(value.toString());
    }

    private static JsonNumber small(String text) {
        // Shares the instances of -128..255, the values of header bytes, so big byte arrays stay cheap.
        int n = 0;
        int i = text.startsWith("-") ? 1 : 0;
        if (i == text.length()) {
            return null;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        n = text.startsWith("-") ? -n : n;
        if (n < -128 || n >= SMALL.length - 128) {
            return null;
        }
        JsonNumber shared = SMALL[n + 128];
        return shared.text.equals(text) ? shared : null;
    }

    /** Returns true if the text is an integer: no fraction and no exponent. */
    public boolean isIntegral() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the value as a {@code BigDecimal}; exact, but {@code 1.0} and {@code 1} differ in scale.
     *
     * @throws NumberFormatException when the exponent is beyond what {@code BigDecimal} holds (such as
     *                               {@code 1e10000000000}); beware arithmetic on huge exponents, which never ends
     */
    public BigDecimal bigDecimalValue() {
        return new BigDecimal(text);
    }

    /** Returns the value as a {@code BigInteger} when the text is an integer. */
    public Optional<BigInteger> bigIntegerValue() {
        return isIntegral() ? Optional.of(new BigInteger(text)) : Optional.empty();
    }

    /**
     * Returns the value as a {@code long} when the text is an integer in the {@code long} range, written canonically
     * (no {@code -0}), so that {@code JsonNumber.of(longValue)} gives this number back.
     */
    public OptionalLong longValueExact() {
        if (!isIntegral() || text.length() > 20) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(text);
            return Long.toString(value).equals(text) ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Returns the value as a {@code long} when it is an integer in the {@code long} range, however it is written:
     * {@code 1}, {@code 1.0}, {@code 2E0}, {@code 1e2}, {@code -0} and {@code 100e-2} all qualify, as JSON Schema's
     * {@code "type": "integer"} counts them. {@link #text()} keeps the form.
     *
     * <pre>{@code
     * new JsonNumber("2E0").integralValue();   // OptionalLong[2]
     * new JsonNumber("1.5").integralValue();   // OptionalLong.empty
     * }</pre>
     */
    public OptionalLong integralValue() {
        if (isIntegral()) {
            if (text.length() > 20) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Long.parseLong(text)); // also -0
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        if (d.signum() == 0) {
            return OptionalLong.of(0);
        }
        // Digits left of the point, computed without expanding the number: 1e1000000000 must not be materialised.
        long integerDigits = (long) d.precision() - d.scale();
        if (integerDigits > 19 || integerDigits < 1) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(d.longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public String typeName() {
        return "number";
    }

    @Override
    public String toString() {
        return text;
    }

    /** Returns true if {@code s} matches the JSON number grammar. */
    public static boolean isJsonNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else if (isDigit(s.charAt(i))) {
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "... (" + s.length() + " chars)";
    }
}
