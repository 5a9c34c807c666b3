package dev.onfailure.cli;

import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.Severity;
import java.io.PrintWriter;

/** {@code --format text}: one line per finding, then a summary; colour only on a terminal. */
final class TextReporter implements Reporter {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean colour;

    TextReporter(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    @Override
    public String render(Inputs.Unit unit, DocumentReport report) {
        StringBuilder sb = new StringBuilder();
        for (RecordReport r : report.records()) {
            String source = Sources.of(unit, r);
            for (Finding f : r.findings()) {
                String severity = f.severity() == Severity.ERROR ? paint(RED, "error") : paint(YELLOW, "warning");
                sb.append(source).append(": ").append(severity).append(' ').append(paint(BOLD, f.code())).append(" at ")
                        .append(f.pointer().isEmpty() ? "/" : f.pointer()).append(": ").append(f.message()).append('\n');
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

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
