package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher script at the repository root ({@code ../onfailure}), run by bash in a copy of the layout it expects
 * with a {@code java} on the PATH that only records its arguments (and makes the files a training run and
 * {@code -Xshare:dump} would): which options it picks, when it makes the class-data archive again, and that it runs
 * without the archive rather than fail. Two tests at the end run the real JVM to hold the assumptions the launcher
 * rests on (one archive serves both collectors; a JVM quietly ignores an archive it cannot use).
 */
final class LauncherTest {

    private static final String SHORT = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1g";
    /** The throughput collector, and C2 kept to what is really hot (see the launcher's comment). */
    private static final String LONG = "-XX:+UseParallelGC -Xmx1g -XX:Tier4InvocationThreshold=40000"
            + " -XX:Tier4CompileThreshold=50000 -XX:Tier4BackEdgeThreshold=400000";
    private static final String MAIN = " dev.onfailure.cli.Main";

    /** Records each call as one line; makes what a training run, a dump and {@code generate} would make. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            printf '%s\\n' "$*" >> "$FAKE_JAVA_LOG"
            archive= dump= training=
            for a in "$@"; do
              case "$a" in
                -XX:DumpLoadedClassList=*) echo 'java/lang/Object' > "${a#*=}"; training=1 ;;
                -XX:SharedArchiveFile=*) archive="${a#*=}" ;;
                -Xshare:dump) dump=1 ;;
                generate) echo '{}'; exit 0 ;;
                --format) [ -n "$training" ] && cat > /dev/null ;;
              esac
            done
            if [ -n "$dump" ]; then
              [ -n "${FAKE_DUMP_FAILS-}" ] && exit 1
              echo archive > "$archive"
              exit 0
            fi
            [ -n "$training" ] && exit 0
            exit "${FAKE_EXIT:-0}"
            """;

    @TempDir
    Path dir;

    private Path root;
    private Path jar;
    private Path jsa;
    private Path bin;
    private Path log;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("checkout")).toRealPath();
        Path launcher = root.resolve("onfailure");
        Files.copy(Path.of("..", "onfailure"), launcher);
        executable(launcher);
        jar = Files.createDirectories(root.resolve("cli/target")).resolve("onfailure.jar");
        Files.writeString(jar, "jar");
        jsa = root.resolve("cli/target/onfailure.jsa");
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        Files.setLastModifiedTime(jar, FileTime.from(anHourAgo));
        bin = Files.createDirectories(dir.resolve("bin"));
        fakeJava(bin, anHourAgo.minusSeconds(3600));
        log = dir.resolve("java.log");
    }

    @Test
    void archive_missing_isMadeOnceThenUsed() throws Exception {
        Run first = run(Map.of(), "--version");
        assertThat(first.dumps()).isEqualTo(1);
        assertThat(first.stderr).contains("preparing a class-data archive");
        assertThat(first.last()).contains("-XX:SharedArchiveFile=" + jsa);
        assertThat(Files.readString(jsa.resolveSibling("onfailure.jsa.java")).strip())
                .isEqualTo(bin.resolve("java").toRealPath().toString());

        Run second = run(Map.of(), "--version");
        assertThat(second.calls).hasSize(1);
        assertThat(second.stderr).isEmpty();
        assertThat(second.last()).contains("-XX:SharedArchiveFile=" + jsa + " -Xlog:cds=off -Xlog:cds+dynamic=off -cp "
                + jar + MAIN + " --version");
    }

    @Test
    void archive_olderThanTheJar_isMadeAgain() throws Exception {
        run(Map.of(), "--version");
        Files.setLastModifiedTime(jsa, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(1)));

        Run after = run(Map.of(), "--version");
        assertThat(after.dumps()).isEqualTo(1);
        assertThat(after.last()).contains("-XX:SharedArchiveFile=");
        assertThat(run(Map.of(), "--version").dumps()).isZero();
    }

    @Test
    void javaReplacedInPlace_withAnOlderTime_makesTheArchiveAgain() throws Exception {
        run(Map.of(), "--version");
        // a package upgrade writes the new binary with the package's (older) build time, not with now
        Files.setLastModifiedTime(bin.resolve("java"), FileTime.from(Instant.now().minusSeconds(30 * 86_400)));

        assertThat(run(Map.of(), "--version").dumps()).isEqualTo(1);
        assertThat(run(Map.of(), "--version").dumps()).isZero();
    }

    @Test
    void anotherJavaFirstOnThePath_makesTheArchiveAgain() throws Exception {
        run(Map.of(), "--version");
        Path other = Files.createDirectories(dir.resolve("other-jdk/bin"));
        // the same modification time as the first java: only the path tells them apart
        fakeJava(other, Files.getLastModifiedTime(bin.resolve("java")).toInstant());

        Run after = run(Map.of("PATH", other + ":" + bin + ":" + System.getenv("PATH")), "--version");
        assertThat(after.dumps()).isEqualTo(1);
        assertThat(Files.readString(jsa.resolveSibling("onfailure.jsa.java")).strip())
                .isEqualTo(other.resolve("java").toRealPath().toString());
    }

    @Test
    void archive_emptyOrWithoutItsStamp_isMadeAgain() throws Exception {
        run(Map.of(), "--version");
        Files.write(jsa, new byte[0]);
        assertThat(run(Map.of(), "--version").dumps()).isEqualTo(1);

        Files.delete(jsa.resolveSibling("onfailure.jsa.java"));
        assertThat(run(Map.of(), "--version").dumps()).isEqualTo(1);
        assertThat(run(Map.of(), "--version").dumps()).isZero();
    }

    @Test
    void archive_thatCannotBeMade_runsWithoutIt_andIsNotTriedAgainUntilTheJarChanges() throws Exception {
        Map<String, String> failing = Map.of("FAKE_DUMP_FAILS", "1", "FAKE_EXIT", "3");
        Run first = run(failing, "validate", "x.json");
        assertThat(first.exit).isEqualTo(3);
        assertThat(first.dumps()).isEqualTo(1);
        assertThat(first.last()).doesNotContain("SharedArchiveFile").endsWith("-cp " + jar + MAIN + " validate x.json");
        assertThat(Files.exists(jsa)).isFalse();
        try (var left = Files.list(jsa.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "onfailure.jar", "onfailure.jsa.failed");
        }

        Run second = run(failing, "validate", "x.json");
        assertThat(second.calls).hasSize(1);
        assertThat(second.last()).doesNotContain("SharedArchiveFile");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(run(Map.of(), "--version").dumps()).isEqualTo(1);
        assertThat(Files.exists(jsa.resolveSibling("onfailure.jsa.failed"))).isFalse();
    }

    @Test
    void archive_thatCouldNotBeMade_isTriedAgainWithAnotherJava() throws Exception {
        run(Map.of("FAKE_DUMP_FAILS", "1"), "--version");
        assertThat(run(Map.of("FAKE_DUMP_FAILS", "1"), "--version").dumps()).isZero();
        Path other = Files.createDirectories(dir.resolve("other-jdk/bin"));
        fakeJava(other, Files.getLastModifiedTime(bin.resolve("java")).toInstant());

        Run after = run(Map.of("PATH", other + ":" + bin + ":" + System.getenv("PATH")), "--version");
        assertThat(after.dumps()).isEqualTo(1);
        assertThat(after.last()).contains("-XX:SharedArchiveFile=");
    }

    @Test
    void staleArchive_thatCannotBeMadeAgain_isNotUsed() throws Exception {
        run(Map.of(), "--version");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        Run after = run(Map.of("FAKE_DUMP_FAILS", "1"), "--version");
        assertThat(after.exit).isZero();
        assertThat(after.last()).doesNotContain("SharedArchiveFile");
    }

    @Test
    void cdsOff_runsWithoutAnArchive_andMakesNone() throws Exception {
        Run off = run(Map.of("ONFAILURE_CDS", "off"), "--version");
        assertThat(off.calls).containsExactly(LONG + " -cp " + jar + MAIN + " --version");
        assertThat(Files.exists(jsa)).isFalse();
    }

    @Test
    void validate_ofSmallLocalFiles_getsTheSerialCollectorAndC1() throws Exception {
        Path one = file("one.json", 2_000);
        Path other = file("other.json", 65_536 - 2_000);
        run(Map.of(), "--version");

        assertThat(run(Map.of(), "validate", one.toString()).last()).startsWith(SHORT + " -XX:SharedArchiveFile=");
        assertThat(run(Map.of(), "validate", "--format", "json", "--profile=strict", "--fail-on", "warning",
                "--threads", "1", "--kind", "s3", one.toString(), other.toString()).last()).startsWith(SHORT + " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "validate BIG", // one byte over the 64 KiB budget
            "validate ONE ONE_MORE", // the same, in two files
            "validate DIR", // a directory: its size is not known without walking it
            "validate", // standard input
            "validate -",
            "validate ONE -",
            "validate s3://bucket/key",
            "validate ONE sqs://queue",
            "validate s3://bucket/local", // a location even when a local path of that name exists
            "validate --delete-valid ONE", // an option the launcher does not know
            "validate -- ONE",
            "validate @ARGS",
            "validate MISSING",
            "inspect ONE",
            "--version",
    })
    void anythingElse_getsTheThroughputCollector(String line) throws Exception {
        Path one = file("one.json", 2_000);
        Path more = file("more.json", 65_536 - 2_000 + 1);
        Path big = file("big.json", 65_537);
        Path args = file("args.txt", 10);
        Files.writeString(Files.createDirectories(dir.resolve("s3:/bucket")).resolve("local"), "{}");
        List<String> words = new ArrayList<>();
        for (String w : line.split(" ")) {
            words.add(switch (w) {
                case "ONE" -> one.toString();
                case "ONE_MORE" -> more.toString();
                case "BIG" -> big.toString();
                case "DIR" -> dir.toString();
                case "@ARGS" -> "@" + args;
                case "MISSING" -> dir.resolve("missing.json").toString();
                default -> w;
            });
        }
        Run run = run(Map.of("ONFAILURE_CDS", "off"), words.toArray(String[]::new));
        assertThat(run.last()).startsWith(LONG + " -cp ");
    }

    @Test
    void javaOpts_replaceEitherChoice() throws Exception {
        Path one = file("one.json", 100);
        Map<String, String> own = Map.of("ONFAILURE_JAVA_OPTS", "-Xmx64m -Dx=1", "ONFAILURE_CDS", "off");
        assertThat(run(own, "validate", one.toString()).last())
                .isEqualTo("-Xmx64m -Dx=1 -cp " + jar + MAIN + " validate " + one);
        assertThat(run(own, "validate", dir.toString()).last()).startsWith("-Xmx64m -Dx=1 -cp ");
        Map<String, String> none = Map.of("ONFAILURE_JAVA_OPTS", "", "ONFAILURE_CDS", "off");
        assertThat(run(none, "validate", one.toString()).last()).isEqualTo("-cp " + jar + MAIN + " validate " + one);
    }

    @Test
    void theJarPath_isAbsoluteWhicheverWayTheLauncherIsCalled() throws Exception {
        String expected = " -cp " + jar + MAIN + " --version";
        Map<String, String> off = Map.of("ONFAILURE_CDS", "off");
        assertThat(run(root, off, "./onfailure", "--version").last()).endsWith(expected);
        assertThat(run(root.getParent(), off, "checkout/onfailure", "--version").last()).endsWith(expected);
        assertThat(run(root.resolve("cli"), off, "../onfailure", "--version").last()).endsWith(expected);
        assertThat(run(root.getParent(), off, "./checkout/../checkout/onfailure", "--version").last())
                .endsWith(expected);
    }

    @Test
    void aSymbolicLinkToTheLauncher_runsTheCheckoutsJar() throws Exception {
        String expected = " -cp " + jar + MAIN + " --version";
        Map<String, String> off = Map.of("ONFAILURE_CDS", "off");
        Path home = Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(home.resolve("onfailure"), root.resolve("onfailure"));
        // a relative link, and a link to that link, as `ln -s ../../checkout/onfailure` would make
        Path other = Files.createDirectories(dir.resolve("home/other"));
        Files.createSymbolicLink(other.resolve("of"), Path.of("../../checkout/onfailure"));
        Files.createSymbolicLink(home.resolve("of2"), Path.of("../other/of"));

        assertThat(run(dir, off, home.resolve("onfailure").toString(), "--version").last()).endsWith(expected);
        assertThat(run(home, off, "./onfailure", "--version").last()).endsWith(expected);
        assertThat(run(dir, off, other.resolve("of").toString(), "--version").last()).endsWith(expected);
        assertThat(run(home, off, "of2", "--version").last()).endsWith(expected);
    }

    @Test
    void theClassTheLauncherRuns_isTheJarsMainClass() throws IOException {
        String launcher = Files.readString(Path.of("..", "onfailure"));
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(launcher).contains("\nmain=" + MAIN.strip() + "\n");
        assertThat(pom).contains("<mainClass>" + MAIN.strip() + "</mainClass>");
    }

    @Test
    void realJvm_archiveDumpedWithTheParallelCollector_mapsWithTheSerialOneAndC1() throws Exception {
        Path list = Files.writeString(dir.resolve("classes.list"), "java/lang/Object\njava/lang/String\n");
        Path archive = dir.resolve("parallel.jsa");
        assertThat(java("-XX:+UseParallelGC", "-Xmx1g", "-Xlog:cds=off", "-Xshare:dump",
                "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive).exit).isZero();
        // -Xshare:on fails the JVM when the archive cannot be mapped
        Run serial = java("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx1g", "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-version");
        assertThat(serial.exit).as(serial.stderr).isZero();
    }

    @Test
    void realJvm_startsWithEachChoiceOfOptions_andTakesTheC2Thresholds() throws Exception {
        // a misspelt -XX option stops the JVM before main: every run would fail
        Run run = null;
        for (String options : List.of(SHORT, LONG)) {
            List<String> args = new ArrayList<>(List.of(options.split(" ")));
            args.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
            run = java(args.toArray(String[]::new));
            assertThat(run.exit).as(options + ": " + run.stderr).isZero();
        }
        assertThat(run.stdout).containsPattern("Tier4InvocationThreshold += 40000 ")
                .containsPattern("Tier4CompileThreshold += 50000 ").containsPattern("Tier4BackEdgeThreshold += 400000 ")
                .containsPattern("UseParallelGC += true ");
    }

    @Test
    void realJvm_ignoresAnArchiveItCannotUse_quietly() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.jsa"), "not an archive ".repeat(1000));
        Run run = java("-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + garbage, "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-version");
        assertThat(run.exit).isZero();
        assertThat(run.stderr).doesNotContainIgnoringCase("shar").doesNotContainIgnoringCase("cds")
                .contains("version");
    }

    private Path file(String name, int bytes) throws IOException {
        return Files.writeString(dir.resolve(name), "x".repeat(bytes));
    }

    private void fakeJava(Path binDir, Instant modified) throws IOException {
        Path java = binDir.resolve("java");
        Files.writeString(java, FAKE_JAVA);
        executable(java);
        Files.setLastModifiedTime(java, FileTime.from(modified));
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        return run(dir, env, root.resolve("onfailure").toString(), args);
    }

    private Run run(Path cwd, Map<String, String> env, String launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", launcher));
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("FAKE_JAVA_LOG", log.toString());
        environment.putAll(env);
        Files.deleteIfExists(log);
        Run run = start(command, cwd, environment);
        run.calls.addAll(Files.exists(log) ? Files.readAllLines(log) : List.of());
        return run;
    }

    private Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return start(command, dir, Map.of());
    }

    private static Run start(List<String> command, Path cwd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().remove("ONFAILURE_JAVA_OPTS");
        pb.environment().remove("ONFAILURE_CDS");
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static final class Run {
        final int exit;
        final String stdout;
        final String stderr;
        final List<String> calls = new ArrayList<>();

        Run(int exit, String stdout, String stderr) {
            this.exit = exit;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        String last() {
            assertThat(calls).as("java was run").isNotEmpty();
            return calls.get(calls.size() - 1);
        }

        long dumps() {
            return calls.stream().filter(c -> c.contains("-Xshare:dump")).count();
        }
    }
}
