package dev.onfailure.model;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.schema.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes Kafka failure records and invocation events, losslessly: {@code read(write(x))} equals
 * {@code x}, and writing a record AWS wrote, compact and in AWS order, gives back the bytes AWS wrote.
 *
 * <p>Reading is strict JSON within {@link ReadLimits} (see {@link Json}); a document that is JSON but not a record
 * fails with {@link ReadException.Problem#NOT_OBJECT}, {@link ReadException.Problem#UNKNOWN_KIND} or
 * {@link ReadException.Problem#SHAPE} and a JSON Pointer. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * RecordCodec codec = RecordCodec.defaults();
 * KafkaFailureRecord r = codec.read(sqsMessage.body());
 * String s3Style = codec.write(r, WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT));
 * }</pre>
 */
public final class RecordCodec {

    private static final RecordCodec DEFAULTS = new RecordCodec(ReadLimits.defaults());

    private final ReadLimits limits;
    private final ModelReader reader;
    private final RecordBytesReader plainReader;
    private final RecordBytesReader bytesReader;

    private RecordCodec(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = new ModelReader(limits);
        this.plainReader = RecordBytesReader.plain(limits);
        this.bytesReader = RecordBytesReader.general(limits);
    }

    /** Returns a codec with the default limits. */
    public static RecordCodec defaults() {
        return DEFAULTS;
    }

    /** Returns a codec that reads within {@code limits}, payloads included. */
    public static RecordCodec withLimits(ReadLimits limits) {
        return new RecordCodec(limits);
    }

    /**
     * Tells the kind of a JSON object from its members: a Kafka failure record has {@code KafkaBatchInfo}; one with
     * {@code payload} is an S3 record and one without an SQS/SNS record, except that one with
     * {@code KafkaBatchInfo.recordInfo} (no {@code recordsInfo}) and a payload other than a string is a Kafka-topic
     * record, so the single-record form emulators write for every destination keeps its destination's kind. Empty for anything else (never {@link Kind#EVENT}).
     *
     * <pre>{@code
     * RecordCodec.kindOf(jsonObject);   // Optional[S3] when it has KafkaBatchInfo and payload
     * }</pre>
     */
    public static Optional<Kind> kindOf(JsonObject record) {
        Optional<JsonValue> info = record.get("KafkaBatchInfo");
        if (info.isEmpty()) {
            return Optional.empty();
        }
        // The single-record form emulators write for every destination keeps its destination's kind: a recordInfo
        // with no payload is an SQS/SNS record, with a string payload an S3 record.
        Optional<JsonValue> payload = record.get("payload");
        if (info.get() instanceof JsonObject o && o.has("recordInfo") && !o.has("recordsInfo") && payload.isPresent()
                && !(payload.get() instanceof dev.onfailure.json.JsonString)) {
            return Optional.of(Kind.TOPIC);
        }
        return Optional.of(payload.isPresent() ? Kind.S3 : Kind.SQS_SNS);
    }

