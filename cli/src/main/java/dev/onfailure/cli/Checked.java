package dev.onfailure.cli;

import dev.onfailure.validator.DocumentReport;

/**
 * One input unit after validation: its report, or why it could not be read.
 *
 * @param unit    the input
 * @param report  the report, or null when the input could not be read
 */
record Checked(Inputs.Unit unit, DocumentReport report) {
}
