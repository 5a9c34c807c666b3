package dev.onfailure.cli;

import dev.onfailure.validator.DocumentReport;

/**
 * One input unit after validation: its report (or null when it could not be read), and its output already rendered
 * by the worker thread that validated it, so that the thread printing in input order does little else.
 *
 * @param unit     the input
 * @param report   the report, or null when the input could not be read
 * @param rendered the text to print for it, or null when the reporter renders at the end (SARIF)
 */
record Checked(Inputs.Unit unit, DocumentReport report, String rendered) {
}
