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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The failure records of the command's SOURCE arguments (files, directories, NDJSON, standard input, as
 * {@code validate} takes them), with envelopes (SNS notification, Lambda SQS or SNS event) unwrapped.
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
    private final List<Located> pending = new ArrayList<>();

    FailureInputs(List<String> paths, InputStream stdin) {
        this.units = Inputs.units(paths, stdin, ReadLimits.defaults().maxDocumentBytes());
    }

    /** Returns the next record, or empty at the end. */
    Optional<Located> next() throws BadInput {
        while (pending.isEmpty()) {
            if (!units.hasNext()) {
                return Optional.empty();
            }
            Inputs.Unit unit = units.next();
            if (unit.data() == null) {
                throw new BadInput(unit.source() + ": cannot read: " + unit.problem());
            }
            JsonValue doc;
            try {
                doc = Json.parse(unit.data());
            } catch (ReadException e) {
                throw new BadInput(unit.source() + ": not JSON: " + e.getMessage());
            }
            collect(doc, unit.source(), "", 0);
        }
        return Optional.of(pending.remove(0));
    }

    /** Returns every record. */
    List<Located> all() throws BadInput {
        List<Located> out = new ArrayList<>();
        for (Optional<Located> r = next(); r.isPresent(); r = next()) {
            out.add(r.get());
        }
        return out;
    }

    private void collect(JsonValue v, String source, String at, int depth) throws BadInput {
        String where = source + (at.isEmpty() ? "" : "#" + at);
        if (v instanceof JsonObject o && depth < 3 && !o.has("KafkaBatchInfo")) {
            Optional<Envelope.Unwrapped> u = Envelope.unwrap(o);
            if (u.isPresent()) {
                for (Envelope.Message m : u.get().messages()) {
                    if (m.text().isEmpty()) {
                        throw new BadInput(source + "#" + at + m.pointer() + ": no message text in the envelope");
                    }
                    JsonValue inner;
                    try {
                        inner = Json.parse(m.text().get());
                    } catch (ReadException e) {
                        throw new BadInput(source + "#" + at + m.pointer() + ": not JSON: " + e.getMessage());
                    }
                    collect(inner, source, at + m.pointer(), depth + 1);
                }
                return;
            }
        }
        try {
            pending.add(new Located(where, RecordCodec.defaults().read(v)));
        } catch (ReadException e) {
            throw new BadInput(where + ": not a readable Kafka failure record: " + e.getMessage()
                    + " (run onfailure validate for every finding)");
        }
    }
}
