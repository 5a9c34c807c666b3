package dev.onfailure.spark;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the readers of this JVM did, for tests and benchmarks that must show a pruned query skipping work (in local
 * mode the executors share the driver's JVM). Not API. {@link LongAdder}s: every task thread adds to them at every
 * document, and an {@code AtomicLong} would have them take turns at one cache line.
 */
final class ReadStats {

    /** Documents read. */
    static final LongAdder DOCUMENTS = new LongAdder();
    /** Documents the reader parsed into a tree itself (the validator's own reading is not counted). */
    static final LongAdder TREES = new LongAdder();
    /** Documents whose kind was found without a tree ({@link KindSkim}), for a query of kinds. */
    static final LongAdder SKIMS = new LongAdder();
    /** Documents whose record the reader bound straight from the bytes, for member columns without validation. */
    static final LongAdder BOUND = new LongAdder();
    /** Documents validated. */
    static final LongAdder VALIDATIONS = new LongAdder();
    /** Finding messages made. */
    static final LongAdder MESSAGES = new LongAdder();
    /** Payloads parsed into events by the reader itself (validation parses its own). */
    static final LongAdder PAYLOADS = new LongAdder();

    private ReadStats() {
    }

    static void reset() {
        DOCUMENTS.reset();
        TREES.reset();
        SKIMS.reset();
        BOUND.reset();
        VALIDATIONS.reset();
        MESSAGES.reset();
        PAYLOADS.reset();
    }
}
