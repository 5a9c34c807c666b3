package dev.onfailure.validator;

import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wrappers in which consumers receive failure records (FORMATS.md section 6). The validator unwraps them, and so
 * can any consumer that wants the records inside:
 *
 * <pre>{@code
 * Optional<Envelope.Unwrapped> u = Envelope.unwrap((JsonObject) Json.parse(lambdaEvent));
 * for (Envelope.Message m : u.orElseThrow().messages()) {
 *     m.pointer();   // "/Records/0/body"
 *     m.text();      // Optional[{"requestContext":...}], empty when the member is missing or not a string
 * }
 * }</pre>
 */
public enum Envelope {
    /** An SNS notification ({@code "Type": "Notification"}): {@code Message} holds the record as a string. */
    SNS_NOTIFICATION("sns-notification", "SNS notification"),
    /** A Lambda SQS event: each {@code Records[].body} holds a record (or an SNS notification) as a string. */
    SQS_EVENT("sqs-event", "Lambda SQS event"),
    /** A Lambda SNS event: each {@code Records[].Sns.Message} holds a record as a string. */
    SNS_EVENT("sns-event", "Lambda SNS event");

    private final String id;
    private final String title;

    Envelope(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the envelope's id, such as {@code sqs-event}. */
    public String id() {
        return id;
    }

    /** Returns a name for people. */
    public String title() {
        return title;
    }

    /**
     * One message of an envelope: the text of a string member that should hold a record (or, in a Lambda SQS event,
     * an SNS notification).
     *
     * @param pointer the member's JSON Pointer in the envelope, such as {@code /Records/0/body}
     * @param member  what the member is called, for messages: {@code Message}, {@code body} or {@code Sns.Message}
     * @param text    the message text, or empty when the member is missing or not a string
     */
    public record Message(String pointer, String member, Optional<String> text) {

        /** Checks for nulls. */
        public Message {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An envelope and its messages.
     *
     * @param envelope the kind of envelope
     * @param messages its messages, in order (none for a Lambda event with no records)
     */
    public record Unwrapped(Envelope envelope, List<Message> messages) {

        /** Checks for nulls and copies the messages. */
        public Unwrapped {
            Objects.requireNonNull(envelope, "envelope");
            messages = List.copyOf(messages);
        }
    }

    /**
     * Returns the envelope {@code document} is, with its messages, or empty when it is none (a failure record itself
     * is no envelope). One level only: a message may hold another envelope (an SNS notification delivered through
     * SQS), which the caller unwraps in turn.
     */
    public static Optional<Unwrapped> unwrap(JsonObject document) {
        if (string(document, "Type").filter("Notification"::equals).isPresent() && document.has("Message")) {
            return Optional.of(new Unwrapped(SNS_NOTIFICATION,
                    List.of(new Message("/Message", "Message", string(document, "Message")))));
        }
        if (!(document.get("Records").orElse(null) instanceof JsonArray records) || document.has("KafkaBatchInfo")) {
            return Optional.empty();
        }
        Envelope kind = null;
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonObject r = records.get(i) instanceof JsonObject x ? x : JsonObject.empty();
            if (r.get("Sns").orElse(null) instanceof JsonObject sns) {
                kind = kind == null ? SNS_EVENT : kind;
                messages.add(new Message("/Records/" + i + "/Sns/Message", "Sns.Message", string(sns, "Message")));
            } else {
                kind = kind == null ? SQS_EVENT : kind;
                messages.add(new Message("/Records/" + i + "/body", "body", string(r, "body")));
            }
        }
        return Optional.of(new Unwrapped(kind == null ? SQS_EVENT : kind, messages));
    }

    private static Optional<String> string(JsonObject o, String name) {
        return o.get(name).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
    }
}
