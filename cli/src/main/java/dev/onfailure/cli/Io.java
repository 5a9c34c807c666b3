package dev.onfailure.cli;

import java.io.InputStream;
import java.io.PrintWriter;

/**
 * Where a command reads and writes: injected so that tests run commands in-process.
 *
 * @param in       standard input
 * @param out      standard output
 * @param err      standard error
 * @param terminal true when standard output is a terminal: colour and progress are shown only then
 */
record Io(InputStream in, PrintWriter out, PrintWriter err, boolean terminal) {
}
