package dev.onfailure.cli;

/** Writes validation results in one output format. Called in input order, from one thread. */
interface Reporter {

    /** Reports one input. */
    void report(Checked checked);

    /** Ends the output: summaries, closing brackets. */
    void finish(Summary summary);
}
