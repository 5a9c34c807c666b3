package dev.onfailure.cli;

import dev.onfailure.validator.RecordReport;

/** The {@code source} of a record in reports: {@code <path>[:<line>][#<pointer inside an envelope>]}. */
final class Sources {

    private Sources() {
    }

    static String of(Inputs.Unit unit, RecordReport r) {
        // a document of one record (nearly every remote one) is its source as it is, not a copy of it
        return r.location().isEmpty() ? unit.source() : unit.source() + "#" + r.location();
    }
}
