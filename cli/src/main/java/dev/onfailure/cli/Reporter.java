package dev.onfailure.cli;

/**
 * Writes validation results in one output format. {@link #render} runs on worker threads and must be stateless;
 * {@link #report} and {@link #finish} are called in input order, from one thread.
 */
interface Reporter {

    /** Renders one input's output, or returns null to do all the work in {@link #report}. */
    String render(Inputs.Unit unit, dev.onfailure.validator.DocumentReport report);

    /** Reports one input. */
    void report(Checked checked);

    /** Ends the output: summaries, closing brackets. */
    void finish(Summary summary);
}
