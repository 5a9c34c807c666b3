package dev.onfailure.cli;

import dev.onfailure.sources.Document;
import dev.onfailure.sources.Location;
import dev.onfailure.sources.Source;
import dev.onfailure.sources.SourceException;
import dev.onfailure.sources.SourceOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves {@code s3://}, {@code sqs://} and {@code kafka://} arguments into the units the commands check, so that a
 * location is taken wherever a path is. Each document becomes a unit whose source is its origin
 * ({@code s3://bucket/key}, {@code sqs://queue#messageId}, {@code kafka://topic/3@1200}); a location that cannot be
 * read at all (no such bucket, credentials refused, no answer) becomes one unit with its one-line problem, so the
 * command reports it, exits 2, and goes on with the other inputs. Sources stay open until {@link #close()}, so SQS
 * messages can be deleted after their results are written.
 */
final class Remote implements AutoCloseable {

    private final Supplier<SourceOptions> options;
    private final List<Source> opened = new ArrayList<>();
    /** The opened sources that failed: nothing is said of their messages. */
    private final Set<Source> failedSources = Collections.newSetFromMap(new IdentityHashMap<>());
    /** For {@code --delete-valid}: the SQS document behind each unit, until its result is written. */
    private final Map<Inputs.Unit, Pending> pending = new IdentityHashMap<>();
    private final List<Pending> deletable = new ArrayList<>();
    /** For {@code --delete-valid}: how many messages each source has had deleted. */
    private final Map<Source, Long> deleted = new IdentityHashMap<>();
    private final boolean trackDeletes;

    private record Pending(Source source, Document document) {
    }

    Remote(Supplier<SourceOptions> options, boolean trackDeletes) {
        this.options = options;
        this.trackDeletes = trackDeletes;
    }

    /** The units of {@code arg} when it is a location; empty for a path. */
    Optional<Iterator<Inputs.Unit>> units(String arg) {
        if (!Location.isLocation(arg)) {
            return Optional.empty();
        }
        return Optional.of(new Units(arg));
    }

    /** Documents listed and fetched so far, over every location, for the progress line; empty when none. */
    Optional<String> progress() {
        long listed = 0;
        long fetched = 0;
        synchronized (opened) {
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            for (Source s : opened) {
                listed += s.counts().listed();
                fetched += s.counts().fetched();
            }
        }
        return Optional.of(listed + " listed, " + fetched + " fetched");
    }

    /**
     * The result of {@code unit} has been handed to the reporter: with {@code --delete-valid}, its SQS message is
     * deleted at the next {@link #deleteWritten()} if it is valid, and never otherwise.
     */
    void reported(Inputs.Unit unit, boolean valid) {
        if (pending.isEmpty()) {
            return; // as almost always without --delete-valid: no identity hash made for the unit
        }
        Pending p = pending.remove(unit);
        if (p != null && valid) {
            deletable.add(p);
        }
    }

    /** How many messages wait for {@link #deleteWritten()}. */
    int deletable() {
        return deletable.size();
    }

    /**
     * Deletes the messages whose valid results are now written (call it after flushing the output). Returns the
     * problems, one line each; a message that cannot be deleted stays in its queue.
     */
    List<String> deleteWritten() {
        List<String> problems = new ArrayList<>();
        for (Pending p : deletable) {
            try {
                p.source().delete(p.document());
                deleted.merge(p.source(), 1L, Long::sum);
            } catch (SourceException e) {
                problems.add(p.document().origin().source() + ": not deleted: " + e.getMessage());
            }
        }
        deletable.clear();
        return problems;
    }

    /**
     * What to say of the locations read, one line each (call it before {@link #close()}): received {@code sqs://}
     * messages that are not deleted stay in flight, hidden from every consumer and from the next run, until the
     * queue's visibility timeout; a queue that gave nothing may hold only such messages. With {@code deleting}
     * ({@code --delete-valid}), how many were deleted and how many are left in flight (invalid, unreadable, or not
     * deleted). An S3 prefix or a Kafka topic that gave
     * nothing is said too, so that a mistyped prefix is not taken for an empty one without a word.
     */
    List<String> notes(boolean deleting) {
        List<String> notes = new ArrayList<>();
        synchronized (opened) {
            for (Source s : opened) {
                if (failedSources.contains(s)) {
                    continue;
                }
                Source.Counts counts = s.counts();
                String where = "onfailure: " + s.location().uri() + ": ";
                if (s.location() instanceof Location.S3) {
                    if (counts.listed() == 0) {
                        notes.add(where + "no object under this prefix");
                    } else if (counts.fetched() == 0 && (options.get().since().isPresent()
                            || options.get().until().isPresent())) {
                        notes.add(where + counts.listed() + (counts.listed() == 1 ? " object" : " objects")
                                + " listed, none last modified within --since/--until");
                    }
                } else if (s.location() instanceof Location.Kafka) {
                    if (counts.fetched() == 0) {
                        notes.add(where + "no message from the start offsets to the end offsets taken when reading"
                                + " began");
                    }
                } else if (counts.fetched() == 0) {
                    notes.add(where + "no message received; messages that another consumer or an earlier run"
                            + " received are back only after the queue's visibility timeout");
                } else {
                    long received = counts.fetched();
                    long gone = deleted.getOrDefault(s, 0L);              // none without --delete-valid
                    String inFlight = " received and not deleted: in flight (hidden from other consumers and the"
                            + " next run) until the queue's visibility timeout";
                    if (!deleting) {
                        notes.add(where + messages(received) + inFlight);
                    } else if (gone == received) {
                        notes.add(where + messages(received) + " received, all valid and deleted");
                    } else {
                        notes.add(where + gone + " valid and deleted, " + messages(received - gone) + inFlight);
                    }
                }
            }
        }
        return notes;
    }

    private static String messages(long n) {
        return n + (n == 1 ? " message" : " messages");
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Source s : opened) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    // closing is best effort: every result is already written
                }
            }
            opened.clear();
        }
    }

    /** The units of one location, opened when first asked. */
    private final class Units implements Iterator<Inputs.Unit> {
        private final String arg;
        private Source source;
        private Iterator<Document> documents;
        private Inputs.Unit failed;
        private boolean done;

        Units(String arg) {
            this.arg = arg;
        }

        @Override
        public boolean hasNext() {
            if (failed != null) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                if (documents == null) {
                    Location location = Location.parse(arg);
                    source = Source.open(location, options.get());
                    synchronized (opened) {
                        opened.add(source);
                    }
                    documents = source.documents();
                }
                if (!documents.hasNext()) {
                    done = true;
                }
                return !done;
            } catch (SourceException e) {
                failedSource();
                fail(e.location(), e.getMessage().substring(e.location().length() + 2));
                return true;
            } catch (IllegalArgumentException e) {
                fail(arg, e.getMessage().startsWith(arg + ": ") ? e.getMessage().substring(arg.length() + 2)
                        : e.getMessage());
                return true;
            }
        }

        private void failedSource() {
            if (source != null) {
                synchronized (opened) {
                    failedSources.add(source);
                }
            }
        }

        private void fail(String where, String problem) {
            failed = new Inputs.Unit(where, where, 0, null, problem);
            done = true;
        }

        @Override
        public Inputs.Unit next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (failed != null) {
                Inputs.Unit u = failed;
                failed = null;
                return u;
            }
            Document d;
            try {
                d = documents.next();
            } catch (SourceException e) {
                failedSource();
                done = true;
                return new Inputs.Unit(e.location(), e.location(), 0, null,
                        e.getMessage().substring(e.location().length() + 2));
            }
            String where = d.origin().source();
            // the document is its own artifact (SARIF's artifactLocation): s3://bucket/key, sqs://queue#id...
            Inputs.Unit unit = d.problem().isPresent()
                    ? new Inputs.Unit(where, where, 0, null, d.problem().get())
                    : new Inputs.Unit(where, where, 0, d.bytes(), null);
            if (trackDeletes && d.problem().isEmpty() && source.location() instanceof Location.Sqs) {
                pending.put(unit, new Pending(source, d));
            }
            return unit;
        }
    }
}
