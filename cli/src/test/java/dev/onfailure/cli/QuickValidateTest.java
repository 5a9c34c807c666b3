package dev.onfailure.cli;

import static dev.onfailure.cli.Cli.FIXTURES;
import static dev.onfailure.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@link QuickValidate} understands a command line exactly as picocli does, or leaves it to picocli: every argument
 * list of up to three words from a vocabulary of paths, options and values (right, wrong, in other cases, twice) is
 * tried, and for each one it accepts, its command equals picocli's, option by option (every {@code @Option} and
 * {@code @Parameters} field, mixins included, so a new option is covered without touching this test).
 */
final class QuickValidateTest {

    private static final String VALID = FIXTURES + "corpus/valid/in-sqs-event.json";
    private static final String SWAPPED = FIXTURES + "corpus/invalid/kafka.offset-order/swapped.json";

    private static final List<String> WORDS = List.of("a.json", "s3://bucket/p=1/", "--format", "json", "JSON",
            "--format=text", "--format=", "--profile", "strict", "--fail-on", "warning", "--threads", "2", "0", "-3",
            "--threads=1", "-", "--", "--kind", "kafka.s3", "@args.txt", "-h", "");

    @Test
    void accepted_meansTheSameCommandAsPicocli_forEveryListOfUpToThreeWords() throws Exception {
        int accepted = 0;
        int declined = 0;
        CommandLine reused = Main.commandLine(io(), new String[] {"validate"});
        List<List<String>> lists = new ArrayList<>();
        lists.add(List.of());
        for (String a : WORDS) {
            lists.add(List.of(a));
            for (String b : WORDS) {
                lists.add(List.of(a, b));
                for (String c : WORDS) {
                    lists.add(List.of(a, b, c));
                }
            }
        }
        for (List<String> words : lists) {
            String[] args = new String[words.size() + 1];
            args[0] = "validate";
            for (int i = 0; i < words.size(); i++) {
                args[i + 1] = words.get(i);
            }
            Optional<ValidateCommand> quick = QuickValidate.parse(args, io());
            if (quick.isEmpty()) {
                declined++;
                continue;
            }
            // picocli resets every option before it parses, so one command line serves; a fresh one every so often
            CommandLine cl = accepted++ % 64 == 0 ? Main.commandLine(io(), args) : reused;
            Object[] parsed = new Object[1];
            assertThatCode(() -> parsed[0] = cl.parseArgs(args).subcommand().commandSpec().userObject())
                    .as("picocli accepts %s", words).doesNotThrowAnyException();
            assertThat(options(quick.get())).as("%s", words).isEqualTo(options(parsed[0]));
        }
        // neither side is empty, so the comparison above compared something
        assertThat(accepted).isGreaterThan(300);
        assertThat(declined).isGreaterThan(5_000);
    }

    @Test
    void parse_leavesToPicocli_whatItDoesNotUnderstandExactly() {
        assertThat(QuickValidate.parse(new String[] {"validate", "a.json"}, io())).isPresent();
        assertThat(QuickValidate.parse(new String[] {"validate", "--format", "json", "--threads=2", "a"}, io()))
                .isPresent();
        for (String[] args : List.of(new String[] {"format", "a.json"}, new String[] {"validate", "-"},
                new String[] {"validate", "--", "a.json"}, new String[] {"validate", "--format", "JSON"},
                new String[] {"validate", "--format", "json", "--format", "text"},
                new String[] {"validate", "--threads", "0"}, new String[] {"validate", "@args.txt"},
                new String[] {"validate", "--help"}, new String[] {"validate", "--kind", "kafka.s3", "a"},
                new String[] {"validate", "--format"})) {
            assertThat(QuickValidate.parse(args, io())).as("%s", List.of(args)).isEmpty();
        }
    }

    @Test
    void run_printsWhatPicocliPrints() {
        // "--" sends the same paths through picocli
        for (String path : List.of(VALID, SWAPPED, "no-such-file.json")) {
            for (List<String> options : List.of(List.<String>of(), List.of("--format", "json"),
                    List.of("--format=sarif", "--profile", "strict"), List.of("--fail-on", "warning"))) {
                List<String> quick = new ArrayList<>(List.of("validate"));
                quick.addAll(options);
                quick.add(path);
                List<String> slow = new ArrayList<>(quick);
                slow.add(slow.size() - 1, "--");
                Cli.Result a = run(quick.toArray(String[]::new));
                Cli.Result b = run(slow.toArray(String[]::new));
                assertThat(a).as("%s", quick).isEqualTo(b);
            }
        }
    }

    private static Io io() {
        return new Io(InputStream.nullInputStream(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false, false);
    }

    /** Every option's and parameter's value, by field name; mixins' options under theirs. */
    private static Map<String, Object> options(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
                values.put(f.getName(), f.get(command));
            } else if (f.isAnnotationPresent(Mixin.class)) {
                options(f.get(command)).forEach((k, v) -> values.put(f.getName() + "." + k, v));
            }
        }
        return values;
    }
}
