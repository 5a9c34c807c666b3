package dev.onfailure.validator.internal.rules;

import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.Severity;
import java.util.Objects;

/**
 * Makes the validator's own findings without the public API's defensive copy, and with a pointer made from its parts
 * only when read: the rules run on every record, and a record can carry several findings (AWS's own SQS/SNS example
 * carries five) that a run often never prints. Not API: {@link FindingCode#finding} is.
 *
 * <p>{@link Finding}'s constructors are not public; {@link Finding} hands this class its maker when it is initialised
 * (the pattern of the JDK's shared secrets), so nothing outside the two can make a finding this way.
 */
public final class Findings {

    /** Makes a finding from parts; {@link Finding} installs the only one. */
    public interface Maker {
        /**
         * Makes a finding of {@code code} whose pointer is {@code head}, then {@code key} escaped, then {@code tail},
         * and whose arguments are {@code argv} (names and values in turn, now the finding's own).
         *
         * @param code     the catalogue entry
         * @param severity its severity
         * @param head     the pointer up to the key ({@code "/KafkaBatchInfo/recordsInfo/"})
         * @param key      a member name, escaped when the pointer is made; null for a pointer that is {@code head}
         * @param tail     the pointer after the key ({@code "/firstRecordOffset"}); empty for none
         * @param argv     names and values in turn
         * @return the finding
         */
        Finding make(FindingCode code, Severity severity, String head, String key, String tail, String[] argv);
    }

    private static volatile Maker maker;

    private Findings() {
    }

    /**
     * Takes {@link Finding}'s maker; called once, from its class initialiser.
     *
     * @throws IllegalStateException if a maker is already installed
     */
    public static synchronized void install(Maker m) {
        if (maker != null) {
            throw new IllegalStateException("a finding maker is already installed");
        }
        maker = Objects.requireNonNull(m, "maker");
    }

    /**
     * Makes a finding of {@code code}, checked as {@link FindingCode#finding(dev.onfailure.schema.Profile, String,
     * String...)} checks it, whose pointer is {@code head}, then {@code key} escaped, then {@code tail}, made when
     * first read ({@code key} null for a pointer that is {@code head} alone).
     *
     * @param argv names and values in turn; the finding keeps this array, so the caller must not change it
     */
    public static Finding make(FindingCode code, Severity severity, String head, String key, String tail,
            String[] argv) {
        Maker m = maker;
        if (m == null) {
            Objects.requireNonNull(Finding.ORDER);   // initialises Finding, whose initialiser installs its maker
            m = Objects.requireNonNull(maker, "Finding installed no maker");
        }
        return m.make(code, severity, head, key, tail, argv);
    }
}
