package dev.onfailure.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The law of the fast path, shared by the tests that hold fixtures, corpus cases and generated records to it. */
public final class FastPath {

    private static final SchemaEngine ENGINE = new SchemaEngine();

    private FastPath() {
    }

    /**
     * Checks, for a document that is a record, under both profiles: when the fast path vouches for it, networknt finds
     * nothing, on the record or on its payload's event. Returns how many times the fast path vouched.
     */
    public static int check(String text) {
        JsonValue doc;
        try {
            doc = Json.parse(text);
        } catch (ReadException e) {
            return 0;
        }
        if (!(doc instanceof JsonObject o) || RecordCodec.kindOf(o).isEmpty()) {
            return 0;
        }
        KafkaFailureRecord r;
        try {
            r = RecordCodec.defaults().read(o);
        } catch (ReadException e) {
            return 0;
        }
        Kind kind = Kind.fromId(r.kind().id()).orElseThrow();
        Optional<KafkaEvent> event = Optional.empty();
        JsonObject payloadTree = null;
        if (r.payloadIfAny().isPresent()) {
            Payload p = r.payloadIfAny().get();
            try {
                if (p.form() == Payload.Form.STRING && Json.parse(p.text().orElseThrow()) instanceof JsonObject t) {
                    payloadTree = t;
                }
                event = Optional.of(p.event());
            } catch (ReadException e) {
                event = Optional.empty();
            }
        }
        // A record read straight from bytes is the tree's record, so the fast path says the same of it
        Optional<KafkaFailureRecord> fromBytes = RecordCodec.defaults().readBytes(text);
        Optional<KafkaEvent> eventFromBytes = Optional.empty();
        if (fromBytes.isPresent()) {
            assertThat(fromBytes.get()).as("read from bytes: %s", text).isEqualTo(r);
            try {
                eventFromBytes = fromBytes.get().payloadIfAny().map(Payload::event);
            } catch (ReadException e) {
                eventFromBytes = Optional.empty();
            }
            assertThat(eventFromBytes).as("the event read from bytes: %s", text).isEqualTo(event);
        }
        int vouched = 0;
        for (Profile profile : Profile.values()) {
            if (fromBytes.isPresent()) {
                assertThat(RecordChecker.fast(kind, profile, fromBytes.get(), eventFromBytes))
                        .as("the fast path on the record read from bytes under %s: %s", profile.id(), text)
                        .isEqualTo(RecordChecker.fast(kind, profile, r, event));
            }
            if (!RecordChecker.fast(kind, profile, r, event)) {
                continue;
            }
            vouched++;
            List<SchemaEngine.Violation> all = new ArrayList<>(ENGINE.validate(kind, profile, JacksonTrees.toJackson(o)));
            if (payloadTree != null && event.isPresent()) {
                all.addAll(ENGINE.validate(Kind.EVENT, profile, JacksonTrees.toJackson(payloadTree)));
            }
            if (event.isEmpty()) {
                // a payload that is no event: its violations are covered by kafka.payload-not-event
                all.removeIf(v -> v.pointer().startsWith("/payload"));
            }
            assertThat(all).as("the fast path vouched for a record networknt rejects under %s: %s", profile.id(), text)
                    .isEmpty();
        }
        return vouched;
    }
}
