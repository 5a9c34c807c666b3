package dev.onfailure.validator;

import java.util.List;

/**
 * The verdict on one document: one {@link RecordReport} per record it holds (one for a bare record, one per message of
 * an envelope; a document that could not be read at all gets one report with its {@code json.*} finding).
 *
 * <pre>{@code
 * DocumentReport report = validator.validate(bytes);
 * if (!report.valid()) {
 *     report.records().forEach(r -> r.findings().forEach(System.out::println));
 * }
 * }</pre>
 *
 * @param records the reports, in document order
 */
public record DocumentReport(List<RecordReport> records) {

    /** Copies the reports. */
    public DocumentReport {
        records = List.copyOf(records);
    }

    /** Returns true if every record is valid. */
    public boolean valid() {
        for (RecordReport r : records) {   // a loop, not a stream: the command asks this of every document
            if (!r.valid()) {
                return false;
            }
        }
        return true;
    }

    /** Returns every finding of every record, in order. */
    public List<Finding> findings() {
        return records.stream().flatMap(r -> r.findings().stream()).toList();
    }
}
