package dev.onfailure.cli;

import java.nio.charset.StandardCharsets;

/**
 * Lays out a well-formed JSON document again without touching a token: member order, each string's escapes (such as
 * <code>&#92;u003c</code>, which Go's encoder writes for {@code <}), each number's text are copied as they are; only
 * the
 * whitespace between tokens changes. So {@code format --order input --compact} gives a compact document back byte for
 * byte, and {@code --pretty} indents it as the rest of the command does (two spaces, {@code ": "}, empty containers
 * on one line).
 *
 * <p>The caller has checked the document (strict JSON within the read limits); this class only walks its tokens.
 */
final class TokenLayout {

    private final byte[] in;
    private final boolean pretty;
    private final StringBuilder out = new StringBuilder();
    private int i;

    private TokenLayout(byte[] in, boolean pretty) {
        this.in = in;
        this.pretty = pretty;
    }

    /** Returns {@code document} (well-formed UTF-8 JSON) compact or pretty, its tokens as they are. */
    static String layout(byte[] document, boolean pretty) {
        TokenLayout t = new TokenLayout(document, pretty);
        t.skipBom();
        t.value(0);
        return t.out.toString();
    }

    private void skipBom() {
        if (in.length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            i = 3;
        }
    }

    private void value(int depth) {
        skipSpace();
        byte c = in[i];
        if (c == '{' || c == '[') {
            container(depth, c == '{');
        } else if (c == '"') {
            string();
        } else {
            int start = i;
            while (i < in.length && !isSpace(in[i]) && in[i] != ',' && in[i] != '}' && in[i] != ']') {
                i++;
            }
            out.append(new String(in, start, i - start, StandardCharsets.US_ASCII));
        }
    }

    private void container(int depth, boolean object) {
        char close = object ? '}' : ']';
        out.append(object ? '{' : '[');
        i++;
        skipSpace();
        if (in[i] == close) {
            i++;
            out.append(close);
            return;
        }
        while (true) {
            newline(depth + 1);
            if (object) {
                skipSpace();
                string();
                skipSpace();
                i++; // ':'
                out.append(pretty ? ": " : ":");
            }
            value(depth + 1);
            skipSpace();
            if (in[i] == ',') {
                i++;
                out.append(',');
                continue;
            }
            i++; // the closing bracket
            newline(depth);
            out.append(close);
            return;
        }
    }

    /** Copies a string token, quotes and escapes included, as it is. */
    private void string() {
        int start = i;
        i++;
        while (in[i] != '"') {
            i += in[i] == '\\' ? 2 : 1;
        }
        i++;
        out.append(new String(in, start, i - start, StandardCharsets.UTF_8));
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(depth));
        }
    }

    private void skipSpace() {
        while (i < in.length && isSpace(in[i])) {
            i++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
