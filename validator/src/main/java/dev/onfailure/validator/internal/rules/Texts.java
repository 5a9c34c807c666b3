package dev.onfailure.validator.internal.rules;

/** Text helpers for messages. */
final class Texts {

    private Texts() {
    }

    /** Cuts long values so that a hostile input cannot make a message megabytes long. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 60) + "... (" + s.length() + " chars)";
    }
}
