package dev.onfailure.validator;

/** Edits of test documents that fail loudly when they do not apply, so a variant is never the original by mistake. */
public final class TextEdits {

    private TextEdits() {
    }

    /**
     * Returns {@code text} with its one occurrence of {@code target} replaced.
     *
     * @throws AssertionError if {@code target} occurs in {@code text} not exactly once
     */
    public static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0) {
            throw new AssertionError("\"" + target + "\" is not in the document: the variant would be the original");
        }
        if (text.indexOf(target, at + 1) >= 0) {
            throw new AssertionError("\"" + target + "\" occurs more than once in the document");
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
