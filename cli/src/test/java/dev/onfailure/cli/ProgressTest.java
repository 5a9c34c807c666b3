package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class ProgressTest {

    @Test
    void longRunOnATerminal_showsProgress_thenClearsIt() throws Exception {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), true);
        p.tick(1);
        assertThat(err.toString()).as("nothing in the first second").isEmpty();
        Thread.sleep(1_100);
        p.tick(42);
        p.done();
        assertThat(err.toString()).contains("\r42 records checked...").endsWith("\r\u001b[2K");
    }

    @Test
    void notATerminal_showsNothing() throws Exception {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), false);
        Thread.sleep(1_100);
        p.tick(42);
        p.done();
        assertThat(err.toString()).isEmpty();
    }
}
