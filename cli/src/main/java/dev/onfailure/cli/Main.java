package dev.onfailure.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.ParseResult;

/** The {@code onfailure} command. */
public final class Main {

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
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return commandLine(new Io(in, o, e, terminal, colour)).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The command and its subcommands: a new subcommand is one line here and one class beside this one. */
    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new OnfailureCommand())
                .addSubcommand(new ValidateCommand(io))
                .addSubcommand(new FormatCommand(io))
                .addSubcommand(new InspectCommand(io))
                .addSubcommand(new GenerateCommand(io))
                .addSubcommand(new BuildCommand(io))
                .addSubcommand(new SchemaCommand(io))
                .addSubcommand(new FetchCommand(io))
                .addSubcommand(new RedriveCommand(io));
        // after the subcommands, so that these settings reach them too
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setColorScheme(Help.defaultColorScheme(io.colour() ? Ansi.ON : Ansi.OFF));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setExecutionStrategy(parseResult -> new CommandLine.RunLast().execute(withColour(parseResult, io)));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug must still not print a stack trace at users: one line, and the usage-error exit code.
            commandLine.getErr().println("onfailure: internal error: " + ex);
            return ExitCodes.USAGE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("onfailure: " + ex.getMessage());
            c.getErr().println("Try 'onfailure " + (c.getCommandName().equals("onfailure") ? "" : c.getCommandName() + " ")
                    + "--help'.");
            return ExitCodes.USAGE;
        });
        return cl;
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
