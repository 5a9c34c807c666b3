package dev.onfailure.cli;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;

/**
 * Jazzer target: reading. Any input either fails with a {@link ReadException} or parses; whatever parses obeys the
 * round-trip laws. Anything else thrown (an unexpected exception, a stack overflow) is a finding.
 */
public final class ReadFuzzTarget {

    private ReadFuzzTarget() {
    }

    /** One input. */
    public static void fuzzerTestOneInput(byte[] data) {
        JsonValue doc;
        try {
            doc = Json.parse(data);
        } catch (ReadException e) {
            if (RecordCodec.defaults().readBytes(data).isPresent()) {
                throw new AssertionError("read from bytes a record in a document that is not JSON");
            }
            return;
        }
        for (WriteOptions options : new WriteOptions[] {WriteOptions.COMPACT, WriteOptions.PRETTY}) {
            String text = Json.write(doc, options);
            JsonValue back = Json.parse(text);
            if (!back.equals(doc) || !Json.write(back, options).equals(text)) {
                throw new AssertionError("JSON round trip changed the document: " + text);
            }
        }
        dev.onfailure.model.KafkaEvent viaTree = null;
        try {
            viaTree = RecordCodec.defaults().readEvent(doc);
        } catch (ReadException e) {
            // not an event
        }
        dev.onfailure.model.KafkaEvent viaBytes = null;
        try {
            viaBytes = RecordCodec.defaults().readEvent(data);
        } catch (ReadException e) {
            // not an event
        }
        if (!java.util.Objects.equals(viaTree, viaBytes)) {
            throw new AssertionError("the event read from bytes differs from the event read through the tree");
        }
        KafkaFailureRecord record;
        try {
            record = RecordCodec.defaults().read(doc);
        } catch (ReadException e) {
            if (RecordCodec.defaults().readPlain(data).isPresent() || RecordCodec.defaults().readBytes(data).isPresent()) {
                throw new AssertionError("read from bytes a record the tree path refuses");
            }
            return;
        }
        KafkaFailureRecord fromBytes = RecordCodec.defaults().read(data);
        if (!fromBytes.equals(record)) {
            throw new AssertionError("the record read from bytes differs from the record read through the tree");
        }
        String written = RecordCodec.defaults().write(record);
        KafkaFailureRecord back = RecordCodec.defaults().read(written);
        if (!back.equals(record) || !RecordCodec.defaults().write(back).equals(written)) {
            throw new AssertionError("record round trip changed the record: " + written);
        }
        record.payloadIfAny().ifPresent(p -> {
            try {
                p.event();
            } catch (ReadException e) {
                // a payload that is not an event: reported by the validator, not a crash
            }
        });
    }
}
