package dev.onfailure.cli;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format json}: one JSON object per record, one per line, in input order. A stable contract:
 * <pre>
 * {"source":"&lt;path&gt;[:&lt;line&gt;][#&lt;pointer&gt;]","kind":"kafka.s3"|null,"valid":true|false,
 *  "findings":[{"code":"…","severity":"error"|"warning","pointer":"…","message":"…"}]}
 * </pre>
 */
final class JsonReporter implements Reporter {

    private final PrintWriter out;

    JsonReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public String render(Inputs.Unit unit, DocumentReport report) {
        StringBuilder sb = new StringBuilder();
        for (RecordReport r : report.records()) {
            sb.append(Json.write(line(Sources.of(unit, r), r))).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void report(Checked c) {
        if (c.rendered() != null) {
            out.print(c.rendered());
        }
    }

    static JsonObject line(String source, RecordReport r) {
        List<JsonValue> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            findings.add(JsonObject.builder()
                    .put("code", JsonString.of(f.code()))
                    .put("severity", JsonString.of(f.severity().id()))
                    .put("pointer", JsonString.of(f.pointer()))
                    .put("message", JsonString.of(f.message()))
                    .build());
        }
        return JsonObject.builder()
                .put("source", JsonString.of(source))
                .put("kind", r.kind().<JsonValue>map(k -> JsonString.of(k.id())).orElse(JsonNull.INSTANCE))
                .put("valid", JsonBoolean.of(r.valid()))
                .put("findings", JsonArray.of(findings))
                .build();
    }

    @Override
    public void finish(Summary summary) {
        out.flush();
    }
}
