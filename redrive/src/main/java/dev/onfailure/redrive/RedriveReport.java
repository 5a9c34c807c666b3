package dev.onfailure.redrive;

import java.nio.file.Path;

/**
 * What a redrive did.
 *
 * <pre>{@code
 * RedriveReport r = redriver.redrive(records);
 * r.sent();          // acknowledged by the broker in this run
 * r.alreadySent();   // skipped: the checkpoint (or the target's tail) shows an earlier run sent them
 * }</pre>
 *
 * @param records     distinct records asked for (a record named twice counts once)
 * @param duplicates  records named more than once in the input, sent once
 * @param alreadySent records an earlier run had sent, by the checkpoint
 * @param reconciled  of those, records found in the target's tail by their provenance headers after a run that
 *                    stopped between the broker's acknowledgement and the checkpoint write
 * @param sent        records sent and acknowledged in this run
 * @param checkpoint  the checkpoint file
 */
public record RedriveReport(long records, long duplicates, long alreadySent, long reconciled, long sent,
        Path checkpoint) {
}
