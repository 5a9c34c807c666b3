package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

final class ProblemWriterTest {

    @Test
    void println_writesControlCharactersOut_printLeavesThem() {
        StringWriter sink = new StringWriter();
        ProblemWriter w = new ProblemWriter(sink);

        w.println("s3://b/a\u001b]0;x\u0007\nkey: cannot read");
        w.println((Object) "tab\there");
        w.print("\r\u001b[2K12 listed");

        assertThat(sink.toString()).isEqualTo("s3://b/a\\u001b]0;x\\u0007\\nkey: cannot read" + System.lineSeparator()
                + "tab\\there" + System.lineSeparator() + "\r\u001b[2K12 listed");
    }

    @Test
    void println_ofNull_printsNull() {
        StringWriter sink = new StringWriter();
        new ProblemWriter(sink).println((String) null);
        assertThat(sink.toString()).isEqualTo("null" + System.lineSeparator());
    }
}
