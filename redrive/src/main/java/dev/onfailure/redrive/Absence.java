package dev.onfailure.redrive;

/**
 * A run of offsets of a range that the cluster did not return, and why when it can be told.
 *
 * <pre>{@code
 * new Absence(100, 149, Absence.Reason.DELETED);   // "100-149 deleted"
 * }</pre>
 *
 * @param from   the first absent offset, inclusive
 * @param to     the last absent offset, inclusive
 * @param reason why they are absent
 */
public record Absence(long from, long to, Reason reason) {

    /** Why offsets are absent. */
    public enum Reason {
        /** Below the partition's log start offset: removed by retention or {@code deleteRecords}. */
        DELETED("deleted"),
        /** In the log, but written by a transaction that was aborted (read with {@code read_committed}). */
        ABORTED("aborted"),
        /** Inside the log but no record there: compacted away, or a transaction marker (a control record). */
        COMPACTED_OR_MARKER("compacted-or-marker"),
        /** At or after the partition's end offset (the last stable one under {@code read_committed}) taken at start. */
        BEYOND_END("beyond-end");

        private final String id;

        Reason(String id) {
            this.id = id;
        }

        /** Returns the name used in reports, e.g. {@code compacted-or-marker}. */
        public String id() {
            return id;
        }
    }

    /**
     * Checks the run.
     *
     * @throws IllegalArgumentException if {@code from > to}
     */
    public Absence {
        java.util.Objects.requireNonNull(reason, "reason");
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Returns the number of offsets in the run ({@link Long#MAX_VALUE} for {@code 0-Long.MAX_VALUE}). */
    public long count() {
        return to - from == Long.MAX_VALUE ? Long.MAX_VALUE : to - from + 1;
    }

    @Override
    public String toString() {
        return (from == to ? Long.toString(from) : from + "-" + to) + " " + reason.id();
    }
}
