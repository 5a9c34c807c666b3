package dev.onfailure.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks a lazy stream of input units on worker threads and hands the results back in input order, on the calling
 * thread. Memory stays bounded on endless streams: units travel in batches (one hand-off per batch, not per record,
 * so the thread that reads and prints does not become the bottleneck on small records), and the batches in flight
 * are bounded by count and by bytes, so big documents are checked one or two at a time and small ones in bulk.
 *
 * <p>Where the units come from (files, standard input, the bundled examples, a remote location) is the caller's
 * business: anything that yields {@link Inputs.Unit}s can be checked.
 */
final class Pipeline {

    /** How many batches may be in flight at once, per thread. */
    private static final int WINDOW_PER_THREAD = 4;

    /** A batch holds up to this many units... */
    private static final int BATCH_UNITS = 64;

    /** ...or this many bytes, whichever comes first. */
    private static final long BATCH_BYTES = 1L << 20;

    /** How many bytes of input may be in flight at once: with the parsed trees, this fits a 256 MB heap. */
    private static final long BYTES_IN_FLIGHT = 40L << 20;

    private final int threads;

    Pipeline(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
    }

    /**
     * Runs {@code check} on every unit on the workers and {@code done} on each result, in input order, on this thread.
     */
    void run(Iterator<Inputs.Unit> units, Function<Inputs.Unit, Checked> check, Consumer<Checked> done)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "onfailure-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<List<Checked>>> window = new ArrayDeque<>();
            ArrayDeque<Long> sizes = new ArrayDeque<>();
            long inFlight = 0;
            while (units.hasNext()) {
                List<Inputs.Unit> batch = new ArrayList<>();
                long batchBytes = 0;
                do {
                    Inputs.Unit unit = units.next();
                    batch.add(unit);
                    batchBytes += unit.data() == null ? 0 : unit.data().length;
                } while (batch.size() < BATCH_UNITS && batchBytes < BATCH_BYTES && units.hasNext());
                while (!window.isEmpty() && (window.size() >= threads * WINDOW_PER_THREAD
                        || inFlight + batchBytes > BYTES_IN_FLIGHT)) {
                    hand(window.poll(), done);
                    inFlight -= sizes.poll();
                }
                window.add(pool.submit(() -> {
                    List<Checked> results = new ArrayList<>(batch.size());
                    for (Inputs.Unit u : batch) {
                        results.add(check.apply(u));
                    }
                    return results;
                }));
                sizes.add(batchBytes);
                inFlight += batchBytes;
            }
            while (!window.isEmpty()) {
                hand(window.poll(), done);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void hand(Future<List<Checked>> future, Consumer<Checked> done) throws InterruptedException {
        List<Checked> batch;
        try {
            batch = future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        batch.forEach(done);
    }
}
