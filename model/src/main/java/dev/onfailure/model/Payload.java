package dev.onfailure.model;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code payload} of an S3 or Kafka-topic record: the whole invocation event, either as an escaped JSON
 * <em>string</em> (how AWS documents the S3 record) or as a JSON <em>object</em> (how emulators write it, and how the
 * Kafka-topic record carries it). The form is kept, and so is the exact content; the typed {@link KafkaEvent} is
 * parsed only when asked for, once (unless the byte reader read it on the way, from the record's bytes).
 *
 * <pre>{@code
 * Payload p = s3Record.payload();
 * p.form();                // STRING
 * KafkaEvent e = p.event();   // parsed now; ReadException if the payload is not an event
 * }</pre>
 */
public final class Payload {

    /** How the payload is written. */
    public enum Form {
        /** A JSON string holding the event's JSON text. */
        STRING,
        /** A JSON object: the event itself. */
        OBJECT
    }

    private final Form form;
    private final JsonString string;
    /** An object payload's tree; for one read from bytes, made from {@link #objectBytes} when first asked for. */
    private volatile JsonObject object;
    /** An object payload read from bytes (its event already read from them): the object's UTF-8 text. */
    private final byte[] objectBytes;
    private final ReadLimits limits;
    /** The parsed event or the ReadException saying why there is none; computed once. */
    private volatile Object parsed;

    private Payload(Form form, JsonString string, JsonObject object, ReadLimits limits) {
        this.form = form;
        this.string = string;
        this.object = object;
        this.objectBytes = null;
        this.limits = limits;
    }

    private Payload(byte[] objectBytes, KafkaEvent event, ReadLimits limits) {
        this.form = Form.OBJECT;
        this.string = null;
        this.objectBytes = objectBytes;
        this.limits = limits;
        this.parsed = event;
    }

    /** Returns a payload written as a string holding {@code json}, whatever it holds. */
    public static Payload ofString(String json) {
        return ofString(json, ReadLimits.defaults());
    }

    /** Returns a payload written as a string; {@link #event()} parses it within {@code limits}. */
    public static Payload ofString(String json, ReadLimits limits) {
        return new Payload(Form.STRING, JsonString.of(Objects.requireNonNull(json, "json")), null, limits);
    }

    /** Returns a payload written as the string {@code json}, kept as it was read (perhaps a slice of the document). */
    static Payload ofString(JsonString json, ReadLimits limits) {
        return new Payload(Form.STRING, json, null, limits);
    }

    /**
     * Returns a payload written as the string {@code json} (a slice of the document) whose event the byte reader read
     * on the way, straight from the escaped bytes: {@code event} is what {@link #event()} would parse from the text.
     */
    static Payload ofString(JsonString json, KafkaEvent event, ReadLimits limits) {
        Payload p = new Payload(Form.STRING, json, null, limits);
        p.parsed = Objects.requireNonNull(event, "event");
        return p;
    }

    /** Returns a payload written as the object {@code object}. */
    public static Payload ofObject(JsonObject object) {
        return new Payload(Form.OBJECT, null, Objects.requireNonNull(object, "object"), ReadLimits.defaults());
    }

    /**
     * Returns an object payload read straight from a record's bytes: {@code json} is the object's UTF-8 text and
     * {@code event} what the token reader read from it (so the text is well-formed within {@code limits}); the tree
     * is made only if someone asks for it.
     */
    static Payload ofObject(byte[] json, KafkaEvent event, ReadLimits limits) {
        return new Payload(json, event, limits);
    }

    /** Returns the object of an object payload, parsing it from its bytes on the first call; null for a string. */
    private JsonObject tree() {
        JsonObject o = object;
        if (o == null && objectBytes != null) {
            try {
                o = (JsonObject) Json.parse(objectBytes, limits);
            } catch (ReadException e) {
                throw new IllegalStateException("an object payload the byte or token reader read is not JSON: " + e, e);
            }
            object = o;
        }
        return o;
    }

    /** Returns a payload holding {@code event}, written in {@code form} (compact, AWS order, for a string). */
    public static Payload ofEvent(KafkaEvent event, Form form) {
        JsonObject json = ModelWriter.event(event);
        Payload p = form == Form.STRING ? ofString(Json.write(json)) : ofObject(json);
        p.parsed = event;
        return p;
    }

    /** Returns how the payload is written. */
    public Form form() {
        return form;
    }

    /** Returns the JSON text of a string payload (for a long one read from bytes, decoded at each call). */
    public Optional<String> text() {
        return string == null ? Optional.empty() : Optional.of(string.value());
    }

    /**
     * Returns the JSON text of a string payload as UTF-8 bytes, without building a {@code String}; empty for an object
     * payload, or for text holding a lone surrogate (use {@link #text()} then).
     */
    public Optional<byte[]> utf8() {
        return string == null ? Optional.empty() : Optional.ofNullable(string.utf8());
    }

    /** Returns the first character of a string payload that is not whitespace, or -1 (also for an object). */
    public int firstNonWhitespace() {
        return string == null ? -1 : string.firstNonWhitespace();
    }

    /** Returns the object of an object payload. */
    public Optional<JsonObject> object() {
        return Optional.ofNullable(tree());
    }

    /** Returns the payload as the JSON value written in the record: a {@link JsonString} or a {@link JsonObject}. */
    public JsonValue toJson() {
        return form == Form.STRING ? string : tree();
    }

    /**
     * Returns the invocation event the payload holds, parsed on first call.
     *
     * @throws ReadException when the payload is not a Kafka invocation event; its pointer starts with
     *                       {@code /payload} and, for a string payload, its line and column are in the string
     */
    public KafkaEvent event() {
        Object p = parsed;
        if (p == null) {
            p = parse();
            parsed = p;
        }
        if (p instanceof ReadException e) {
            throw new ReadException(e.problem(), e.detail(), e.pointer(), e.line(), e.column());
        }
        return (KafkaEvent) p;
    }

    /** Returns true if the payload holds a Kafka invocation event. */
    public boolean isEvent() {
        try {
            event();
            return true;
        } catch (ReadException e) {
            return false;
        }
    }

    private Object parse() {
        try {
            if (form == Form.OBJECT) {
                return new ModelReader(limits).event(tree(), "/payload");
            }
            JsonValue doc;
            try {
                byte[] bytes = string.utf8();
                if (bytes != null) {
                    KafkaEvent fast = EventBytesReader.of(limits).read(bytes);
                    if (fast != null) {
                        return fast;
                    }
                    fast = new KafkaEventReader(limits).read(bytes);
                    if (fast != null) {
                        return fast;
                    }
                }
                doc = bytes != null ? Json.parse(bytes, limits) : Json.parse(string.value(), limits);
            } catch (ReadException e) {
                return new ReadException(e.problem(), "the payload string is not JSON: " + e.detail()
                        + (e.pointer().isEmpty() ? "" : " at " + e.pointer() + " inside it"), "/payload",
                        e.line(), e.column());
            }
            try {
                return new ModelReader(limits).event(doc, "");
            } catch (ReadException e) {
                return new ReadException(e.problem(), "the payload string is not a Kafka invocation event: "
                        + e.detail() + (e.pointer().isEmpty() ? "" : " at " + e.pointer() + " inside it"),
                        "/payload", 0, 0);
            }
        } catch (ReadException e) {
            return e;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload other && form == other.form && Objects.equals(string, other.string)
                && Objects.equals(tree(), other.tree());
    }

    @Override
    public int hashCode() {
        return Objects.hash(form, string, tree());
    }

    @Override
    public String toString() {
        String content = form == Form.STRING ? string.value() : tree().toString();
        return "Payload{" + form + ", " + (content.length() > 80 ? content.substring(0, 80) + "..." : content) + "}";
    }
}
