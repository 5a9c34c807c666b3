package dev.onfailure.cli;

import static dev.onfailure.cli.Cli.FIXTURES;
import static dev.onfailure.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options' vocabularies: picocli converts them in any case, lists them in help and names them when wrong. */
final class OptionsTest {

    private static final String SWAPPED = FIXTURES + "corpus/invalid/kafka.offset-order/swapped.json";
    private static final String VALID = FIXTURES + "corpus/valid/in-sqs-event.json";
    private static final String MISSING = "target/no-such-dir/client.properties";

    @Test
    void enumOptions_acceptTheirSpellingsInAnyCase() {
        assertThat(run("validate", "--profile", "STRICT", "--aws-examples").code()).isEqualTo(1);
        assertThat(run("validate", "--profile", "Tolerant", "--aws-examples").code()).isZero();
        assertThat(run("validate", "--format", "JSON", VALID).out()).startsWith("{\"source\":");
        assertThat(run("validate", "--format", "Sarif", VALID).out()).contains("\"version\": \"2.1.0\"");
        assertThat(run("validate", "--fail-on", "WARNING", "--aws-examples").code()).isEqualTo(1);
        assertThat(run("validate", "--kind", "KAFKA.S3", SWAPPED).out()).contains("schema.required");
        assertThat(run("generate", "--kind", "Kafka.Topic", "--count", "2").out()).doesNotContain("recordsInfo");
        assertThat(run("format", "--order", "SORTED", "--compact", VALID).code()).isZero();
        assertThat(run("schema", "KAFKA.COMMON").out()).contains("\"conditionResponse\"");
        assertThat(run("schema", "kafka.event", "--profile", "strict").code()).isZero();
    }

    @Test
    void enumOptions_wrongValue_namesTheCandidates_exit2() {
        Cli.Result r = run("validate", "--format", "xml", VALID);
        assertThat(r.code()).isEqualTo(2);
        // the values as the help lists them, not the constants' names beside them
        assertThat(r.err()).startsWith("onfailure: Invalid value for option '--format': expected one of text, json,"
                + " sarif but was 'xml'\n").contains("Try 'onfailure validate --help'");
        assertThat(run("validate", "--kind", "kafka.x").err()).contains("kafka.sqs-sns").contains("kafka.event")
                .doesNotContain("SQS_SNS");
        assertThat(run("validate", "--profile", "lax", VALID).err())
                .contains("expected one of tolerant, strict but was 'lax'");
        assertThat(run("build", "--event", "-", "--condition", "c", "--function-arn", "a", "--destination", "sqs")
                .err()).contains("sqs-sns").contains("but was 'sqs'");
        assertThat(run("schema", "nope").err()).contains("kafka.common");
    }

    @Test
    void locationOptions_wrongValue_isOneLineNamingTheOption_exit2() {
        String url = "expected an http:// or https:// URL such as http://127.0.0.1:9000, not ";
        String region = "expected a region name such as eu-west-1, not ";
        java.util.Map<List<String>, String> cases = java.util.Map.of(
                List.of("--endpoint-url", "ftp://127.0.0.1:9000"),
                "Invalid value for option '--endpoint-url': " + url + "ftp://127.0.0.1:9000",
                List.of("--endpoint-url", "127.0.0.1:9000"),
                "Invalid value for option '--endpoint-url': " + url + "127.0.0.1:9000",
                List.of("--endpoint-url", "http://[bad"),
                "Invalid value for option '--endpoint-url': " + url + "http://[bad",
                List.of("--endpoint-url", "file:///tmp/x"),
                "Invalid value for option '--endpoint-url': " + url + "file:///tmp/x",
                List.of("--region", "not a region"),
                "Invalid value for option '--region': " + region + "'not a region'",
                List.of("--region", "EU-WEST-1"),
                "Invalid value for option '--region': " + region + "'EU-WEST-1'",
                List.of("--max-messages", "0"), "--max-messages must be at least 1, not 0",
                List.of("--from-offset", "-1"), "--from-offset must be at least 0, not -1",
                List.of("--kafka-config", MISSING), "--kafka-config " + MISSING + ": no such file",
                List.of("--kafka-config", "target"), "--kafka-config target: not a regular file");
        for (java.util.Map.Entry<List<String>, String> c : cases.entrySet()) {
            for (String command : List.of("validate", "fetch")) {
                List<String> args = new java.util.ArrayList<>(List.of(command, "--bootstrap-server", "127.0.0.1:1"));
                args.addAll(c.getKey());
                args.add("sqs://dlq");
                Cli.Result r = run(args.toArray(String[]::new));

                assertThat(r.code()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err().lines().toList()).as(args.toString()).hasSizeBetween(1, 2)
                        .first().isEqualTo("onfailure: " + c.getValue());
                assertThat(r.err()).as(args.toString()).doesNotContain("\tat ");
            }
        }
    }

