package dev.onfailure.redrive;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the cluster returned for one {@link FetchRange}: the records in offset order, and the offsets it did not.
 *
 * <pre>{@code
 * FetchedRange r = fetcher.fetch(ranges).get(0);
 * r.found();      // 8
 * r.expected();   // 10
 * r.absent();     // [100-101 deleted]
 * }</pre>
 *
 * @param range          the range asked for
 * @param records        the records found, in offset order
 * @param logStartOffset the partition's log start offset when the range was read
 * @param endOffset      the partition's end offset taken at start (the last stable offset under read_committed)
 * @param absent         the offsets of the range not returned, in runs, in order
 */
public record FetchedRange(FetchRange range, List<ConsumerRecord<byte[], byte[]>> records, long logStartOffset,
        long endOffset, List<Absence> absent) {

    /** Keeps unmodifiable copies. */
    public FetchedRange {
        records = List.copyOf(records);
        absent = List.copyOf(absent);
    }

    /** Returns how many records were found. */
    public int found() {
        return records.size();
    }

    /** Returns how many records the range should hold; see {@link FetchRange#basis()}. */
    public long expected() {
        return range.expected();
    }

    /** Returns the number of absent offsets (at most {@link Long#MAX_VALUE}). */
    public long absentCount() {
        long n = 0;
        for (Absence a : absent) {
            n = a.count() > Long.MAX_VALUE - n ? Long.MAX_VALUE : n + a.count();   // 0..Long.MAX_VALUE is 2^63
        }
        return n;
    }
}
