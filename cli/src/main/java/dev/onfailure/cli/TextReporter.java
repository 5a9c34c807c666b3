package dev.onfailure.cli;

import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.Severity;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code --format text}: one line per finding, then a summary; colour as {@code --color} says. Text from the records
 * is shown with its control characters written out ({@link Shell#visible}).
 */
final class TextReporter implements Reporter {

    private static final String RED = "red";
    private static final String YELLOW = "yellow";
    private static final String GREEN = "green";
    private static final String BOLD = "bold";

    private final PrintWriter out;
    private final Ansi ansi;

    TextReporter(PrintWriter out, Ansi ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    @Override
    public String render(Inputs.Unit unit, DocumentReport report) {
        StringBuilder sb = new StringBuilder();
        for (RecordReport r : report.records()) {
            // a pointer and a message quote the record, a source may name a key or message id: none of it reaches
            // the terminal as control characters, and each finding stays one line
            String source = Shell.visible(Sources.of(unit, r));
            for (Finding f : r.findings()) {
                String severity = f.severity() == Severity.ERROR ? paint(RED, "error") : paint(YELLOW, "warning");
                sb.append(source).append(": ").append(severity).append(' ').append(paint(BOLD, f.code())).append(" at ")
                        .append(f.pointer().isEmpty() ? "/" : Shell.visible(f.pointer())).append(": ")
                        .append(Shell.visible(f.message())).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public void report(Checked c) {
        if (c.rendered() != null) {
            out.print(c.rendered());
        }
    }

    @Override
    public void finish(Summary summary) {
        String line = summary.line();
        out.println(summary.failing == 0 && summary.unreadable == 0 ? paint(GREEN, line) : line);
        out.flush();
    }

    private String paint(String style, String text) {
        // the texts painted are our own words and finding codes; anything that could read as markup stays plain
        if (!ansi.enabled() || text.contains("@|") || text.contains("|@")) {
            return text;
        }
        return ansi.string("@|" + style + " " + text + "|@");
    }
}
