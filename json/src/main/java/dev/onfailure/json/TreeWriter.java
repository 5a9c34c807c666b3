package dev.onfailure.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link JsonValue}s as JSON text; strings through {@link Json#appendString}.
 */
final class TreeWriter {

    private final StringBuilder out;
    private final boolean sorted;
    private final boolean pretty;

    private TreeWriter(StringBuilder out, boolean sorted, boolean pretty) {
        this.out = out;
        this.sorted = sorted;
        this.pretty = pretty;
    }

    static void write(JsonValue value, WriteOptions options, StringBuilder out) {
        new TreeWriter(out, options.order() == KeyOrder.SORTED, options.layout() == Layout.PRETTY).value(value, 0);
    }

    private void value(JsonValue value, int depth) {
        if (value instanceof JsonObject o) {
            object(o, depth);
        } else if (value instanceof JsonArray a) {
            array(a, depth);
        } else if (value instanceof JsonString s) {
            Json.appendString(out, s.value());
        } else if (value instanceof JsonNumber n) {
            out.append(n.text());
        } else if (value instanceof JsonBoolean b) {
            out.append(b.value() ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    private void object(JsonObject o, int depth) {
        if (o.isEmpty()) {
            out.append("{}");
            return;
        }
        Iterable<Map.Entry<String, JsonValue>> entries = o.members().entrySet();
        if (sorted) {
            List<Map.Entry<String, JsonValue>> list = new ArrayList<>(o.members().entrySet());
            list.sort(Map.Entry.comparingByKey());
            entries = list;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : entries) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            Json.appendString(out, e.getKey());
            out.append(pretty ? ": " : ":");
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(JsonArray a, int depth) {
        if (a.size() == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (JsonValue element : a.elements()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            newline(depth + 1);
            value(element, depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }
}
