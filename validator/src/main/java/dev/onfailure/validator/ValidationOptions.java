package dev.onfailure.validator;

import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import java.util.Objects;
import java.util.Optional;

/**
 * How to validate: the profile, optionally the kind to validate as instead of detecting it, and whether each report
 * keeps the record the validator bound.
 *
 * <pre>{@code
 * validator.validate(bytes, ValidationOptions.of(Profile.STRICT));
 * validator.validate(bytes, ValidationOptions.of(Profile.STRICT).asKind(Kind.EVENT));
 * validator.validate(bytes, ValidationOptions.TOLERANT.keepingRecords());   // RecordReport.record() is filled in
 * }</pre>
 *
 * @param profile     tolerant (for consumers) or strict (for producers and contract tests)
 * @param kind        the kind to validate as; empty to detect it (and unwrap envelopes)
 * @param keepRecords whether each {@link RecordReport} keeps the record the validator bound
 *                    ({@link RecordReport#record()}); off by default, so that reports held for a while (the command
 *                    keeps a window of them to print in order) hold no payloads
 */
public record ValidationOptions(Profile profile, Optional<Kind> kind, boolean keepRecords) {

    /** The default: tolerant, kind detected, records not kept. */
    public static final ValidationOptions TOLERANT = new ValidationOptions(Profile.TOLERANT, Optional.empty(), false);

    /** Checks for nulls. */
    public ValidationOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(kind, "kind");
    }

    /** Options for {@code profile} and {@code kind}, records not kept (the two components these options had first). */
    public ValidationOptions(Profile profile, Optional<Kind> kind) {
        this(profile, kind, false);
    }

    /** Returns options for {@code profile}, kind detected, records not kept. */
    public static ValidationOptions of(Profile profile) {
        return new ValidationOptions(profile, Optional.empty(), false);
    }

    /** Returns these options forcing {@code kind}: no detection, no envelope unwrapping. */
    public ValidationOptions asKind(Kind kind) {
        return new ValidationOptions(profile, Optional.of(kind), keepRecords);
    }

    /**
     * Returns these options with each report keeping the record the validator bound, for a caller that goes on to
     * use it (its payload's event, parsed once by the validator, included) instead of reading the document again.
     */
    public ValidationOptions keepingRecords() {
        return new ValidationOptions(profile, kind, true);
    }
}
