package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TestAws}'s credentials directory does not outlive the JVM (each run of scripts/local-servers left one). */
final class TestAwsTest {

    /** Installs the credentials, prints their directory and exits. */
    public static final class InstallAndExit {
        public static void main(String[] args) {
            TestAws.install();
            System.out.println(Path.of(System.getProperty("aws.configFile")).getParent());
        }
    }

    @Test
    void install_leavesNoDirectoryBehindWhenTheJvmExits() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InstallAndExit.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Path dir = Path.of(out);
        assertThat(dir.getFileName().toString()).startsWith("onfailure-aws");
        assertThat(Files.exists(dir)).as("%s after the JVM exited", dir).isFalse();
    }
}
