package dev.onfailure.cli;

import java.util.Optional;
import picocli.CommandLine.ParameterException;

/**
 * {@code onfailure validate} for the plainest command lines, without picocli: paths, and {@code --format},
 * {@code --profile}, {@code --fail-on} and {@code --threads} with a value spelled as the help lists it. picocli builds
 * a command's model by reflection (annotations, proxies, a hundred classes verified the old way, since picocli is
 * compiled for Java 5 and the JVM cannot archive it): on a one-record run that was a third of the start-up
 * (issue 16).
 *
 * <p>Anything else (no argument understood here, a value in another case, an option twice, {@code -}, {@code --},
 * an {@code @file}, {@code --help}) is left to picocli, which stays the authority: this class only ever says "I
 * understand these arguments exactly as picocli would" or "ask picocli". {@code QuickValidateTest} holds it to that:
 * for every argument list it accepts, the command it makes equals, field by field, the one picocli makes.
 */
final class QuickValidate {

    private QuickValidate() {
    }

    /**
     * Returns the {@code validate} command for {@code args} when every argument is understood without doubt, or empty
     * when picocli should parse them.
     */
    static Optional<ValidateCommand> parse(String[] args, Io io) {
        if (args.length == 0 || !args[0].equals("validate")) {
            return Optional.empty();
        }
        ValidateCommand c = new ValidateCommand(io);
        boolean format = false;
        boolean profile = false;
        boolean failOn = false;
        boolean threads = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '@') {
                return Optional.empty();
            }
            if (a.charAt(0) != '-') {
                c.paths.add(a);
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            switch (name) {
                case "--format" -> {
                    c.format = choice(Choices.Format.values(), value);
                    if (format || c.format == null) {
                        return Optional.empty();
                    }
                    format = true;
                }
                case "--profile" -> {
                    c.profile = choice(Choices.ProfileChoice.values(), value);
                    if (profile || c.profile == null) {
                        return Optional.empty();
                    }
                    profile = true;
                }
                case "--fail-on" -> {
                    c.failOn = choice(Choices.FailOn.values(), value);
                    if (failOn || c.failOn == null) {
                        return Optional.empty();
                    }
                    failOn = true;
                }
                case "--threads" -> {
                    if (threads || !positive(value)) {
                        return Optional.empty();
                    }
                    c.threads = Integer.parseInt(value);
                    threads = true;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(c);
    }

    /** Runs the command as picocli's {@code execute} would: its exit code, usage errors and bugs reported alike. */
    static int run(ValidateCommand command, Io io) {
        try {
            return command.call();
        } catch (ParameterException e) {
            return Main.usageError(e);
        } catch (InterruptedException | RuntimeException e) {
            return Main.internalError(io.err(), e);
        }
    }

    /** The constant whose help spelling is {@code value}, or null. */
    private static <E extends Enum<E>> E choice(E[] constants, String value) {
        for (E e : constants) {
            if (e.toString().equals(value)) {
                return e;
            }
        }
        return null;
    }

    /** A positive decimal of at most six digits, no sign, no leading zero. */
    private static boolean positive(String value) {
        if (value.isEmpty() || value.length() > 6 || value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
