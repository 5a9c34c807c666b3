package dev.onfailure.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a stream that fails when its writes fail. {@link PrintStream} swallows its errors and only
 * remembers them, so a {@link java.io.PrintWriter} over it would never see a closed descriptor or a pipe whose reader
 * has gone, and {@code checkError()} would always say all is well; over this stream it sees them, and
 * {@code --delete-valid} deletes nothing whose result did not get out. Each write is checked (the writer above hands
 * over its buffer, 8 KiB at a time, so this costs one flush per buffer).
 */
final class CheckedOutput extends OutputStream {

    private final PrintStream out;

    CheckedOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        check(); // checkError flushes
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("standard output could not be written");
        }
    }
}
