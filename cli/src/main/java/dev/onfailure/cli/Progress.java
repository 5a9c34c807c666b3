package dev.onfailure.cli;

import java.io.PrintWriter;

/** A progress line on standard error for long runs, shown only on a terminal and at most a few times a second. */
final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void tick(int records) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start > 1_000_000_000L && now - last > 250_000_000L) {
            last = now;
            shown = true;
            err.print("\r" + records + " records checked...");
            err.flush();
        }
    }

    void done() {
        if (shown) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
