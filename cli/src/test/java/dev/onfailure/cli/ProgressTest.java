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
    void oneRecord_isSingular() throws Exception {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), true, () -> java.util.Optional.of("1 listed, 1 fetched"));
        Thread.sleep(1_100);
        p.tick(1);
        assertThat(err.toString()).startsWith("\r1 listed, 1 fetched, 1 record checked (");
        StringWriter plain = new StringWriter();
        Progress q = new Progress(new PrintWriter(plain, true), true);
        Thread.sleep(1_100);
        q.tick(1);
        assertThat(plain.toString()).isEqualTo("\r1 record checked...");
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
