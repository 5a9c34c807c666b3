package dev.onfailure.model;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Kafka offset as a failure record carries it: a JSON string of decimal digits. The text is kept exactly, of any
 * length, because AWS's own example carries 56-digit values that no {@code long} can hold.
 *
 * <pre>{@code
 * Offset o = Offset.of("49601189658422359378836298521827638475320189012309704722");
 * o.fitsInt64();          // false
 * o.toBigInteger();       // Optional[49601189658422359378836298521827638475320189012309704722]
 * Offset.of(15).text();   // "15"
 * }</pre>
 */
public final class Offset implements Comparable<Offset> {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static final int UNKNOWN = -2;

    private final String text;

    /** See {@link #significantStart()}: not yet scanned, not decimal, or where the significant digits start. */
    private int significant = UNKNOWN;
    /** The value, parsed once; null until asked for or when the text is not decimal. */
    private volatile BigInteger value;

    private Offset(String text) {
        this.text = text;
    }

    /** An offset whose text a reader has already classified: see {@link #significantStart()}. */
    private Offset(String text, int significant) {
        this.text = text;
        this.significant = significant;
    }

    /**
     * Returns the offset written {@code text} when the caller has already found where its significant digits start
     * ({@code -1}: not decimal), as {@code scan} would; for readers that see the bytes anyway.
     */
    static Offset scanned(String text, int significant) {
        return new Offset(text, significant);
    }

    /** Returns the offset written {@code text}, whatever it holds; see {@link #isDecimal()}. */
    public static Offset of(String text) {
        return new Offset(Objects.requireNonNull(text, "text"));
    }

    /** Returns the offset {@code value} in canonical decimal text. */
    public static Offset of(long value) {
        return new Offset(Long.toString(value));
    }

    /** Returns the offset {@code value} in canonical decimal text. */
    public static Offset of(BigInteger value) {
        return new Offset(value.toString());
    }

    /** Returns the text exactly as written. */
    public String text() {
        return text;
    }

    /** Returns true if the text is one or more ASCII digits and nothing else. */
    public boolean isDecimal() {
        return significantStart() >= 0;
    }

    /**
     * Returns the index of the first significant digit of decimal text (the last digit for zero), or -1 when the text
     * is not decimal; scanned once (a racy cache of a value that is always the same).
     */
    private int significantStart() {
        int s = significant;
        if (s == UNKNOWN) {
            s = scan(text);
            significant = s;
        }
        return s;
    }

    private static int scan(String text) {
        int n = text.length();
        if (n == 0) {
            return -1;
        }
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (start < 0 && c != '0') {
                start = i;
            }
        }
        return start < 0 ? n - 1 : start;
    }

    /** Returns the value when the text {@link #isDecimal() is decimal}. */
    public Optional<BigInteger> toBigInteger() {
        BigInteger v = value;
        if (v == null && isDecimal()) {
            v = new BigInteger(text);
            value = v;
        }
        return Optional.ofNullable(v);
    }

    /** Returns true if the text is decimal and the value fits Kafka's int64 offsets (at most {@code Long.MAX_VALUE}). */
    public boolean fitsInt64() {
        int start = significantStart();
        if (start < 0) {
            return false;
        }
        int length = text.length() - start;
        return length < 19 || (length == 19 && compareDigits(text, start, LONG_MAX_TEXT, 0, 19) <= 0);
    }

    private static final String LONG_MAX_TEXT = Long.toString(Long.MAX_VALUE);

    /** Compares {@code length} digits of {@code a} from {@code i} with those of {@code b} from {@code j}. */
    private static int compareDigits(String a, int i, String b, int j, int length) {
        for (int k = 0; k < length; k++) {
            int c = a.charAt(i + k) - b.charAt(j + k);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Compares two decimal offsets by value without building numbers: by significant length, then digit by digit.
     *
     * @throws IllegalArgumentException if either is not decimal
     */
    public int compareValue(Offset other) {
        int i = significantStart();
        int j = other.significantStart();
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("not decimal: " + (i >= 0 ? other.text : text));
        }
        int a = text.length() - i;
        int b = other.text.length() - j;
        if (a != b) {
            return Integer.compare(a, b);
        }
        // digits of equal count without leading zeros (the usual case): as strings, with the JDK's vectorised compare
        return i == 0 && j == 0 ? text.compareTo(other.text) : compareDigits(text, i, other.text, j, a);
    }

    /** Returns the value as a {@code long} when it {@link #fitsInt64() fits}. */
    public OptionalLong toLong() {
        return fitsInt64() ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
    }

    /**
     * Compares by numeric value; offsets whose text is not decimal sort after every decimal one, by text.
     */
    @Override
    public int compareTo(Offset other) {
        Optional<BigInteger> a = toBigInteger();
        Optional<BigInteger> b = other.toBigInteger();
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
        return o instanceof Offset other && text.equals(other.text);
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
