package dev.onfailure.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Where a command reads and writes: injected so that tests run commands in-process.
 *
 * @param in       standard input
 * @param out      standard output
 * @param err      standard error
 * @param terminal true when a person is watching: the progress line is shown only then
 * @param colour   what {@code --color auto} resolves to: colour in output and help
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, boolean terminal, boolean colour) {
}
