package dev.onfailure.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Command lines for people to copy into a POSIX shell, built from values a record (that is, anyone) chose. Every
 * argument is quoted so that a shell splits the line into exactly the arguments meant and expands nothing: a
 * {@code ;}, {@code $(...)}, backquote, quote, space or glob inside a value stays inside it.
 */
final class Shell {

    /** Characters no POSIX shell treats specially: such an argument needs no quotes. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,@%+=-]+");

    private Shell() {
    }

    /**
     * Quotes one argument: as it is when it holds only plain characters, otherwise in single quotes, inside which
     * nothing is special, with each {@code '} written as {@code '\''} (close, an escaped quote, reopen).
     */
    static String quote(String arg) {
        if (PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Joins the arguments into one line, each quoted. */
    static String line(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(a));
        }
        return sb.toString();
    }

    /**
     * An option and its value as arguments: {@code --name value}, or {@code --name=value} when the value starts with
     * {@code -}, so that the tool cannot read the value as an option of its own.
     */
    static List<String> option(String name, String value) {
        return value.startsWith("-") ? List.of(name + "=" + value) : List.of(name, value);
    }

    /**
     * Returns true when {@code s} has a control character (a newline, an escape, ...) or a character that reorders or
     * breaks a line (see {@link #isControl}): such a value would break the one-line command across lines, drive the
     * terminal or show a line other than the one written, so no command is printed with it.
     */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The characters {@link #visible} writes out: C0, DEL and C1 controls (newline, escape, the 8-bit CSI), the line
     * and paragraph separators (a line break to some terminals and viewers) and the bidirectional marks, embeddings,
     * overrides and isolates ({@code U+202E} shows the rest of a line backwards: a file name could make a finding
     * read as another).
     */
    static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * Writes control characters ({@link #isControl}) out as {@code \n}, {@code \r}, {@code \t} or
     * <code>&#92;u001b</code>, <code>&#92;u202e</code>: text from a record or a file name never drives the
     * terminal, and a line reads as it was written.
     */
    static String visible(String s) {
        if (!hasControl(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (isControl(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
