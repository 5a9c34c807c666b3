package dev.onfailure.json;

import java.util.Objects;

/**
 * Input that could not be read: not well-formed JSON, over a {@link ReadLimits limit}, or not the shape the reader
 * expected. It says what went wrong and where: a line and column for problems in the text, a JSON Pointer for
 * problems in the structure.
 *
 * <pre>{@code
 * try {
 *     Json.parse("{\"a\": 1,}");
 * } catch (ReadException e) {
 *     e.problem();   // SYNTAX
 *     e.line();      // 1
 *     e.column();    // 9
 * }
 * }</pre>
 */
public final class ReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem stopped the reader. */
    public enum Problem {
        /** Not well-formed JSON: comments, trailing commas, truncation, empty input, bad UTF-8. */
        SYNTAX,
        /** An object repeats a member name. */
        DUPLICATE_KEY,
        /** A document, nesting, number, string, member or token limit is exceeded. */
        LIMIT,
        /** The document is well-formed JSON but not a JSON object. */
        NOT_OBJECT,
        /** A JSON object that is none of the record kinds the reader knows. */
        UNKNOWN_KIND,
        /** A member is missing or has the wrong JSON type for the typed model. */
        SHAPE
    }

    private final Problem problem;
    private final String detail;
    private final String pointer;
    private final int line;
    private final int column;

    /**
     * Creates an exception.
     *
     * @param problem what went wrong
     * @param detail  a sentence for people, without the location
     * @param pointer the JSON Pointer of the value concerned, {@code ""} for the document
     * @param line    1-based line, or 0 when the problem is not tied to a place in the text
     * @param column  1-based column, or 0
     */
    public ReadException(Problem problem, String detail, String pointer, int line, int column) {
        super(format(detail, pointer, line, column));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        this.line = line;
        this.column = column;
    }

    /** Creates a structural problem at {@code pointer}, with no place in the text. */
    public static ReadException at(Problem problem, String pointer, String detail) {
        return new ReadException(problem, detail, pointer, 0, 0);
    }

    private static String format(String detail, String pointer, int line, int column) {
        StringBuilder sb = new StringBuilder(detail);
        if (line > 0) {
            sb.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        if (!pointer.isEmpty()) {
            sb.append(" at ").append(pointer);
        }
        return sb.toString();
    }

    /** Returns what went wrong. */
    public Problem problem() {
        return problem;
    }

    /** Returns the description without the location. */
    public String detail() {
        return detail;
    }

    /** Returns the JSON Pointer of the value concerned; {@code ""} is the whole document. */
    public String pointer() {
        return pointer;
    }

    /** Returns the 1-based line of the problem in the text, or 0 when it has none. */
    public int line() {
        return line;
    }

    /** Returns the 1-based column of the problem in the text, or 0 when it has none. */
    public int column() {
        return column;
    }
}
