package dev.onfailure.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code onfailure} command. */
public final class Main {

    private Main() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        int code = run(args, System.in, System.out, System.err, terminal);
        System.exit(code);
    }

    /** Runs the command with the given streams and returns its exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean terminal) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return commandLine(new Io(in, o, e, terminal)).execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new OnfailureCommand())
                .addSubcommand(new ValidateCommand(io))
                .addSubcommand(new FormatCommand(io))
                .addSubcommand(new InspectCommand(io))
                .addSubcommand(new GenerateCommand(io))
                .addSubcommand(new BuildCommand(io))
                .addSubcommand(new SchemaCommand(io));
        cl.setOut(io.out());
        cl.setErr(io.err());
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
}