    /** A --kafka-config file that is not a properties file is one line naming it, not Properties.load's words alone. */
    @Test
    void kafkaConfig_notAPropertiesFile_isOneLineNamingIt_exit2(@TempDir Path dir) throws Exception {
        Path escape = Files.writeString(dir.resolve("escape.properties"), "a=\\u12\n");
        Path binary = Files.write(dir.resolve("binary.properties"), new byte[] {'a', '=', (byte) 0xff, (byte) 0xfe, '\n'});
        Map<Path, String> cases = Map.of(
                escape, "not a properties file: Malformed \\uxxxx encoding.",
                binary, "not UTF-8 text (is it a properties file?)");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            for (String command : List.of("fetch", "redrive")) {
                List<String> args = new java.util.ArrayList<>(List.of(command, "--bootstrap-server", "127.0.0.1:1",
                        "--kafka-config", c.getKey().toString(), VALID));
                if (command.equals("redrive")) {
                    args.addAll(List.of("--to-topic", "replay"));
                }
                Cli.Result r = run(args.toArray(String[]::new));

                assertThat(r.code()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err()).as(args.toString())
                        .isEqualTo("onfailure: --kafka-config " + c.getKey() + ": " + c.getValue() + "\n");
            }
        }
    }

    /** A consumer.properties file reused as --kafka-config names a group: left out, as kafka:// leaves it out. */
    @Test
    void kafkaConfig_withAGroupId_isTakenWithoutTheGroup(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("consumer.properties"), "group.id=orders-consumer\n");
        for (String command : List.of("fetch", "redrive")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--bootstrap-server", "127.0.0.1:1",
                    "--timeout", "1s", "--kafka-config", config.toString(), VALID));
            if (command.equals("redrive")) {
                args.addAll(List.of("--to-topic", "replay", "--checkpoint", dir.resolve("c").toString()));
            }
            Cli.Result r = run(args.toArray(String[]::new));

            assertThat(r.code()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(args.toString()).doesNotContain("group.id")
                    .contains("bootstrap server 127.0.0.1:1 did not answer within 1 s");
        }
    }

    /** An option of one kind of location, without such a location, would be ignored without a word: it is refused. */
    @Test
    void locationOptions_withoutTheirLocation_areOneLine_exit2() {
        java.util.Map<List<String>, String> cases = java.util.Map.of(
                List.of("--since", "2026-11-30"), "--since applies to s3:// locations, and none is given",
                List.of("--until", "2026-11-30T00:00:00Z"), "--until applies to s3:// locations, and none is given",
                List.of("--max-messages", "5"), "--max-messages applies to sqs:// locations, and none is given",
                List.of("--from-offset", "5"), "--from-offset applies to kafka:// locations, and none is given",
                List.of("--from-time", "2026-11-30"), "--from-time applies to kafka:// locations, and none is given",
                List.of("--ca-bundle", "ca.pem"), "--ca-bundle applies to s3:// and sqs:// locations, and none is"
                        + " given (a Kafka cluster's certificates are trusted with ssl.truststore.* in the"
                        + " --kafka-config file)");
        for (java.util.Map.Entry<List<String>, String> c : cases.entrySet()) {
            for (String command : List.of("validate", "inspect", "format")) {
                List<String> args = new java.util.ArrayList<>(List.of(command));
                args.addAll(c.getKey());
                args.add(VALID);
                Cli.Result r = run(args.toArray(String[]::new));

                assertThat(r.code()).as(args.toString()).isEqualTo(ExitCodes.USAGE);
                assertThat(r.out()).as(args.toString()).isEmpty();
                assertThat(r.err().lines().toList()).as(args.toString()).hasSize(2)
                        .first().isEqualTo("onfailure: " + c.getValue());
            }
        }
        Cli.Result kafkaOnly = run("validate", "--ca-bundle", "ca.pem", "--bootstrap-server", "127.0.0.1:1",
                "kafka://failures");
        assertThat(kafkaOnly.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(kafkaOnly.err()).startsWith("onfailure: --ca-bundle applies to s3:// and sqs:// locations");
        Cli.Result empty = run("validate", "--ca-bundle", "", "s3://bucket");
        assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("expected a PEM file of certificates, not ''").doesNotContain("\tat ");
        Cli.Result delete = run("validate", "--delete-valid", VALID);
        assertThat(delete.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(delete.err()).startsWith("onfailure: --delete-valid applies to sqs:// locations, and none is given");
        for (String command : List.of("fetch", "redrive")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--bootstrap-server", "127.0.0.1:1",
                    "--since", "2026-11-30", VALID));
            if (command.equals("redrive")) {
                args.addAll(List.of("--to-topic", "retry"));
            }
            Cli.Result r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().strip()).as(command)
                    .isEqualTo("onfailure: " + command + ": --since applies to s3:// locations, and none is given");
        }
        // with a location of another kind only, the same
        Cli.Result other = run("validate", "--since", "2026-11-30", "--bootstrap-server", "127.0.0.1:1",
                "kafka://orders", VALID);
        assertThat(other.err()).startsWith("onfailure: --since applies to s3:// locations, and none is given");
    }

    @Test
    void help_footers_areShownLineForLine_notWrapped() {
        for (String command : List.of("validate", "format", "inspect", "generate", "build", "schema", "fetch",
                "redrive")) {
            picocli.CommandLine cl = Main.commandLine(new Io(InputStream.nullInputStream(),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(
                            java.io.Writer.nullWriter()), false, false), new String[] {command});
            List<String> footer = List.of(cl.getSubcommands().get(command).getCommandSpec().usageMessage().footer());
            List<String> shown = run(command, "--help").out().lines().map(String::stripTrailing).toList();

            assertThat(shown).as(command).containsAll(footer.stream().map(String::stripTrailing).toList());
        }
        List<String> footer = List.of(Main.commandLine(new Io(InputStream.nullInputStream(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(
                        java.io.Writer.nullWriter()), false, false), new String[] {"--help"})
                .getCommandSpec().usageMessage().footer());
        assertThat(run("--help").out().lines().map(String::stripTrailing).toList()).as("onfailure --help")
                .containsAll(footer.stream().map(String::stripTrailing).toList());
    }

    @Test
    void topLevelHelp_listsEachCommandOnOneLine_withItsSummary() {
        List<String> shown = run("--help").out().lines().toList();
        int at = shown.indexOf("Commands:");
        List<String> commands = shown.subList(at + 1, shown.indexOf(""));
        assertThat(commands).extracting(l -> l.strip().split("\\s+")[0]).containsExactly("validate", "format",
                "inspect", "generate", "build", "schema", "fetch", "redrive");
        assertThat(commands).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(80).endsWith("."));
        // the summary heads the command's own help, the details after it
        assertThat(run("fetch", "--help").out()).contains("Get the discarded Kafka records back.\nFor every failure");
    }

    @Test
    void help_listsTheCandidates() {
        assertThat(help("validate")).contains("text, json, sarif").contains("tolerant, strict")
                .contains("error, warning").contains("kafka.sqs-sns, kafka.s3, kafka.topic, kafka.event")
                .contains("auto, always, never");
        assertThat(help("generate")).contains("kafka.sqs-sns, kafka.s3, kafka.topic");
        assertThat(help("build")).contains("sqs-sns, s3, topic");
        assertThat(help("format")).contains("aws, sorted");
        assertThat(help("schema")).contains("kafka.event, kafka.common");
    }

    @Test
    void colour_followsColorOption_overTheTerminal() {
        assertThat(onTerminal("validate", SWAPPED)).contains("\u001b[31m");
        assertThat(onTerminal("validate", "--color", "never", SWAPPED)).doesNotContain("\u001b[");
        assertThat(onTerminal("validate", "--color=NEVER", "--help")).doesNotContain("\u001b[");
        assertThat(onTerminal("validate", "--help")).contains("\u001b[");
        assertThat(run("validate", "--color", "always", SWAPPED).out()).contains("\u001b[31merror\u001b[39m");
        assertThat(run("validate", "--color", "always", "--help").out()).contains("\u001b[");
        assertThat(run("validate", SWAPPED).out()).doesNotContain("\u001b[");
        assertThat(run("validate", "--help").out()).doesNotContain("\u001b[");
    }

    /** The command's help with its lines joined, as the words read. */
    private static String help(String command) {
        return run(command, "--help").out().replaceAll("\\s+", " ");
    }

    private static String onTerminal(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Main.run(args, InputStream.nullInputStream(), ps, ps, true);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Renders a clean run's summary with colour on. */
    private static final class TextReporterProbe {
        String summaryLine() {
            java.io.StringWriter w = new java.io.StringWriter();
            new TextReporter(new java.io.PrintWriter(w), picocli.CommandLine.Help.Ansi.ON).finish(new Summary());
            return w.toString();
        }
    }

    @Test
    void choices_coverTheLibrarysValues_underTheirIds() {
        assertThat(List.of(Choices.ProfileChoice.values())).extracting(Choices.ProfileChoice::profile)
                .containsExactly(Profile.values());
        assertThat(List.of(Choices.SchemaChoice.values())).extracting(Choices.SchemaChoice::kind)
                .containsExactly(Kind.values());
        assertThat(List.of(Choices.RecordChoice.values())).extracting(Choices.RecordChoice::kind)
                .containsExactlyElementsOf(Kind.records());
        assertThat(List.of(Choices.DestinationChoice.values())).extracting(Choices.DestinationChoice::kind)
                .containsExactlyElementsOf(Kind.records());
        for (Choices.SchemaChoice c : Choices.SchemaChoice.values()) {
            assertThat(c.toString()).isEqualTo(c.kind().id());
        }
        for (Choices.RecordChoice c : Choices.RecordChoice.values()) {
            assertThat(c.toString()).isEqualTo(c.kind().id());
        }
        for (Choices.DestinationChoice c : Choices.DestinationChoice.values()) {
            assertThat("kafka." + c).isEqualTo(c.kind().id());
        }
    }
}
