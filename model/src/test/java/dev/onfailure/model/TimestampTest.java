package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TimestampTest {

    @Test
    void awsForm_readsAndWritesTheSameText() {
        Timestamp t = Timestamp.of("2024-05-01T10:00:09.999Z");
        assertThat(t.isAwsForm()).isTrue();
        assertThat(t.toInstant()).contains(Instant.parse("2024-05-01T10:00:09.999Z"));
        assertThat(Timestamp.of(Instant.parse("2024-05-01T10:00:09Z")).text()).isEqualTo("2024-05-01T10:00:09.000Z");
        assertThat(Timestamp.ofEpochMilli(0).text()).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void otherIsoForms_parseButAreNotAwsForm() {
        for (String t : List.of("2024-05-01T10:00:09Z", "2024-05-01T10:00:09.9Z", "2024-05-01T12:00:09.999+02:00",
                "2024-05-01T10:00:09.999999Z")) {
            assertThat(Timestamp.of(t).toInstant()).as(t).isPresent();
            assertThat(Timestamp.of(t).isAwsForm()).as(t).isFalse();
        }
        assertThat(Timestamp.of("2024-05-01T12:00:09.999+02:00").toInstant())
                .contains(Instant.parse("2024-05-01T10:00:09.999Z"));
    }

    @Test
    void notATimestamp_isKeptAsText_andDoesNotParse() {
        for (String t : List.of("", "yesterday", "2024-02-30T10:00:09.999Z", "2024-13-01T10:00:09.999Z",
                "2024-05-01 10:00:09.999Z", "1714557609999")) {
            Timestamp ts = Timestamp.of(t);
            assertThat(ts.text()).isEqualTo(t);
            assertThat(ts.toInstant()).as(t).isEmpty();
            assertThat(ts.isAwsForm()).as(t).isFalse();
        }
    }

    @Test
    void compareTo_byInstant_unparsableLast() {
        List<Timestamp> list = new ArrayList<>(List.of(Timestamp.of("bad"), Timestamp.of("2024-05-01T10:00:10.000Z"),
                Timestamp.of("2024-05-01T12:00:09.999+02:00"), Timestamp.of("2024-05-01T10:00:09.998Z")));
        list.sort(null);
        assertThat(list).extracting(Timestamp::text).containsExactly("2024-05-01T10:00:09.998Z",
                "2024-05-01T12:00:09.999+02:00", "2024-05-01T10:00:10.000Z", "bad");
        assertThat(Timestamp.of("2024-05-01T10:00:09.999Z")).isEqualTo(Timestamp.of("2024-05-01T10:00:09.999Z"))
                .isNotEqualTo(Timestamp.of("2024-05-01T12:00:09.999+02:00"));
    }

    /** The definition {@code isAwsForm} is worked out by hand to match: the text formats back from what it parses to. */
    private static boolean formatsBack(String text) {
        java.time.format.DateTimeFormatter aws = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
        if (text.length() != 24) {
            return false;
        }
        try {
            return aws.format(aws.parse(text, Instant::from)).equals(text);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void awsForm_byHand_isTheFormatsRoundTrip_forEveryOneCharacterChange() {
        String alphabet = "0123456789-T:.Z+ a";
        List<String> bases = List.of("2024-05-01T10:00:09.999Z", "2024-02-29T23:59:59.000Z", "2023-02-28T00:00:00.001Z",
                "1900-02-28T12:34:56.789Z", "2000-02-29T01:02:03.004Z", "0000-01-01T00:00:00.000Z",
                "9999-12-31T23:59:59.999Z", "2024-04-30T24:00:00.000Z", "2024-04-31T10:00:00.000Z",
                "2024-01-10T10:60:00.000Z", "2024-01-10T10:00:60.000Z", "2024-00-10T10:00:00.000Z");
        int checked = 0;
        for (String base : bases) {
            for (int i = 0; i < base.length(); i++) {
                for (char c : alphabet.toCharArray()) {
                    String t = base.substring(0, i) + c + base.substring(i + 1);
                    assertThat(Timestamp.of(t).isAwsForm()).as(t).isEqualTo(formatsBack(t));
                    assertThat(fromBytes(t, checked % 11).isAwsForm()).as(t).isEqualTo(formatsBack(t));
                    checked++;
                }
            }
            assertThat(Timestamp.of(base).isAwsForm()).as(base).isEqualTo(formatsBack(base));
        }
        assertThat(checked).isEqualTo(bases.size() * 24 * alphabet.length());
        Timestamp once = Timestamp.of("2024-05-01T10:00:09.999Z");
        assertThat(once.isAwsForm()).isTrue();
        assertThat(once.isAwsForm()).isTrue();   // kept: the same answer the second time
    }

    @Test
    void byHand_everyYearsMonthEnds_areJavaTimesDates() {
        int checked = 0;
        for (int year = 0; year <= 9999; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int day : new int[] {1, 28, 29, 30, 31, 32}) {
                    String t = digits(year, 4) + "-" + digits(month, 2) + "-" + digits(day, 2) + "T23:59:58.250Z";
                    Optional<Instant> expected;
                    try {
                        expected = Optional.of(java.time.LocalDate.of(year, month, day).atTime(23, 59, 58, 250_000_000)
                                .toInstant(java.time.ZoneOffset.UTC));
                    } catch (java.time.DateTimeException e) {
                        expected = Optional.empty();
                    }
                    Timestamp ts = Timestamp.of(t);
                    assertThat(ts.toInstant()).as(t).isEqualTo(expected);
                    assertThat(ts.isAwsForm()).as(t).isEqualTo(expected.isPresent());
                    assertThat(fromBytes(t, day).isAwsForm()).as(t).isEqualTo(expected.isPresent());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(10_000 * 12 * 6);
    }

    @Test
    void byHand_everySecondOfADay_isJavaTimesInstant() {
        Instant midnight = Instant.parse("2024-02-29T00:00:00Z");
        for (int second = 0; second < 86_400; second++) {
            String t = "2024-02-29T" + digits(second / 3600, 2) + ":" + digits(second / 60 % 60, 2) + ":"
                    + digits(second % 60, 2) + ".007Z";
            assertThat(Timestamp.of(t).toInstant()).as(t).contains(midnight.plusSeconds(second).plusMillis(7));
            assertThat(fromBytes(t, second % 13).isAwsForm()).as(t).isTrue();
        }
    }

    /**
     * The timestamp {@code text} as the byte reader makes it: its form judged on a document's bytes, here {@code text}
     * in quotes after {@code before} bytes of another member.
     */
    private static Timestamp fromBytes(String text, int before) {
        String document = "{\"" + "x".repeat(before) + "\":\"" + text + "\"}";
        dev.onfailure.json.JsonCursor p = dev.onfailure.json.JsonCursor.over(
                document.getBytes(java.nio.charset.StandardCharsets.US_ASCII), dev.onfailure.json.ReadLimits.defaults());
        p.beginObject();
        p.nextMember(true);
        assertThat(p.string()).isEqualTo(text);
        return Timestamp.read(text, p);
    }

    /** {@code value} in {@code width} digits, zeros in front. */
    private static String digits(int value, int width) {
        String s = Integer.toString(value);
        return "0".repeat(width - s.length()) + s;
    }
}
