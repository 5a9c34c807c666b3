package dev.onfailure.cli;

import dev.onfailure.json.Json;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --format json}: one JSON object per record, one per line, in input order. A stable contract:
 * <pre>
 * {"source":"&lt;path&gt;[:&lt;line&gt;][#&lt;pointer&gt;]","kind":"kafka.s3"|null,"valid":true|false,
 *  "findings":[{"code":"…","severity":"error"|"warning","pointer":"…","message":"…"}]}
 * </pre>
 * Each line is written straight into one {@code StringBuilder}, strings through {@link Json#appendString}: over a
 * long run a tree per record (a map per finding, a wrapper per string) was a measurable share of the workers' time.
 * {@code JsonReporterTest} holds the text to what the tree writer wrote.
 */
final class JsonReporter implements Reporter {

    private final PrintWriter out;

    JsonReporter(PrintWriter out) {
        this.out = out;
    }

    /** What a worker's builder may keep between documents; one that grew past it is let go. */
    private static final int KEPT_BUILDER_CHARS = 16 * 1024;

    /**
     * Each worker renders into one builder of its own, emptied for every document: a builder per document (and its
     * growth past a guess at the lines' length) was a measurable share of rendering.
     */
    private static final ThreadLocal<StringBuilder> BUILDER = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    @Override
    public String render(Inputs.Unit unit, DocumentReport report) {
        StringBuilder sb = BUILDER.get();
        sb.setLength(0);
        for (RecordReport r : report.records()) {
            line(sb, Sources.of(unit, r), r).append('\n');
        }
        String lines = sb.toString();
        if (sb.capacity() > KEPT_BUILDER_CHARS) {
            BUILDER.remove();
        }
        return lines;
    }

    @Override
    public void report(Checked c) {
        if (c.rendered() != null) {
            out.print(c.rendered());
        }
    }

    /** Appends the line of one record, without its newline, and returns {@code sb}. */
    static StringBuilder line(StringBuilder sb, String source, RecordReport r) {
        Json.appendString(sb.append("{\"source\":"), source).append(",\"kind\":");
        if (r.kind().isPresent()) {
            Json.appendString(sb, r.kind().get().id());
        } else {
            sb.append("null");
        }
        sb.append(",\"valid\":").append(r.valid()).append(",\"findings\":[");
        List<Finding> findings = r.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (i > 0) {
                sb.append(',');
            }
            Json.appendString(sb.append("{\"code\":"), f.code());
            Json.appendString(sb.append(",\"severity\":"), f.severity().id());
            Json.appendString(sb.append(",\"pointer\":"), f.pointer());
            Json.appendString(sb.append(",\"message\":"), f.message()).append('}');
        }
        return sb.append("]}");
    }

    @Override
    public void finish(Summary summary) {
        out.flush();
    }
}
