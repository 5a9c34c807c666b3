package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Output that goes to a pipe is plain on every JDK the command runs on: JDK 22 to 24 return a console even when the
 * streams are redirected, so a test of {@code System.console() != null} alone would colour a pipe there. Runs the
 * command as a process, on this JDK and on every other JDK installed beside it.
 */
final class TerminalTest {

    @Test
    void noConsole_isNotATerminal() {
        assertThat(Terminal.isTerminal(null)).isFalse();
    }

    @Test
    void thisJvm_underTests_isNotATerminal() {
        assertThat(Terminal.isInteractive()).isFalse();
    }

    @Test
    void redirectedOutput_isPlain_onEveryInstalledJdk() throws Exception {
        List<Path> javas = javas();
        assertThat(javas).as("at least the JDK running the tests").isNotEmpty();
        for (Path java : javas) {
            // help is coloured by the same decision as the findings, and needs no validator to start
            Process p = command(java, "validate", "--help");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(java + ": " + out).isZero();
            assertThat(out).as(java.toString()).contains("Usage: onfailure validate").doesNotContain("\u001b[");
            Process forced = command(java, "validate", "--color", "always", "--help");
            String coloured = new String(forced.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            forced.waitFor();
            assertThat(coloured).as(java.toString()).contains("\u001b[");
        }
    }

    private static Process command(Path java, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("NO_COLOR");
        pb.environment().remove("CLICOLOR_FORCE");
        return pb.start();
    }

    /** This JDK, and every JDK in /usr/lib/jvm that can run Java 17 classes (17 and later). */
    private static List<Path> javas() throws IOException {
        List<Path> javas = new ArrayList<>();
        javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && release(d) >= 17)
                        .map(d -> d.resolve("bin/java")).sorted().forEach(javas::add);
            }
        }
        return javas;
    }

    private static int release(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
