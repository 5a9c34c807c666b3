package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

final class OffsetTest {

    @Test
    void text_isKeptExactly() {
        for (String t : List.of("0", "007", "42", "-1", "1e3", "", " 1", "49601189658422359378836298521827638475320189012309704722")) {
            assertThat(Offset.of(t).text()).isEqualTo(t);
        }
        assertThat(Offset.of(42L).text()).isEqualTo("42");
        assertThat(Offset.of(new BigInteger("123456789012345678901")).text()).isEqualTo("123456789012345678901");
    }

    @Test
    void isDecimal_onlyAsciiDigits() {
        assertThat(Offset.of("0").isDecimal()).isTrue();
        assertThat(Offset.of("000").isDecimal()).isTrue();
        assertThat(Offset.of("0012").isDecimal()).isTrue();
        for (String t : List.of("", "-1", "+1", "1.0", "1e3", " 1", "1 ", "١٢", "x")) {
            assertThat(Offset.of(t).isDecimal()).as(t).isFalse();
            assertThat(Offset.of(t).toBigInteger()).as(t).isEmpty();
            assertThat(Offset.of(t).fitsInt64()).as(t).isFalse();
            assertThat(Offset.of(t).toLong()).as(t).isEqualTo(OptionalLong.empty());
        }
    }

    @Test
    void fitsInt64_atTheBoundary_withAndWithoutLeadingZeros() {
        assertThat(Offset.of("9223372036854775807").fitsInt64()).isTrue();
        assertThat(Offset.of("0009223372036854775807").fitsInt64()).isTrue();
        assertThat(Offset.of("9223372036854775808").fitsInt64()).isFalse();
        assertThat(Offset.of("10000000000000000000").fitsInt64()).isFalse();
        assertThat(Offset.of("999999999999999999").fitsInt64()).isTrue();
        assertThat(Offset.of("9223372036854775807").toLong()).isEqualTo(OptionalLong.of(Long.MAX_VALUE));
        assertThat(Offset.of("9223372036854775808").toLong()).isEmpty();
        assertThat(Offset.of("9223372036854775808").toBigInteger())
                .contains(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));
    }

    @Test
    void compareValue_isNumeric_whateverTheLength() {
        List<String> ascending = List.of("0", "00", "1", "09", "10", "9223372036854775807", "9223372036854775808",
                "49601189658422359378836298521827638475320189012309704722");
        for (int i = 0; i < ascending.size(); i++) {
            for (int j = 0; j < ascending.size(); j++) {
                BigInteger a = new BigInteger(ascending.get(i));
                BigInteger b = new BigInteger(ascending.get(j));
                assertThat(Integer.signum(Offset.of(ascending.get(i)).compareValue(Offset.of(ascending.get(j)))))
                        .as("%s vs %s", ascending.get(i), ascending.get(j)).isEqualTo(a.compareTo(b));
            }
        }
    }

    @Test
    void compareValue_isNumeric_forDigitsOfEqualCount_withAndWithoutLeadingZeros() {
        java.util.Random random = new java.util.Random(56);
        for (int n = 0; n < 5_000; n++) {
            int digits = 1 + random.nextInt(60);
            String a = number(random, digits);
            // b shares a prefix of a's digits, then differs (or not)
            String b = a.substring(0, random.nextInt(digits + 1));
            b = b + number(random, digits - b.length()).substring(0, digits - b.length());
            a = "0".repeat(random.nextInt(3) == 0 ? random.nextInt(3) : 0) + a;
            b = "0".repeat(random.nextInt(3) == 0 ? random.nextInt(3) : 0) + b;
            assertThat(Integer.signum(Offset.of(a).compareValue(Offset.of(b)))).as("%s vs %s", a, b)
                    .isEqualTo(new BigInteger(a).compareTo(new BigInteger(b)));
        }
    }

    /** {@code digits} random decimal digits, the first not zero (unless only one). */
    private static String number(java.util.Random random, int digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            s.append((char) ('0' + (i == 0 && digits > 1 ? 1 + random.nextInt(9) : random.nextInt(10))));
        }
        return s.toString();
    }

    @Test
    void equality_isByText() {
        assertThat(Offset.of("7")).isEqualTo(Offset.of(7L)).hasSameHashCodeAs(Offset.of("7"));
        assertThat(Offset.of("07")).isNotEqualTo(Offset.of("7"));
        List<Offset> sorted = new ArrayList<>(List.of(Offset.of("10"), Offset.of("9"), Offset.of("x")));
        sorted.sort(null);
        assertThat(sorted).isNotEmpty();
    }
}
