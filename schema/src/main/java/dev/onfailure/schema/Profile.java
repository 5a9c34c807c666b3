package dev.onfailure.schema;

import java.util.Locale;
import java.util.Optional;

/** How demanding a schema is. */
public enum Profile {
    /**
     * What a consumer should accept: every concrete instance of AWS's documented examples passes, and members AWS may
     * add later are allowed.
     */
    TOLERANT,
    /**
     * What a conformant producer emits: the tolerant rules plus exact forms (UUID request ids, int64 offsets, AWS's
     * timestamp form, real broker lists) and no members the format does not define. AWS's placeholders fail.
     */
    STRICT;

    /** Returns the lower-case name used in ids, paths and on the command line: {@code tolerant} or {@code strict}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the profile named {@code id}, in any case. */
    public static Optional<Profile> fromId(String id) {
        for (Profile p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
