package dev.onfailure.cli;

import dev.onfailure.validator.RecordReport;

/** The {@code source} of a record in reports: {@code <path>[:<line>][#<pointer inside an envelope>]}. */
final class Sources {

    private Sources() {
    }

    static String of(Inputs.Unit unit, RecordReport r) {
        return unit.source() + (r.location().isEmpty() ? "" : "#" + r.location());
    }
}
