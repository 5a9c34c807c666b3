package dev.onfailure.cli;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;

/**
 * Jazzer target: validating. The validator must answer every input with a report, under both profiles; and for input
 * that is JSON, the report from the bytes (which may take the straight-from-bytes path) must be the report from the
 * parsed tree (which never does).
 */
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
            JsonValue tree;
            try {
                tree = Json.parse(data);
            } catch (ReadException e) {
                continue;
            }
            if (!VALIDATOR.validate(tree, ValidationOptions.of(p)).equals(report)) {
                throw new AssertionError("the report from the bytes differs from the report from the tree");
            }
        }
    }
}
