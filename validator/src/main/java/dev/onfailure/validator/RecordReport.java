package dev.onfailure.validator;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one record: where it was found, what kind it is, and the findings, sorted by pointer then code.
 *
 * <pre>{@code
 * RecordReport r = report.records().get(0);
 * r.location();   // "/Records/0/body" inside a Lambda SQS event, "" for a bare record
 * r.kind();       // Optional[S3]
 * r.valid();      // false when any finding is an error
 *
 * // asked for with ValidationOptions.keepingRecords(): the record as the validator bound and checked it
 * DocumentReport kept = validator.validate(bytes, ValidationOptions.TOLERANT.keepingRecords());
 * kept.records().get(0).record()                  // Optional[S3Record{...}]
 *     .flatMap(KafkaFailureRecord::payloadIfAny)
 *     .map(Payload::event);                       // the event the validator already parsed: not parsed again
 * }</pre>
 *
 * @param location the JSON Pointer of the record inside the document; {@code ""} when the document is the record.
 *                 Inside an envelope it continues into the JSON held by a string member, e.g.
 *                 {@code /Records/0/body/Message} for an SNS notification delivered through SQS
 * @param envelope the innermost envelope the record came in, if any
 * @param kind     the kind (detected or forced), empty when the document is no known record
 * @param profile  the profile the record was validated under
 * @param findings the findings, sorted by pointer, then code
 * @param record   the record the validator bound and checked (read straight from the bytes or from the tree, the
 *                 payload's event parsed at most once and kept in its {@code Payload}), when the options asked to
 *                 keep it ({@link ValidationOptions#keepingRecords()}); empty otherwise, and always empty when the
 *                 document is no record the model can bind (not JSON, an unknown kind, a member of the wrong type,
 *                 an event validated as {@link Kind#EVENT})
 */
public record RecordReport(String location, Optional<Envelope> envelope, Optional<Kind> kind, Profile profile,
        List<Finding> findings, Optional<KafkaFailureRecord> record) {

    /** Checks for nulls, copies and sorts the findings. */
    public RecordReport {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(record, "record");
        findings = sortedDistinct(findings);
    }

    /** Returns a report that keeps no record. */
    public RecordReport(String location, Optional<Envelope> envelope, Optional<Kind> kind, Profile profile,
            List<Finding> findings) {
        this(location, envelope, kind, profile, findings, Optional.empty());
    }

    /** Sorts by pointer, code, message, and drops repeats (equal findings sort next to each other). */
    private static List<Finding> sortedDistinct(List<Finding> findings) {
        if (findings.isEmpty()) {
            return List.of();
        }
        Finding[] array = findings.toArray(new Finding[0]);
        boolean sorted = true;
        for (int i = 1; i < array.length && sorted; i++) {
            sorted = Finding.ORDER.compare(array[i - 1], array[i]) < 0;
        }
        if (sorted) {
            return java.util.Collections.unmodifiableList(java.util.Arrays.asList(array));   // our own copy
        }
        java.util.Arrays.sort(array, Finding.ORDER);
        int n = 1;
        for (int i = 1; i < array.length; i++) {
            // equal findings compare as equal; most neighbours differ in pointer or code, told without making either
            if (Finding.ORDER.compare(array[i], array[n - 1]) != 0 || !array[i].equals(array[n - 1])) {
                array[n++] = array[i];
            }
        }
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(java.util.Arrays.copyOf(array, n)));
    }

    /** Returns true if no finding is an error. */
    public boolean valid() {
        for (Finding f : findings) {
            if (f.isError()) {
                return false;
            }
        }
        return true;
    }

    /** Returns the codes of the findings, in order. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }

    /** Returns true if some finding has severity {@code severity} or worse. */
    public boolean hasFindingAtLeast(Severity severity) {
        for (Finding f : findings) {   // a loop, not a stream: the command asks this of every record
            if (f.severity().compareTo(severity) <= 0) {
                return true;
            }
        }
        return false;
    }
}
