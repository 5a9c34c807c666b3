package dev.onfailure.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed schemas are exactly what {@code src/build/generate_schemas.py} writes: a hand edit of a JSON file,
 * or a script change without the files it makes, fails here. The script runs on a copy, so the tree is not touched.
 */
final class GeneratedSchemasTest {

    private static final Path SCRIPT = Path.of("src/build/generate_schemas.py");
    private static final Path COMMITTED = Path.of("src/main/resources/dev/onfailure/schema");

    @Test
    void committedSchemas_areWhatTheScriptWrites(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("src/build/generate_schemas.py");
        Files.createDirectories(script.getParent());
        Files.copy(SCRIPT, script);
        Path written = dir.resolve("src/main/resources/dev/onfailure/schema");
        for (Profile p : Profile.values()) {
            Files.createDirectories(written.resolve(p.id()));
        }
        run(script);
        List<Path> expected = files(COMMITTED);
        assertThat(files(written)).as("the files the script writes").isEqualTo(expected).isNotEmpty();
        for (Path f : expected) {
            assertThat(Files.readString(written.resolve(f), StandardCharsets.UTF_8))
                    .as("%s differs from what generate_schemas.py writes: edit the script, run it, commit both", f)
                    .isEqualTo(Files.readString(COMMITTED.resolve(f), StandardCharsets.UTF_8));
        }
    }

    private static void run(Path script) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("python3 is needed to check the schemas against generate_schemas.py, and could not be started: "
                    + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("generate_schemas.py finished").isTrue();
        assertThat(p.exitValue()).as("generate_schemas.py: %s", out).isZero();
    }

    /** The JSON files under {@code root}, relative to it, sorted. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.toString().endsWith(".json")).map(root::relativize).sorted().toList();
        }
    }
}
