package dev.onfailure.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link JsonValue}s as JSON text. Strings are written as UTF-8 text with the escapes JSON requires; a lone
 * surrogate is written as a {@code \\u} escape so the text stays valid UTF-8 and the content is kept.
 */
final class TreeWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
            string(s.value(), out);
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
            string(e.getKey(), out);
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

    /** Appends {@code s} as a JSON string literal. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String escape = null;
            if (c < 0x20 || c == '"' || c == '\\') {
                escape = escape(c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                escape = unicode(c);
            }
            if (escape != null) {
                out.append(s, start, i).append(escape);
                start = i + 1;
            }
        }
        out.append(s, start, n);
        out.append('"');
    }

    private static String escape(char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                return unicode(c);
        }
    }

    private static String unicode(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12 & 0xF], HEX[c >> 8 & 0xF], HEX[c >> 4 & 0xF], HEX[c & 0xF]});
    }
}