    /** Returns the limits this codec reads within. */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * Reads a record from JSON text. Text that is ASCII (as Lambda writes message bodies) takes the straight-from-bytes
     * path of {@link #readPlain(byte[])}.
     */
    public KafkaFailureRecord read(String json) {
        return readBytes(json).orElseGet(() -> read(Json.parse(json, limits)));
    }

    /** The longest text copied to bytes to try the straight-from-bytes path: a record without payload. */
    private static final int PLAIN_TEXT_CHARS = 1 << 20;

    /**
     * {@link #readPlain(byte[])} of text: empty also for text that is not ASCII or longer than a megabyte, which
     * {@link #read(String)} reads through the tree, every character as given. Public for the validator, which is given
     * SQS message bodies and SNS messages as text.
     *
     * <pre>{@code
     * Optional<SqsSnsRecord> r = codec.readPlain(sqsMessage.body());   // empty: read the tree yourself
     * }</pre>
     */
    public Optional<SqsSnsRecord> readPlain(String json) {
        if (json.length() > PLAIN_TEXT_CHARS) {
            return Optional.empty();
        }
        return asciiBytes(json).flatMap(this::readPlain);
    }

    /**
     * Returns the UTF-8 bytes of {@code text} when every character is ASCII (one byte each), else empty: the cheap
     * test for text that the byte reader may take as it is. A lone surrogate, which UTF-8 cannot encode, is not ASCII.
     */
    static Optional<byte[]> asciiBytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Non-ASCII takes two or more bytes, except a lone surrogate, which becomes '?': decoding back tells them apart
        if (bytes.length != text.length() || !new String(bytes, StandardCharsets.ISO_8859_1).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** Reads a record from UTF-8 bytes. */
    public KafkaFailureRecord read(byte[] json) {
        return readBytes(json).orElseGet(() -> read(Json.parse(json, limits)));
    }

    /**
     * Reads a record of any kind straight from UTF-8 bytes when it is written plainly enough (ASCII, canonical
     * integers; an S3 record's string payload kept as a slice of {@code json}, a Kafka-topic record's object payload
     * read as an event from its own bytes; members the model does not know kept; members in AWS's order or sorted);
     * empty for anything else, which {@link #read(byte[])} reads through the lossless tree. When it gives a record,
     * it is the record {@code read} would give.
     *
     * <p>Public for the validator, which checks such a record without any tree and parses one only otherwise.
     *
     * <pre>{@code
     * Optional<KafkaFailureRecord> r = codec.readBytes(bytes);
     * JsonValue tree = r.isPresent() ? null : Json.parse(bytes);   // only when needed
     * }</pre>
     */
    public Optional<KafkaFailureRecord> readBytes(byte[] json) {
        if (json.length > limits.maxDocumentBytes()) {
            return Optional.empty();
        }
        return Optional.ofNullable(bytesReader.read(json));
    }

    /**
     * {@link #readBytes(byte[])} of text: empty also for text that is not ASCII or longer than a megabyte, which
     * {@link #read(String)} reads through the tree, every character as given.
     */
    public Optional<KafkaFailureRecord> readBytes(String json) {
        if (json.length() > PLAIN_TEXT_CHARS) {
            return Optional.empty();
        }
        return asciiBytes(json).flatMap(this::readBytes);
    }

    /**
     * Reads an SQS/SNS record straight from UTF-8 bytes when it has exactly the shape Lambda sends (no payload, no
     * unknown member); empty for anything else, which {@link #read(byte[])} reads through the lossless tree. When it
     * gives a record, it is the record {@code read} would give.
     *
     * <p>Public for callers that need the document's tree whenever the fast path declines, and must not read it twice:
     * the validator checks such a record without any tree, and parses one (for the schema engine) only otherwise.
     * {@link #read(byte[])} already takes this path, so a caller that only wants the record has no use for it.
     *
     * <pre>{@code
     * Optional<SqsSnsRecord> r = codec.readPlain(bytes);
     * JsonValue tree = r.isPresent() ? null : Json.parse(bytes);   // only when needed
     * }</pre>
     */
    public Optional<SqsSnsRecord> readPlain(byte[] json) {
        if (json.length > limits.maxDocumentBytes()) {
            return Optional.empty();
        }
        return Optional.ofNullable((SqsSnsRecord) plainReader.read(json));
    }

    /** Reads a record from a UTF-8 stream, which is not closed. */
    public KafkaFailureRecord read(InputStream in) throws IOException {
        return read(Json.parse(in, limits));
    }

    /** Reads a record from a file. */
    public KafkaFailureRecord read(Path path) throws IOException {
        return read(Json.parse(path, limits));
    }

    /** Binds an already parsed document to a record. */
    public KafkaFailureRecord read(JsonValue document) {
        return reader.record(document);
    }

    /** Reads an invocation event from JSON text. */
    public KafkaEvent readEvent(String json) {
        return readEvent(Json.parse(json, limits));
    }

    /** Reads an invocation event from UTF-8 bytes. */
    public KafkaEvent readEvent(byte[] json) {
        // The common case straight from the bytes, else from the tokens; anything unusual through the tree, which
        // explains what is wrong.
        KafkaEvent fast = EventBytesReader.of(limits).read(json);
        if (fast == null) {
            fast = new KafkaEventReader(limits).read(json);
        }
        return fast != null ? fast : readEvent(Json.parse(json, limits));
    }

    /** Reads an invocation event from a UTF-8 stream, which is not closed. */
    public KafkaEvent readEvent(InputStream in) throws IOException {
        return readEvent(Json.parse(in, limits));
    }

    /** Reads an invocation event from a file. */
    public KafkaEvent readEvent(Path path) throws IOException {
        return readEvent(Json.parse(path, limits));
    }

    /** Binds an already parsed document to an invocation event. */
    public KafkaEvent readEvent(JsonValue document) {
        return reader.event(document, "");
    }

    /** Returns the record as a JSON object, members in AWS order. */
    public JsonObject toJson(KafkaFailureRecord record) {
        return ModelWriter.record(record);
    }

    /** Returns the event as a JSON object, members in AWS order. */
    public JsonObject toJson(KafkaEvent event) {
        return ModelWriter.event(event);
    }

    /** Writes the record compactly in AWS order: an SQS or SNS message body. */
    public String write(KafkaFailureRecord record) {
        return write(record, WriteOptions.COMPACT);
    }

    /** Writes the record as {@code options} say. */
    public String write(KafkaFailureRecord record, WriteOptions options) {
        return Json.write(ModelWriter.record(record), options);
    }

    /** Writes the event as {@code options} say. */
    public String write(KafkaEvent event, WriteOptions options) {
        return Json.write(ModelWriter.event(event), options);
    }

    /** Writes the record as UTF-8 to {@code out}, which is not closed. */
    public void write(KafkaFailureRecord record, WriteOptions options, OutputStream out) throws IOException {
        out.write(write(record, options).getBytes(StandardCharsets.UTF_8));
    }
}
