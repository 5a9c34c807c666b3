package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.fixtures.HandMadeRecord;
import dev.onfailure.fixtures.HandMadeRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real fuzzing run of each Jazzer target in the normal build (a few thousand executions from the seed
 * corpus); the long run is {@code scripts/fuzz}, described in FUZZING.md.
 */
final class FuzzSmokeTest {

    /** Executions per target in the normal build. */
    private static final int RUNS = Integer.getInteger("fuzz.runs", 3000);

    @ParameterizedTest
    @ValueSource(classes = {ReadFuzzTarget.class, ValidateFuzzTarget.class, FormatFuzzTarget.class})
    void target_survivesAShortRun(Class<?> target, @TempDir Path dir) throws Exception {
        Path corpus = seeds(dir.resolve("corpus"));
        Path log = dir.resolve("jazzer.log");
        List<String> command = new ArrayList<>(List.of(
                // 512 MB: before fuzzing, Jazzer scans the whole test class path for hooks (the in-process servers of
                // the sources tests make it large); the command itself is held to 256 MB by HostileCliTest.
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.getName(),
                "--instrumentation_includes=dev.onfailure.**",
                "-runs=" + RUNS, "-seed=1", "-rss_limit_mb=0", corpus.toString()));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("finished in time:%n%s", tail(output)).isTrue();
        assertThat(p.exitValue()).as("Jazzer found a crash:%n%s", tail(output)).isZero();
        // libFuzzer counts the seed inputs it replays too, so it may report a few more runs than asked for.
        java.util.regex.Matcher done = java.util.regex.Pattern.compile("Done (\\d+) runs").matcher(output);
        assertThat(done.find()).as("a finished run:%n%s", tail(output)).isTrue();
        assertThat(Integer.parseInt(done.group(1))).isGreaterThanOrEqualTo(RUNS);
    }

    /** Writes the seed corpus: the conformance corpus, the hand-made records and AWS's examples. */
    static Path seeds(Path dir) throws IOException {
        Files.createDirectories(dir);
        int i = 0;
        for (CorpusCase c : Corpus.cases()) {
            Files.writeString(dir.resolve("corpus-" + i++), c.text(), StandardCharsets.UTF_8);
        }
        for (HandMadeRecord r : HandMadeRecords.all()) {
            Files.writeString(dir.resolve("record-" + i++), r.json(), StandardCharsets.UTF_8);
        }
        for (ExampleInstance e : DocumentedExamples.allInstances()) {
            Files.writeString(dir.resolve("aws-" + i++), e.json(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
