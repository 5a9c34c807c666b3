package dev.onfailure.validator.internal;

import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.validator.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recognises the envelopes consumers receive records in, and lists the messages they hold. */
public final class Envelopes {

    /**
     * One message of an envelope.
     *
     * @param pointer the member's pointer in the envelope
     * @param member  what the member is called, for messages
     * @param text    the message text, or empty when the member is missing or not a string
     */
    public record Message(String pointer, String member, Optional<String> text) {
    }

    /**
     * An envelope and its messages.
     *
     * @param envelope the kind of envelope
     * @param messages its messages, in order
     */
    public record Unwrapped(Envelope envelope, List<Message> messages) {
    }

    private Envelopes() {
    }

    /** Returns the envelope {@code o} is, with its messages, or empty when it is none. */
    public static Optional<Unwrapped> unwrap(JsonObject o) {
        if (string(o, "Type").filter("Notification"::equals).isPresent() && o.has("Message")) {
            return Optional.of(new Unwrapped(Envelope.SNS_NOTIFICATION,
                    List.of(new Message("/Message", "Message", string(o, "Message")))));
        }
        if (!(o.get("Records").orElse(null) instanceof JsonArray records) || o.has("KafkaBatchInfo")) {
            return Optional.empty();
        }
        Envelope kind = null;
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonObject r = records.get(i) instanceof JsonObject x ? x : JsonObject.empty();
            if (r.get("Sns").orElse(null) instanceof JsonObject sns) {
                kind = kind == null ? Envelope.SNS_EVENT : kind;
                messages.add(new Message("/Records/" + i + "/Sns/Message", "Sns.Message", string(sns, "Message")));
            } else {
                kind = kind == null ? Envelope.SQS_EVENT : kind;
                messages.add(new Message("/Records/" + i + "/body", "body", string(r, "body")));
            }
        }
        return Optional.of(new Unwrapped(kind == null ? Envelope.SQS_EVENT : kind, messages));
    }

    private static Optional<String> string(JsonObject o, String name) {
        return o.get(name).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
    }

}
