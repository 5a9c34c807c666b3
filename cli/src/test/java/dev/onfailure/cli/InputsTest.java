package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.NdjsonSamples;
import dev.onfailure.json.ReadLimits;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
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
        for (int round = 0; round < 300; round++) {
            byte[] bytes = NdjsonSamples.random(random);
            long maxBytes = random.nextBoolean() ? 1 << 20 : 1 + random.nextInt(100);
            java.nio.file.Path file = dir.resolve("round-" + round + ".ndjson");
            java.nio.file.Files.write(file, bytes);
            assertThat(read(file, maxBytes)).as("round %d", round).isEqualTo(NdjsonSamples.plainSplit(bytes, maxBytes));
        }
    }

    /** Each unit as its line number and text (bytes as ISO-8859-1). */
    private static List<String> read(java.nio.file.Path file, long maxBytes) {
        List<String> out = new ArrayList<>();
        Iterator<Inputs.Unit> units = Inputs.units(List.of(file.toString()), new ByteArrayInputStream(new byte[0]),
                ReadLimits.builder().maxDocumentBytes(maxBytes).build());
        while (units.hasNext()) {
            Inputs.Unit u = units.next();
            assertThat(u.source()).isEqualTo(u.path() + ":" + u.line());
            out.add(u.line() + " " + new String(u.data(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    /**
     * A Latin-1 file name on a UTF-8 system: the JVM gives the argument with U+FFFD for the byte it cannot decode, which
     * names no file; the command finds it as its directory's one entry of that text, and reads it.
     */
    @Test
    void aNameThatIsNotUtf8_givenAsAnArgument_isRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")));
        Process p = new ProcessBuilder("sh", "-c", "printf '{\"a\":1}' > \"$0/caf$(printf '\\351').json\"",
                dir.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        java.nio.file.Path asGiven = dir.resolve("caf\uFFFD.json");
        assertThat(java.nio.file.Files.exists(asGiven)).as("the text names no file").isFalse();
        assertThat(java.nio.file.Files.readString(Inputs.named(asGiven))).isEqualTo("{\"a\":1}");
        assertThat(Inputs.named(dir.resolve("plain.json"))).isEqualTo(dir.resolve("plain.json"));

        Cli.Result r = Cli.run("validate", "--format", "json", asGiven.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);   // {"a":1} is no failure record
        assertThat(r.out()).contains("record.unknown-kind").doesNotContain("no such file");
        assertThat(r.err()).doesNotContain("no such file");
        Cli.Result format = Cli.run("format", asGiven.toString());
        assertThat(format.err()).doesNotContain("no such file");
    }
}
