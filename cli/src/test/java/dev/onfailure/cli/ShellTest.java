package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines {@code inspect} prints are run through a real {@code /bin/sh}, with the tool replaced by
 * {@code printf '%s\n'}: the shell must split each line into exactly the arguments meant and run nothing else.
 */
final class ShellTest {

    private static final String TOOL = "kafka-console-consumer.sh";

    /** Values a hostile record may hold, each an attempt to run {@code touch pwned} or to change the arguments. */
    private static final List<String> HOSTILE = List.of(
            "b-1.example.com:9092;touch pwned",
            "$(touch pwned)",
            "`touch pwned`",
            "it's \"quoted\"",
            "'",
            "''",
            "'\\''",
            "two words",
            "-x --evil",
            "--bootstrap-server",
            "*",
            "a|touch pwned&",
            "a && touch pwned",
            "~root",
            "$HOME",
            "\\$HOME\\",
            "a#comment",
            "{a,b}",
            "a>pwned",
            "<pwned",
            "!!",
            "",
            "héllo wörld ☃");

    @Test
    void quote_plainArguments_stayAsTheyAre() {
        assertThat(Shell.quote("b-1.example.com:9092")).isEqualTo("b-1.example.com:9092");
        assertThat(Shell.quote("--max-messages")).isEqualTo("--max-messages");
        assertThat(Shell.quote("a b")).isEqualTo("'a b'");
        assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Shell.quote("")).isEqualTo("''");
    }

    @Test
    void option_valueWithALeadingDash_isJoinedToItsName() {
        assertThat(Shell.option("--topic", "orders")).containsExactly("--topic", "orders");
        assertThat(Shell.option("--topic", "--from-beginning")).containsExactly("--topic=--from-beginning");
    }

    @Test
    void visible_controlCharacters_areWrittenOut() {
        assertThat(Shell.visible("a\nb\tc\u001b[31m\u0085")).isEqualTo("a\\nb\\tc\\u001b[31m\\u0085");
        assertThat(Shell.visible("plain ☃")).isEqualTo("plain ☃");
        // bidirectional overrides and isolates, marks, line and paragraph separators
        assertThat(Shell.visible("a\u202eb\u2066c\u2069d\u200fe\u061cf\u2028g\u2029h"))
                .isEqualTo("a\\u202eb\\u2066c\\u2069d\\u200fe\\u061cf\\u2028g\\u2029h");
        assertThat(Shell.hasControl("orders\u202e")).isTrue();
        assertThat(Shell.visible("\u200d\u00a0é")).isEqualTo("\u200d\u00a0é");
    }

    @Test
    void line_hostileValues_splitIntoExactlyTheArguments(@TempDir Path dir) throws Exception {
        for (String value : HOSTILE) {
            List<String> argv = List.of(TOOL, "--bootstrap-server", value, "--topic", value);
            assertThat(runAsShell(Shell.line(argv), dir)).as(value).isEqualTo(argv.subList(1, argv.size()));
        }
        assertNothingRan(dir);
    }

    @Test
    void line_randomPrintableText_splitsIntoExactlyTheArguments(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(20261201);
        String alphabet = " !\"#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~é☃";
        List<String> argv = new ArrayList<>(List.of(TOOL));
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            argv.add(sb.toString());
        }
        assertThat(runAsShell(Shell.line(argv), dir)).isEqualTo(argv.subList(1, argv.size()));
        assertNothingRan(dir);
    }

    @Test
    void inspect_hostileBrokersAndTopics_printLinesTheShellSplitsAsMeant(@TempDir Path dir) throws Exception {
        for (String value : HOSTILE) {
            String server = value.split(",", -1)[0];
            String record = withBrokers(value).replace("\"orders-0\"", "\"--from-beginning-0\"");
            Cli.Result r = Cli.withInput(record, "inspect");
            assertThat(r.code()).as(r.err()).isZero();
            List<String> lines = commands(r.out());
            assertThat(lines).as(value).hasSize(2);
            // a broker list that starts with a dash is joined to its option, so the tool cannot take it for one
            List<String> brokers = server.startsWith("-") ? List.of("--bootstrap-server=" + server)
                    : List.of("--bootstrap-server", server);
            List<String> first = new ArrayList<>(brokers);
            first.addAll(List.of("--topic=--from-beginning", "--partition", "0", "--offset", "1200", "--max-messages",
                    "2"));
            List<String> second = new ArrayList<>(brokers);
            second.addAll(List.of("--topic", "orders", "--partition", "1", "--offset", "77", "--max-messages", "1"));
            assertThat(runAsShell(lines.get(0), dir)).as(value).isEqualTo(first);
            assertThat(runAsShell(lines.get(1), dir)).as(value).isEqualTo(second);
        }
        assertNothingRan(dir);
    }

    @Test
    void inspect_controlCharactersInBrokers_noCommand_andNothingRawOnTheTerminal() {
        for (String value : List.of("b-1:9092\ntouch pwned", "b-1:9092\r\u001b[2Kfake", "\u001b]0;title\u0007")) {
            Cli.Result r = Cli.withInput(withBrokers(value), "inspect");
            assertThat(r.code()).isZero();
            assertThat(commands(r.out())).as(value).isEmpty();
            assertThat(r.out()).contains("no command: the broker list holds control characters")
                    .contains("brokers:      " + Shell.visible(value) + "\n")
                    .doesNotContain("\u001b").doesNotContain("\r").doesNotContain("\u0007");
        }
    }

    /** The documented S3 record (whose ranges are orders-0 and orders-1) with {@code value} as its broker list. */
    private static String withBrokers(String value) {
        String json = HandMadeRecords.named("string-payload.s3.json").json();
        String before = "\"bootstrapServers\": \"";
        int start = json.indexOf(before);
        assertThat(start).as("the fixture has bootstrapServers").isPositive();
        int end = json.indexOf('"', start + before.length());
        return json.substring(0, start) + "\"bootstrapServers\": " + Json.write(JsonString.of(value))
                + json.substring(end + 1);
    }

    private static List<String> commands(String out) {
        return Stream.of(out.split("\n")).map(String::strip).filter(l -> l.startsWith(TOOL)).toList();
    }

    /** Runs {@code line} with its tool replaced by {@code printf '%s\n'}: one output line per argument. */
    private static List<String> runAsShell(String line, Path dir) throws IOException, InterruptedException {
        assertThat(line).startsWith(TOOL + " ");
        String script = "printf '%s\\n' " + line.substring(TOOL.length() + 1);
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(script).isZero();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static void assertNothingRan(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("files the shell made").isEmpty();
        }
    }
}
