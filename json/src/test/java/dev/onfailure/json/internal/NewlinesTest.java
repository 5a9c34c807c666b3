package dev.onfailure.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class NewlinesTest {

    @Test
    void find_returnsTheFirstNewline_atEveryOffset_orTheEnd() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at <= length; at++) {
                byte[] b = new byte[length];
                Arrays.fill(b, (byte) ('\n' ^ 0x80));   // one bit away from a newline
                if (at < length) {
                    b[at] = '\n';
                }
                for (int from = 0; from <= length; from++) {
                    int expected = from <= at ? at : length;
                    assertThat(Newlines.find(b, from, length)).as("length %d, newline at %d, from %d", length, at,
                            from).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void find_takesTheFirstOfSeveral_andIgnoresBytesPastTheEnd() {
        byte[] b = "abcdefghij\nklm\nopq\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Newlines.find(b, 0, b.length)).isEqualTo(10);
        assertThat(Newlines.find(b, 11, b.length)).isEqualTo(14);
        assertThat(Newlines.find(b, 0, 9)).isEqualTo(9);
    }
}
