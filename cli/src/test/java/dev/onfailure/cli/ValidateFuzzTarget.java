package dev.onfailure.cli;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;

/** Jazzer target: validating. The validator must answer every input with a report, under both profiles. */
public final class ValidateFuzzTarget {

    private static final Validator VALIDATOR = Validator.create();

    private ValidateFuzzTarget() {
    }

    /** One input. */
    public static void fuzzerTestOneInput(byte[] data) {
        for (Profile p : Profile.values()) {
            DocumentReport report = VALIDATOR.validate(data, ValidationOptions.of(p));
            if (report.records().isEmpty()) {
                throw new AssertionError("a document got no report at all");
            }
        }
    }
}
