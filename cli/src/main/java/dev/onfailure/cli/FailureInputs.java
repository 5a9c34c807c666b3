package dev.onfailure.cli;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.validator.Envelope;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The failure records of the command's SOURCE arguments, as {@code validate} takes them (files, directories, NDJSON,
 * standard input, and {@code s3://}, {@code sqs://}, {@code kafka://} locations through {@link Remote}), with
 * envelopes (SNS notification, Lambda SQS or SNS event) unwrapped. An input that is not a readable failure record (a
 * location that cannot be read, a document that is not JSON or not a record) is reported in one line on standard
 * error and skipped; {@link #skipped()} counts them, so the command ends with exit code 2 after doing the rest.
 */
final class FailureInputs {

    /** A failure record and where it came from: {@code path[:line][#pointer]}. */
    record Located(String where, KafkaFailureRecord record) {
    }

    /** An input that is not a readable failure record; the message is one line. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    private final Iterator<Inputs.Unit> units;
    private final PrintWriter err;
    private final List<Located> pending = new ArrayList<>();
    private int skipped;
    private long records;

    FailureInputs(List<String> paths, InputStream stdin, Remote remote, PrintWriter err) {
        this.units = Inputs.units(paths, stdin, ReadLimits.defaults(), remote::units);
        this.err = err;
    }

    /** Returns the next record, or empty at the end; inputs that are not readable records are reported and skipped. */
    Optional<Located> next() {
        while (pending.isEmpty()) {
            if (!units.hasNext()) {
                return Optional.empty();
            }
            Inputs.Unit unit = units.next();
            if (unit.data() == null) {
                skip(unit.source() + ": " + unit.problem());
                continue;
            }
            JsonValue doc;
            try {
                doc = Json.parse(unit.data());
            } catch (ReadException e) {
                skip(unit.source() + ": " + unreadable(e));
                continue;
            }
            collect(doc, unit.source(), "", 0);
        }
        records++;
        return Optional.of(pending.remove(0));
    }

    /**
     * Why a document was not read, as the validator would name it: over a read limit (the document, its nesting, a
     * string's or number's length) is not the same as not JSON.
     */
    private static String unreadable(ReadException e) {
        return (e.problem() == ReadException.Problem.LIMIT ? "over a read limit (json.limit): "
                : "not JSON (json.syntax): ") + e.getMessage();
    }

    /** How many records {@link #next()} has handed out. */
    long records() {
        return records;
    }

    /**
     * Says on standard error when {@code queue} (an {@code sqs://} SOURCE, if any) gave no record at all: its
     * messages may be in flight, received by another consumer or an earlier run within the visibility timeout.
     */
    void noneFrom(Optional<String> queue) {
        if (records == 0 && queue.isPresent()) {
            err.println("onfailure: no failure record came from " + queue.get() + "; messages that another consumer"
                    + " or an earlier run received are back only after the queue's visibility timeout");
        }
    }

    /** Reports {@code problem} (one line) as a skipped input. */
    void skip(String problem) {
        skipped++;
        err.println("onfailure: " + problem);
        err.flush();
    }

    /** How many inputs were reported and skipped. */
    int skipped() {
        return skipped;
    }

    /** Returns every record. */
    List<Located> all() {
        List<Located> out = new ArrayList<>();
        for (Optional<Located> r = next(); r.isPresent(); r = next()) {
            out.add(r.get());
        }
        return out;
    }

    /** Adds the records of {@code v}; each one that cannot be read is reported and skipped, not its neighbours. */
    private void collect(JsonValue v, String source, String at, int depth) {
        String where = source + (at.isEmpty() ? "" : "#" + at);
        if (v instanceof JsonObject o && depth < 3 && !o.has("KafkaBatchInfo")) {
            Optional<Envelope.Unwrapped> u = Envelope.unwrap(o);
            if (u.isPresent()) {
                for (Envelope.Message m : u.get().messages()) {
                    if (m.text().isEmpty()) {
                        skip(source + "#" + at + m.pointer() + ": no message text in the envelope");
                        continue;
                    }
                    JsonValue inner;
                    try {
                        inner = Json.parse(m.text().get());
                    } catch (ReadException e) {
                        skip(source + "#" + at + m.pointer() + ": " + unreadable(e));
                        continue;
                    }
                    collect(inner, source, at + m.pointer(), depth + 1);
                }
                return;
            }
        }
        try {
            pending.add(new Located(where, RecordCodec.defaults().read(v)));
        } catch (ReadException e) {
            skip(where + ": not a readable Kafka failure record: " + e.getMessage()
                    + " (run onfailure validate for every finding)");
        }
    }
}
