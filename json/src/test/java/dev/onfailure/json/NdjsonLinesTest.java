package dev.onfailure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class NdjsonLinesTest {

    private static final ReadLimits DEFAULTS = ReadLimits.defaults();

    /** Each document as its line number and text (bytes as ISO-8859-1). */
    private static List<String> split(InputStream in, ReadLimits limits) throws IOException {
        NdjsonLines lines = NdjsonLines.over(in, limits);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(lines.lineNumber() + " " + new String(lines.document(), StandardCharsets.ISO_8859_1));
        }
        assertThat(lines.next()).as("after the end").isFalse();
        return out;
    }

    private static List<String> split(String text, ReadLimits limits) throws IOException {
        return split(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), limits);
    }

    private static ReadLimits max(long bytes) {
        return ReadLimits.builder().maxDocumentBytes(bytes).build();
    }

    @Test
    void lines_areDocuments_numberedFromOne() throws IOException {
        assertThat(split("{\"a\":1}\n{\"b\":2}\n", DEFAULTS)).containsExactly("1 {\"a\":1}", "2 {\"b\":2}");
    }

    @Test
    void crlf_keepsTheCarriageReturn_inTheDocument() throws IOException {
        assertThat(split("{}\r\n[]\r\n", DEFAULTS)).containsExactly("1 {}\r", "2 []\r");
    }

    @Test
    void blankLines_areSkipped_butCounted() throws IOException {
        assertThat(split("\n  \t\n{}\n\r\n\n[]\n \n", DEFAULTS)).containsExactly("3 {}", "6 []");
    }

    @Test
    void lastLine_withoutNewline_isADocument() throws IOException {
        assertThat(split("{}\n[1]", DEFAULTS)).containsExactly("1 {}", "2 [1]");
    }

    @Test
    void emptyOrBlankStream_hasNoDocuments_andCountsItsLines() throws IOException {
        assertThat(split("", DEFAULTS)).isEmpty();
        NdjsonLines lines = NdjsonLines.over(new ByteArrayInputStream("\n \n\t".getBytes(StandardCharsets.UTF_8)),
                DEFAULTS);
        assertThat(lines.next()).isFalse();
        assertThat(lines.lineNumber()).isEqualTo(3);
    }

    @Test
    void lineOverTheLimit_keepsTheLimitAndOneByte_soParsingReportsTheLimit() throws IOException {
        ReadLimits limits = max(8);
        List<String> docs = split("[1,2,3,4,5,6,7]\n[1]\n", limits);
        assertThat(docs).containsExactly("1 [1,2,3,4,", "2 [1]");
        byte[] cut = "[1,2,3,4,".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Json.parse(cut, limits)).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.problem()).isEqualTo(ReadException.Problem.LIMIT));
    }

    @Test
    void lineAtTheLimitAndOneByte_isWhole() throws IOException {
        assertThat(split("123456789\n", max(8))).containsExactly("1 123456789");
        assertThat(split("1234567890\n", max(8))).containsExactly("1 123456789");
    }

    @Test
    void lineBlankUpToTheCut_butNotAfter_isADocument() throws IOException {
        assertThat(split("          x\n{}\n", max(3))).containsExactly("1     ", "2 {}");
        assertThat(split("             \n{}\n", max(3))).containsExactly("2 {}");
    }

    @Test
    void lineSpanningBufferRefills_isOneDocument() throws IOException {
        byte[] longLine = new byte[(1 << 16) * 2 + 5];
        Arrays.fill(longLine, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('1');
        out.write('\n');
        out.write(longLine);
        out.write('\n');
        out.write('2');
        List<String> docs = split(new ByteArrayInputStream(out.toByteArray()), DEFAULTS);
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0)).isEqualTo("1 1");
        assertThat(docs.get(1)).isEqualTo("2 " + new String(longLine, StandardCharsets.ISO_8859_1));
        assertThat(docs.get(2)).isEqualTo("3 2");
    }

    @Test
    void lines_areTheSplitOnNewlines_whateverTheReadsReturn() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = NdjsonSamples.random(random);
            long maxBytes = random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(100);
            int chunk = 1 + random.nextInt(1 << 17);
            assertThat(split(new Chunked(bytes, chunk), max(maxBytes))).as("round %d", round)
                    .isEqualTo(NdjsonSamples.plainSplit(bytes, maxBytes));
        }
    }

    @Test
    void failingStream_throws_withTheLinesReadWholeBefore_andThenEnds() throws IOException {
        InputStream failing = new InputStream() {
            private final InputStream head = new ByteArrayInputStream("{}\n\n{\"a\"".getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() throws IOException {
                int b = head.read();
                if (b < 0) {
                    throw new IOException("gone");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = head.read(b, off, len);
                if (n < 0) {
                    throw new IOException("gone");
                }
                return n;
            }
        };
        NdjsonLines lines = NdjsonLines.over(failing, DEFAULTS);
        assertThat(lines.next()).isTrue();
        assertThat(lines.lineNumber()).isEqualTo(1);
        assertThatThrownBy(lines::next).isInstanceOf(IOException.class).hasMessage("gone");
        assertThat(lines.lineNumber()).isEqualTo(2);
        assertThat(lines.next()).isFalse();
    }

    @Test
    void document_withoutACurrentOne_isAProgrammerError() throws IOException {
        NdjsonLines lines = NdjsonLines.over(new ByteArrayInputStream(new byte[] {'1'}), DEFAULTS);
        assertThatThrownBy(lines::document).isInstanceOf(IllegalStateException.class);
        assertThat(lines.next()).isTrue();
        assertThat(lines.document()).containsExactly((byte) '1');
        assertThat(lines.next()).isFalse();
        assertThatThrownBy(lines::document).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stream_isNotClosed() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("{}\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(split(in, DEFAULTS)).containsExactly("1 {}");
        assertThat(closed[0]).isFalse();
    }

    /** A stream whose reads return at most {@code chunk} bytes, as a socket or a decompressor may. */
    private static final class Chunked extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int pos;

        Chunked(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
