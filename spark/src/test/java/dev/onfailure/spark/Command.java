package dev.onfailure.spark;

import dev.onfailure.cli.Main;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** {@code onfailure validate --format json}, run in-process, and the same line made from a row of the data source. */
final class Command {

    private Command() {
    }

    /** The command's output lines for {@code path} under {@code profile}. */
    static List<String> validate(String path, String profile) {
        Run run = run(path, profile);
        if (run.code() == 2) {
            throw new IllegalStateException("the command could not read everything: " + run.err());
        }
        return run.lines();
    }

    /** What a run of the command gave: its exit code, its output lines (as {@link #validate}), its standard error. */
    record Run(int code, List<String> lines, String err) {
    }

    /** The command on {@code path} under {@code profile}, whatever its exit code. */
    static Run run(String path, String profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"validate", "--format", "json", "--profile", profile, path},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, lines(out), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(Json.write(wellFormed(Json.parse(line))));
            }
        }
        return lines;
    }

    /** Lone surrogates as the data source gives them: U+FFFD (Spark's strings are UTF-8). */
    private static JsonValue wellFormed(JsonValue v) {
        if (v instanceof JsonString s) {
            return JsonString.of(RowMaker.wellFormed(s.value()));
        }
        if (v instanceof JsonArray a) {
            return JsonArray.of(a.elements().stream().map(Command::wellFormed).toList());
        }
        if (v instanceof JsonObject o) {
            JsonObject.Builder b = JsonObject.builder();
            o.members().forEach((k, x) -> b.put(k, wellFormed(x)));
            return b.build();
        }
        return v;
    }

    /** The command's line for a row with source, kind, valid and findings (code, severity, pointer, message). */
    static String line(Row row) {
        List<JsonValue> findings = new ArrayList<>();
        for (Row f : row.<Row>getList(row.fieldIndex("findings"))) {
            findings.add(JsonObject.builder()
                    .put("code", JsonString.of(f.getString(f.fieldIndex("code"))))
                    .put("severity", JsonString.of(f.getString(f.fieldIndex("severity"))))
                    .put("pointer", JsonString.of(f.getString(f.fieldIndex("pointer"))))
                    .put("message", JsonString.of(f.getString(f.fieldIndex("message"))))
                    .build());
        }
        String kind = row.getString(row.fieldIndex("kind"));
        return Json.write(JsonObject.builder()
                .put("source", JsonString.of(row.getString(row.fieldIndex("source"))))
                .put("kind", kind == null ? JsonNull.INSTANCE : JsonString.of(kind))
                .put("valid", JsonBoolean.of(row.getBoolean(row.fieldIndex("valid"))))
                .put("findings", JsonArray.of(findings))
                .build());
    }
}
