package dev.onfailure.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random NDJSON-ish streams and the plainest split of them, for the law that a splitter's documents are the split on
 * newlines: blank lines skipped, long ones cut. Shared with the command's tests through this module's test jar.
 */
public final class NdjsonSamples {

    private static final byte[] ALPHABET =
            {'a', '{', '}', '"', ' ', '\t', '\r', '\n', '\n', 0, (byte) 0xC3, (byte) 0xFF};

    private NdjsonSamples() {
    }

    /**
     * Up to eleven lines of bytes that include blanks, carriage returns, NULs and invalid UTF-8, with lengths around
     * the 64 KiB read buffer and the 8-byte steps of the newline search; the last newline is there or not.
     */
    public static byte[] random(SplittableRandom random) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int lines = random.nextInt(12);
        for (int l = 0; l < lines; l++) {
            int length = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(20);
                case 1 -> random.nextInt(200);
                case 2 -> (1 << 16) - 8 + random.nextInt(16);
                default -> random.nextInt(3 << 16);
            };
            for (int i = 0; i < length; i++) {
                content.write(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            if (l < lines - 1 || random.nextBoolean()) {
                content.write('\n');
            }
        }
        return content.toByteArray();
    }

    /**
     * The documents of {@code bytes} by the plainest split, each as its line number, a space and its bytes as
     * ISO-8859-1, cut at {@code maxBytes + 1} bytes.
     */
    public static List<String> plainSplit(byte[] bytes, long maxBytes) {
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
                out.add(number + " " + new String(cut, StandardCharsets.ISO_8859_1));
            }
            start = i + 1;
        }
        return out;
    }
}
