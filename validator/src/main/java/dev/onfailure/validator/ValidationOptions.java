package dev.onfailure.validator;

import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import java.util.Objects;
import java.util.Optional;

/**
 * How to validate: the profile, and optionally the kind to validate as instead of detecting it.
 *
 * <pre>{@code
 * validator.validate(bytes, ValidationOptions.of(Profile.STRICT));
 * validator.validate(bytes, ValidationOptions.of(Profile.STRICT).asKind(Kind.EVENT));
 * }</pre>
 *
 * @param profile tolerant (for consumers) or strict (for producers and contract tests)
 * @param kind    the kind to validate as; empty to detect it (and unwrap envelopes)
 */
public record ValidationOptions(Profile profile, Optional<Kind> kind) {

    /** The default: tolerant, kind detected. */
    public static final ValidationOptions TOLERANT = new ValidationOptions(Profile.TOLERANT, Optional.empty());

    /** Checks for nulls. */
    public ValidationOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(kind, "kind");
    }

    /** Returns options for {@code profile}, kind detected. */
    public static ValidationOptions of(Profile profile) {
        return new ValidationOptions(profile, Optional.empty());
    }

    /** Returns these options forcing {@code kind}: no detection, no envelope unwrapping. */
    public ValidationOptions asKind(Kind kind) {
        return new ValidationOptions(profile, Optional.of(kind));
    }
}
