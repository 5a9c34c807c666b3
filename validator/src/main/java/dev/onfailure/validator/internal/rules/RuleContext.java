package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a rule knows besides the record (the profile, the payload's event read once) and where it reports. */
public final class RuleContext {

    private final Profile profile;
    private final Optional<KafkaEvent> payloadEvent;
    private final Optional<ReadException> payloadProblem;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * Creates a context.
     *
     * @param profile        the profile
     * @param payloadEvent   the event the record's payload holds, when it holds one
     * @param payloadProblem why the payload holds no event, when it has a payload that is not one
     */
    public RuleContext(Profile profile, Optional<KafkaEvent> payloadEvent, Optional<ReadException> payloadProblem) {
        this.profile = profile;
        this.payloadEvent = payloadEvent;
        this.payloadProblem = payloadProblem;
    }

    private boolean keysVouched;

    /**
     * Notes that the fast schema check vouched for the record and its payload's event, so every {@code recordsInfo}
     * key and every key of the event's {@code records} is a topic-partition key ({@code TopicPartition.isKey}) and the
     * key rule need not look at them again; returns this context.
     */
    public RuleContext withKeysVouched() {
        keysVouched = true;
        return this;
    }

    /** Whether the record's and its event's keys are known to be topic-partition keys. */
    boolean keysAreVouched() {
        return keysVouched;
    }

    /** Returns the profile. */
    public Profile profile() {
        return profile;
    }

    /** Returns the payload's event, if the record has a payload that is one. */
    public Optional<KafkaEvent> payloadEvent() {
        return payloadEvent;
    }

    /** Returns why the payload is not an event, if the record has a payload that is not one. */
    public Optional<ReadException> payloadProblem() {
        return payloadProblem;
    }

    /**
     * Reports a finding of {@code code} at {@code pointer}; its arguments are names and values in turn, in an array the
     * finding keeps (a varargs call's own).
     */
    public void report(FindingCode code, String pointer, String... namesAndValues) {
        findings.add(Findings.make(code, code.severity(profile), pointer, null, "", namesAndValues));
    }

    /**
     * Reports a finding of {@code code} at {@code head}, then the member name {@code key} (escaped when the pointer is
     * made), then {@code tail}: a pointer made only when read.
     */
    public void reportAt(FindingCode code, String head, String key, String tail, String... namesAndValues) {
        findings.add(Findings.make(code, code.severity(profile), head, key, tail, namesAndValues));
    }

    /** Reports a finding of {@code code} with a severity other than the catalogue's, for a documented exception. */
    public void report(FindingCode code, Severity severity, String pointer, String... namesAndValues) {
        findings.add(Findings.make(code, severity, pointer, null, "", namesAndValues));
    }

    /**
     * Reports a finding of {@code code} that rests on inference rather than on AWS's text: a warning under the
     * tolerant profile, an error under the strict one, whatever the catalogue's severity for the code's grounded
     * cases.
     */
    public void reportInferred(FindingCode code, String pointer, String... namesAndValues) {
        Severity severity = profile == Profile.STRICT ? Severity.ERROR : Severity.WARNING;
        findings.add(Findings.make(code, severity, pointer, null, "", namesAndValues));
    }

    /** Returns what was reported. */
    public List<Finding> findings() {
        return findings;
    }
}
