package dev.onfailure.cli;

import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.Severity;

/** Counts over a whole run. */
final class Summary {

    int records;
    int valid;
    int errors;
    int warnings;
    int unreadable;
    int failing;

    void add(RecordReport r, Severity failOn) {
        records++;
        if (r.valid()) {
            valid++;
        }
        for (Finding f : r.findings()) {
            if (f.severity() == Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        if (r.hasFindingAtLeast(failOn)) {
            failing++;
        }
    }

    String line() {
        return records + " record" + (records == 1 ? "" : "s") + ": " + valid + " valid, " + (records - valid)
                + " invalid; " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                + (warnings == 1 ? "" : "s") + (unreadable > 0 ? "; " + unreadable + " input"
                + (unreadable == 1 ? "" : "s") + " could not be read" : "");
    }
}
