package dev.onfailure.cli;

import java.io.PrintWriter;

/** A progress line on standard error for long runs, shown only on a terminal and at most a few times a second. */
final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private final java.util.function.Supplier<java.util.Optional<String>> detail;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    Progress(PrintWriter err, boolean enabled) {
        this(err, enabled, java.util.Optional::empty);
    }

    /** A progress line that also shows {@code detail} (objects listed and fetched from s3://, sqs://, kafka://). */
    Progress(PrintWriter err, boolean enabled, java.util.function.Supplier<java.util.Optional<String>> detail) {
        this.err = err;
        this.enabled = enabled;
        this.detail = detail;
    }

    void tick(int records) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start > 1_000_000_000L && now - last > 250_000_000L) {
            last = now;
            shown = true;
            long perSecond = records * 1_000_000_000L / Math.max(1, now - start);
            String checked = records + (records == 1 ? " record" : " records") + " checked";
            err.print("\r" + detail.get().map(d -> d + ", " + checked + " (" + perSecond + "/s)...")
                    .orElse(checked + "..."));
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
