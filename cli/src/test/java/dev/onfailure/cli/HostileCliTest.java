package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.fixtures.HostileCase;
import dev.onfailure.fixtures.HostileCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on a directory of hostile inputs, in this module's 256 MB test heap: every input is reported (the
 * unreadable ones on standard error), the exit code is 2, and no stack trace is printed.
 */
final class HostileCliTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void directoryOfHostileInputs_everyInputReported(@TempDir Path dir) throws Exception {
        List<HostileCase> cases = HostileCorpus.cases();
        Map<String, HostileCase> byFile = new HashMap<>();
        for (HostileCase c : cases) {
            Path file = dir.resolve(c.name() + ".json");
            Files.write(file, c.bytes().get());
            byFile.put(file.toString(), c);
        }
        Files.createSymbolicLink(dir.resolve("zz-broken-link.json"), dir.resolve("missing.json"));
        Files.createDirectories(dir.resolve("zz-directory.json"));
        Path fifo = dir.resolve("zz-fifo.json");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        Files.write(dir.resolve("zz-binary.ndjson"), new byte[] {0, 1, 2, (byte) 0xFF, '\n', '{', '\n', '[', ']'});
        try (var out = Files.newOutputStream(dir.resolve("zz-huge.json"))) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 60; i++) {
                out.write(chunk);
            }
        }

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(180),
                () -> Cli.run("validate", "--format", "json", dir.toString()));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("zz-broken-link.json: a broken symbolic link")
                .doesNotContain("\tat ").doesNotContain("Exception");
        if (haveFifo) {
            assertThat(r.err()).contains("zz-fifo.json: not a regular file");
        }
        Map<String, TreeSet<String>> codes = new HashMap<>();
        for (String line : r.out().split("\n")) {
            JsonNode n = MAPPER.readTree(line);
            String source = n.path("source").asText().replaceFirst("(\\.json)[:#].*$", "$1");
            TreeSet<String> set = codes.computeIfAbsent(source, k -> new TreeSet<>());
            n.path("findings").forEach(f -> set.add(f.path("code").asText()));
        }
        for (Map.Entry<String, HostileCase> e : byFile.entrySet()) {
            assertThat(codes).as("reported: %s", e.getKey()).containsKey(e.getKey());
            assertThat(codes.get(e.getKey())).as(e.getKey()).containsExactlyElementsOf(e.getValue().expectedCodes());
        }
        assertThat(codes.get(dir.resolve("zz-huge.json").toString())).containsExactly("json.limit");
        assertThat(r.out()).contains(dir.resolve("zz-binary.ndjson") + ":1\"").contains(dir.resolve("zz-binary.ndjson")
                + ":3\"");
    }

    /**
     * The commands that read one document refuse a FIFO as {@code validate} does, instead of opening it and waiting
     * for ever for a writer.
     */
    @Test
    void singleDocumentCommands_refuseAFifo_neverWaitForAWriter(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("record.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        List<String[]> commands = List.of(
                new String[] {"format", fifo.toString()},
                new String[] {"inspect", fifo.toString()},
                new String[] {"build", "--event", fifo.toString(), "--condition", "RetryAttemptsExhausted",
                    "--function-arn", "arn:aws:lambda:us-east-1:123456789012:function:f", "--destination", "s3"});
        for (String[] args : commands) {
            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(args));

            assertThat(r.code()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).as(args[0]).isEqualTo("onfailure: " + fifo + ": cannot read: not a regular file\n");
        }
    }

    /** Links are followed as Spark's listing follows them; a loop is one problem line, never a hang. */
    @Test
    void symbolicLinks_toDirectoriesAreFollowed_aLoopIsOneProblem(@TempDir Path dir) throws Exception {
        byte[] record = dev.onfailure.sources.Corpus.of(dev.onfailure.schema.Kind.S3).values().iterator().next();
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("a.json"), record);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/sub"));
        Files.write(elsewhere.resolve("b.json"), record);
        Files.createSymbolicLink(data.resolve("linked"), elsewhere);
        Files.createSymbolicLink(elsewhere.resolve("back"), data);

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Cli.run("validate", "--format", "json", data.toString()));

        List<String> sources = new java.util.ArrayList<>();
        for (String line : r.out().split("\n")) {
            sources.add(MAPPER.readTree(line).get("source").asText());
        }
        assertThat(sources).containsExactly(data.resolve("a.json").toString(),
                data.resolve("linked/b.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(data.resolve("linked/back") + ": leads back to a directory above it (a symbolic link"
                + " loop): not read again").doesNotContain("Exception");
    }

    @Test
    void hostileStdin_isReportedNotThrown() {
        Cli.Result r = Cli.withInput("[".repeat(200_000), "validate", "-");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("json.limit");
        assertThat(r.err()).isEmpty();
        Cli.Result format = Cli.withInput("{\"a\":" + "1".repeat(5_000) + "}", "format");
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("json.limit").doesNotContain("\tat ");
    }

    /**
     * A record's text with control characters (a topic, a condition that clear the screen, retitle the terminal,
     * ring the bell, break the line): the text output writes them out, one line per finding; JSON escapes them.
     */
    @Test
    void textOutput_neverSendsARecordsControlCharactersToTheTerminal(@TempDir Path dir) throws Exception {
        String doc = dev.onfailure.fixtures.DocumentedExamples.sqsSns().instances().stream().map(i -> i.json())
                .filter(j -> j.contains("\"RetryAttemptsExhausted\"")).findFirst().orElseThrow()
                .replace("\"RetryAttemptsExhausted\"", "\"Retry\\u001b[2J\\u001b]0;owned\\u0007\\nnext\u009b\"");
        Path file = dir.resolve("r.json");
        Files.writeString(file, doc);

        Cli.Result text = Cli.run("validate", "--color", "never", file.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Retry\\u001b[2J\\u001b]0;owned\\u0007\\nnext\\u009b")
                .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
        assertThat(text.out().lines().filter(l -> l.contains("record.unknown-condition")).count()).isEqualTo(1);

        // a finding's pointer names the member the parser stopped in, as the document spells it
        Cli.Result format = Cli.withInput("{\"a\\u001b[31m\":[1,}", "format");
        assertThat(format.code()).isEqualTo(1);
        assertThat(format.err()).contains("json.syntax at /a\\u001b[31m").doesNotContain("\u001b");

        Cli.Result json = Cli.run("validate", "--format", "json", file.toString());
        assertThat(json.out()).contains("\\u001b[2J").doesNotContain("\u001b");
    }

    /**
     * A file name is the user's, but it can hold anything but a slash: an unreadable file named with an escape sequence
     * and a newline gives one problem line on standard error, the escape and the newline written out.
     */
    @Test
    void problemLines_writeAFileNamesControlCharactersOut(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("a\u001b[2J\nb.json");
        Files.createSymbolicLink(link, dir.resolve("missing.json"));

        Cli.Result r = Cli.run("validate", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a\\u001b[2J\\nb.json: a broken symbolic link")
                .doesNotContain("\u001b").doesNotContain("\tat ");
        assertThat(r.err().lines().filter(l -> l.contains("broken symbolic link")).count()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.equals("b.json: a broken symbolic link"))).isEmpty();
    }
}
