package dev.onfailure.spark;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the readers of this JVM did, for tests and benchmarks that must show a pruned query skipping work (in local
 * mode the executors share the driver's JVM). Not API.
 */
final class ReadStats {

    /** Documents read. */
    static final AtomicLong DOCUMENTS = new AtomicLong();
    /** Documents the reader parsed into a tree itself (the validator's own reading is not counted). */
    static final AtomicLong TREES = new AtomicLong();
    /** Documents validated. */
    static final AtomicLong VALIDATIONS = new AtomicLong();
    /** Finding messages made. */
    static final AtomicLong MESSAGES = new AtomicLong();
    /** Payloads parsed into events by the reader itself (validation parses its own). */
    static final AtomicLong PAYLOADS = new AtomicLong();

    private ReadStats() {
    }

    static void reset() {
        DOCUMENTS.set(0);
        TREES.set(0);
        VALIDATIONS.set(0);
        MESSAGES.set(0);
        PAYLOADS.set(0);
    }
}
