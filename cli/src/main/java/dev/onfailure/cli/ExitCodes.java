package dev.onfailure.cli;

/** The exit codes of every command. */
final class ExitCodes {

    /** Nothing at or above the failure threshold. */
    static final int OK = 0;
    /** Some record has a finding at or above the failure threshold. */
    static final int FINDINGS = 1;
    /** A usage error, or an input that could not be read. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
