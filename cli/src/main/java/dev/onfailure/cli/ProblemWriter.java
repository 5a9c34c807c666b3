package dev.onfailure.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error, where every line printed is one line on the terminal: {@code println} writes the line's control
 * characters out ({@link Shell#visible}), so a file name, an S3 key, a message id or a server's message holding a
 * newline or an escape sequence can neither split a problem line in two nor drive the terminal. {@code print} is
 * left as it is, for the progress line's carriage return and erase sequence.
 *
 * <p>Example: a file named {@code a}, an escape, {@code [2Jb} that cannot be read is reported as
 * <code>onfailure: a&#92;u001b[2Jb: cannot read: ...</code>, the escape written as six characters.
 */
final class ProblemWriter extends PrintWriter {

    ProblemWriter(Writer out) {
        super(out, true);
    }

    @Override
    public void println(String line) {
        super.println(Shell.visible(String.valueOf(line)));
    }

    @Override
    public void println(Object line) {
        println(String.valueOf(line));
    }
}
