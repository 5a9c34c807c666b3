package dev.onfailure.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code onfailure} command. */
public final class Main {

    /**
     * The subcommands' names, in the order the top-level help lists them: a new subcommand is its name here, one line
     * in {@link #subcommand} and one class beside this one.
     */
    private static final List<String> NAMES =
            List.of("validate", "format", "inspect", "generate", "build", "schema", "fetch", "redrive");

    /** What is said when standard output cannot be written. */
    static final String OUTPUT_FAILED = "onfailure: standard output could not be written (closed, or its reader"
            + " has stopped): the output is incomplete";

    private Main() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        int code = run(args, System.in, System.out, System.err, Terminal.isInteractive(), Ansi.AUTO.enabled());
        System.exit(code);
    }

    /**
     * Runs the command with the given streams and returns its exit code.
     *
     * @param terminal whether to behave as on a terminal: a progress line, and colour unless {@code NO_COLOR} is set
     *                 or {@code --color never} is given
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        return run(args, in, out, err, terminal, terminal && System.getenv("NO_COLOR") == null);
    }

    private static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal,
            boolean colour) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(new CheckedOutput(out), StandardCharsets.UTF_8), false);
        PrintWriter e = new ProblemWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        try {
            Io io = new Io(in, o, e, terminal, colour);
            Optional<ValidateCommand> quick = QuickValidate.parse(args, io);
            int code = quick.isPresent() ? QuickValidate.run(quick.get(), io) : commandLine(io, args).execute(args);
            // checkError flushes: whatever is left is written, or found not to be
            if (o.checkError()) {
                e.println(OUTPUT_FAILED);
                return ExitCodes.USAGE;
            }
            return code;
        } finally {
            o.flush();
            e.flush();
        }
    }

    /**
     * The command for these arguments. When the first argument names a subcommand, only that subcommand is built:
     * picocli builds each command's model by reflection, and building all eight took most of a one-record run's
     * start-up. Everything a subcommand prints (its help, its errors) depends only on itself and the top-level
     * command's name, so its output is the same either way; any other first argument (none, an option, a typo, an
     * {@code @file}) gets the whole tree, so the top-level help and its suggestions list every subcommand.
     */
    static CommandLine commandLine(Io io, String[] args) {
        return commandLine(io, args.length > 0 && NAMES.contains(args[0]) ? List.of(args[0]) : NAMES);
    }

    private static CommandLine commandLine(Io io, List<String> names) {
        CommandLine cl = new CommandLine(new OnfailureCommand());
        for (String name : names) {
            cl.addSubcommand(subcommand(name, io));
        }
        // after the subcommands, so that these settings reach them too
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setColorScheme(Help.defaultColorScheme(io.colour() ? Ansi.ON : Ansi.OFF));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setExecutionStrategy(parseResult -> new CommandLine.RunLast().execute(withColour(parseResult, io)));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(commandLine.getErr(), ex));
        cl.setParameterExceptionHandler((ex, args) -> usageError(ex));
        return cl;
    }

    /** A usage error: the message, where to read more, and the usage-error exit code. */
    static int usageError(ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        c.getErr().println("onfailure: " + candidatesAsHelpSaysThem(ex));
        c.getErr().println("Try 'onfailure " + (c.getCommandName().equals("onfailure") ? "" : c.getCommandName() + " ")
                + "--help'.");
        return ExitCodes.USAGE;
    }

    /**
     * {@code ex}'s message, with the values of an enum option as its help lists them ({@code text, json, sarif}):
     * picocli's own lists the constants' names beside them, in capitals ({@code [TEXT, JSON, SARIF]},
     * {@code [SQS_SNS, kafka.sqs-sns, ...]}), which no user types.
     */
    static String candidatesAsHelpSaysThem(ParameterException ex) {
        String m = String.valueOf(ex.getMessage());
        java.util.regex.Matcher listed = java.util.regex.Pattern.compile("expected one of \\[[^\\]]*\\]"
                + " \\(case-insensitive\\)").matcher(m);
        Iterable<String> candidates = ex.getArgSpec() == null ? null : ex.getArgSpec().completionCandidates();
        if (!listed.find() || candidates == null || !candidates.iterator().hasNext()) {
            return m;
        }
        return m.substring(0, listed.start()) + "expected one of " + String.join(", ", candidates)
                + m.substring(listed.end());
    }

    /** A bug must still not print a stack trace at users: one line, and the usage-error exit code. */
    static int internalError(PrintWriter err, Exception ex) {
        err.println("onfailure: internal error: " + ex);
        return ExitCodes.USAGE;
    }

    /** The {@code validate} command as picocli builds it, for a usage error found without picocli's parsing. */
    static CommandLine validateCommandLine(Io io) {
        return commandLine(io, List.of("validate")).getSubcommands().get("validate");
    }

    private static Object subcommand(String name, Io io) {
        return switch (name) {
            case "validate" -> new ValidateCommand(io);
            case "format" -> new FormatCommand(io);
            case "inspect" -> new InspectCommand(io);
            case "generate" -> new GenerateCommand(io);
            case "build" -> new BuildCommand(io);
            case "schema" -> new SchemaCommand(io);
            case "fetch" -> new FetchCommand(io);
            case "redrive" -> new RedriveCommand(io);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** Applies a {@code --color} given on the command line to its command's help as well as to its output. */
    private static ParseResult withColour(ParseResult parseResult, Io io) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            Choices.Colour when = p.matchedOptionValue(ColourOption.NAME, null);
            if (when != null) {
                p.commandSpec().commandLine().setColorScheme(Help.defaultColorScheme(when.ansi(io.colour())));
            }
        }
        return parseResult;
    }
}
