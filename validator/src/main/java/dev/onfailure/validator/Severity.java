package dev.onfailure.validator;

import java.util.Locale;

/** How serious a finding is. A record is valid when it has no finding of severity {@link #ERROR}. */
public enum Severity {
    /** The record is not what Lambda sends (or, in the strict profile, not what a conformant producer emits). */
    ERROR,
    /** Legal but implausible or worth a look; the record stays valid. */
    WARNING;

    /** Returns {@code error} or {@code warning}, as written in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
