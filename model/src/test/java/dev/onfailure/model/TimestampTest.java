package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
}
