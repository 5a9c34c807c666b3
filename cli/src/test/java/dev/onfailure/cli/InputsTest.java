package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NDJSON as lines: the units are what a plain split on newlines gives, whatever the buffer boundaries. */
final class InputsTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void lines_areTheSplitOnNewlines_blankOnesSkipped_longOnesCut() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        byte[] alphabet = {'a', '{', '}', '"', ' ', '\t', '\r', '\n', '\n', 0, (byte) 0xC3, (byte) 0xFF};
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            int lines = random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                // lengths around the 64 KiB read buffer and the 8-byte steps of the newline search
                int length = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(20);
                    case 1 -> random.nextInt(200);
                    case 2 -> (1 << 16) - 8 + random.nextInt(16);
                    default -> random.nextInt(3 << 16);
                };
                for (int i = 0; i < length; i++) {
                    content.write(alphabet[random.nextInt(alphabet.length)]);
                }
                if (l < lines - 1 || random.nextBoolean()) {
                    content.write('\n');
                }
            }
            long maxBytes = random.nextBoolean() ? 1 << 20 : random.nextInt(100);
            byte[] bytes = content.toByteArray();
            java.nio.file.Path file = dir.resolve("round-" + round + ".ndjson");
            java.nio.file.Files.write(file, bytes);
            assertThat(read(file, maxBytes)).as("round %d", round).isEqualTo(expected(bytes, maxBytes));
        }
    }

    /** Each unit as its line number and text (bytes as ISO-8859-1). */
    private static List<String> read(java.nio.file.Path file, long maxBytes) {
        List<String> out = new ArrayList<>();
        Iterator<Inputs.Unit> units = Inputs.units(List.of(file.toString()), new ByteArrayInputStream(new byte[0]),
                maxBytes);
        while (units.hasNext()) {
            Inputs.Unit u = units.next();
            assertThat(u.source()).isEqualTo(u.path() + ":" + u.line());
            out.add(u.line() + " " + new String(u.data(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /** The same, by the plainest split. */
    private static List<String> expected(byte[] bytes, long maxBytes) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        List<String> out = new ArrayList<>();
        int start = 0;
        int number = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') {
                continue;
            }
            if (i == bytes.length && start == i) {
                break;   // nothing after the last newline
            }
            number++;
            byte[] line = Arrays.copyOfRange(bytes, start, i);
            boolean blank = true;
            for (byte b : line) {
                blank &= Character.isWhitespace(b);
            }
            if (!blank) {
                byte[] cut = Arrays.copyOf(line, Math.min(line.length, cap));
                out.add(number + " " + new String(cut, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            start = i + 1;
        }
        return out;
    }
}
