package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Envelope;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads the failure records in a Lambda event: each SQS message, SNS message, S3 object or Kafka message becomes an
 * {@link OnFailureItem} with its id, its typed record and its report under a profile. Nothing is hand-parsed: an SQS
 * body may be a raw record or an SNS notification (raw message delivery off), and the validator unwraps it.
 *
 * <pre>{@code
 * List<OnFailureItem> items = OnFailureRecords.from(sqsEvent);                 // tolerant
 * List<OnFailureItem> strict = OnFailureRecords.of(Profile.STRICT).read(sqsEvent);
 * List<OnFailureItem> objects = OnFailureRecords.from(s3Event, s3Client);       // fetches each object
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; create one per function (a static field) and share it. Bad input never
 * throws: it becomes an {@link OnFailureItem.Status#INVALID} item with findings. An S3 object that cannot be fetched
 * becomes an {@link OnFailureItem.Status#UNAVAILABLE} item.
 */
public final class OnFailureRecords {

    private static final class Tolerant {
        static final OnFailureRecords INSTANCE = of(Profile.TOLERANT);
    }

    private final Profile profile;
    private final ValidationOptions options;
    private final ReadLimits limits;
    private final Validator validator;

    private OnFailureRecords(Profile profile, ReadLimits limits) {
        this.profile = Objects.requireNonNull(profile, "profile");
        // each report keeps the record the validator bound: the item hands it over without reading the document again
        this.options = ValidationOptions.of(profile).keepingRecords();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.validator = Validator.create(limits);
    }

    /** Returns a reader validating under {@code profile}, with the default read limits. */
    public static OnFailureRecords of(Profile profile) {
        return new OnFailureRecords(profile, ReadLimits.defaults());
    }

    /** Returns a reader validating under {@code profile}, reading within {@code limits}. */
    public static OnFailureRecords of(Profile profile, ReadLimits limits) {
        return new OnFailureRecords(profile, limits);
    }

    /** Returns the profile records are validated under. */
    public Profile profile() {
        return profile;
    }

    /** The items of an SQS event, tolerant: see {@link #read(SQSEvent)}. */
    public static List<OnFailureItem> from(SQSEvent event) {
        return Tolerant.INSTANCE.read(event);
    }

    /** The items of an SNS event, tolerant: see {@link #read(SNSEvent)}. */
    public static List<OnFailureItem> from(SNSEvent event) {
        return Tolerant.INSTANCE.read(event);
    }

    /** The objects an S3 event names, tolerant: see {@link #read(S3Event, S3Client)}. */
    public static List<OnFailureItem> from(S3Event event, S3Client s3) {
        return Tolerant.INSTANCE.read(event, s3);
    }

    /** The messages of a Kafka event, tolerant: see {@link #read(KafkaEvent)}. */
    public static List<OnFailureItem> from(KafkaEvent event) {
        return Tolerant.INSTANCE.read(event);
    }

    /**
     * Reads each message of an SQS event (the queue is an on-failure destination, or subscribed to the SNS topic that
     * is one). A body is a record, or an SNS notification holding one (raw message delivery off). Ids are the message
     * ids, in event order.
     */
    public List<OnFailureItem> read(SQSEvent event) {
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        List<OnFailureItem> items = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            SQSEvent.SQSMessage m = messages.get(i);
            ItemId id = new ItemId.SqsMessage(String.valueOf(m.getMessageId()));
            items.add(text(id, m.getBody(), i, Envelope.SQS_EVENT));
        }
        return List.copyOf(items);
    }

    /** Reads each message of an SNS event (the topic is an on-failure destination). Ids are the SNS message ids. */
    public List<OnFailureItem> read(SNSEvent event) {
        List<SNSEvent.SNSRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<OnFailureItem> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            SNSEvent.SNS sns = records.get(i).getSNS();
            String messageId = sns == null ? "" : String.valueOf(sns.getMessageId());
            items.add(text(new ItemId.SnsMessage(messageId), sns == null ? null : sns.getMessage(), i,
                    Envelope.SNS_EVENT));
        }
        return List.copyOf(items);
    }

    /**
     * Fetches and reads each object an S3 event notification names (the bucket is an on-failure destination). The
     * version the notification names is fetched, when it names one. At most the read limits' document size is read
     * from an object: a longer one is reported ({@code json.limit}) without being read to its end. An object that
     * cannot be fetched (missing, forbidden, the service unreachable) becomes an unavailable item.
     */
    public List<OnFailureItem> read(S3Event event, S3Client s3) {
        Objects.requireNonNull(s3, "s3");
        List<S3EventNotification.S3EventNotificationRecord> records =
                event.getRecords() == null ? List.of() : event.getRecords();
        List<OnFailureItem> items = new ArrayList<>(records.size());
        for (S3EventNotification.S3EventNotificationRecord r : records) {
            items.add(object(r, s3));
        }
        return List.copyOf(items);
    }

    /**
     * Reads each message of a Kafka event (the function consumes the {@code kafka://} destination topic): each value,
     * base64 in the event, is a failure record. A missing value or one that is not base64 is an invalid item
     * ({@code envelope.message-not-json}). Ids are topic, partition and offset, in the event's order.
     */
    public List<OnFailureItem> read(KafkaEvent event) {
        Map<String, List<KafkaEvent.KafkaEventRecord>> records = event.getRecords() == null ? Map.of()
                : event.getRecords();
        List<OnFailureItem> items = new ArrayList<>();
        for (Map.Entry<String, List<KafkaEvent.KafkaEventRecord>> e : records.entrySet()) {
            List<KafkaEvent.KafkaEventRecord> list = e.getValue() == null ? List.of() : e.getValue();
            for (int i = 0; i < list.size(); i++) {
                KafkaEvent.KafkaEventRecord r = list.get(i);
                ItemId id = new ItemId.KafkaMessage(String.valueOf(r.getTopic()), r.getPartition(), r.getOffset());
                String location = "/records/" + JsonPointer.escape(e.getKey()) + "/" + i + "/value";
                items.add(kafkaValue(id, r.getValue(), location));
            }
        }
        return List.copyOf(items);
    }

    private OnFailureItem kafkaValue(ItemId id, String value, String location) {
        if (value == null) {
            return OnFailureItem.read(id, Optional.empty(), notJson(location, "value", "the message has no value"));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return OnFailureItem.read(id, Optional.empty(), notJson(location, "value",
                    "it is not base64: " + e.getMessage()));
        }
        return bytes(id, bytes, location);
    }

    private OnFailureItem object(S3EventNotification.S3EventNotificationRecord r, S3Client s3) {
        S3EventNotification.S3Entity entity = r.getS3();
        String bucket = entity == null || entity.getBucket() == null ? "" : String.valueOf(entity.getBucket().getName());
        Optional<String> version = entity == null || entity.getObject() == null ? Optional.empty()
                : Optional.ofNullable(entity.getObject().getVersionId()).filter(v -> !v.isEmpty());
        String key;
        try {
            key = entity == null || entity.getObject() == null ? "" : entity.getObject().getUrlDecodedKey();
        } catch (IllegalArgumentException e) {
            // a key S3 would never send (a % not followed by two hex digits): the item names it as it came
            String raw = String.valueOf(entity.getObject().getKey());
            return OnFailureItem.unavailable(new ItemId.S3Object(bucket, raw, version),
                    "the notification's key " + raw + " is not URL-encoded: " + e.getMessage());
        }
        ItemId.S3Object id = new ItemId.S3Object(bucket, key, version);
        if (bucket.isEmpty() || key.isEmpty()) {
            return OnFailureItem.unavailable(id, "the notification names no bucket or no key");
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        version.ifPresent(request::versionId);
        int max = (int) Math.min(limits.maxDocumentBytes(), Integer.MAX_VALUE - 16);
        byte[] head;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request.build())) {
            head = in.readNBytes(max + 1);
            if (head.length > max) {
                // Over the document limit: the validator reports json.limit from what was read; the rest is not
                // downloaded.
                in.abort();
                return fromReport(id, validate(new ByteArrayInputStream(head)), "", Optional.empty());
            }
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            return OnFailureItem.unavailable(id, "S3 answered " + e.statusCode() + (code.isEmpty() ? "" : " " + code)
                    + " for " + id.text());
        } catch (SdkException e) {
            return OnFailureItem.unavailable(id, "could not fetch " + id.text() + ": " + e.getMessage());
        } catch (IOException e) {
            return OnFailureItem.unavailable(id, "could not read " + id.text() + ": " + e.getMessage());
        }
        return bytes(id, head, "");
    }

    private DocumentReport validate(InputStream in) {
        try {
            return validator.validate(in, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document given as bytes (an S3 object, a Kafka value): the report, and the record when it can be read. */
    private OnFailureItem bytes(ItemId id, byte[] bytes, String location) {
        DocumentReport doc = validator.validate(bytes, options);
        return fromReport(id, doc, location, Optional.empty());
    }

    /**
     * A document given as text (an SQS body, an SNS message): validated as the one message of a Lambda event of its
     * kind, so that the validator's envelope handling decides (a raw record, an SNS notification, a body that is not
     * JSON) and the report is the one the validator gives for the same message of the whole event.
     */
    private OnFailureItem text(ItemId id, String text, int index, Envelope envelope) {
        JsonValue message = text == null ? JsonNull.INSTANCE : JsonString.of(text);
        JsonObject record = envelope == Envelope.SNS_EVENT
                ? JsonObject.builder().put("Sns", JsonObject.builder().put("Message", message).build()).build()
                : JsonObject.builder().put("body", message).build();
        String member = envelope == Envelope.SNS_EVENT ? "/Records/0/Sns/Message" : "/Records/0/body";
        DocumentReport doc = validator.validate(JsonObject.builder().put("Records", JsonArray.of(record)).build(),
                options);
        String at = "/Records/" + index + member.substring("/Records/0".length());
        if (doc.records().size() != 1) {
            // The message is itself an envelope of several records (a Lambda event pasted into a body): one item
            // cannot stand for them all, so none of them is handed over as if it were the message's only record.
            return fromReport(id, doc, at, Optional.of(envelope));
        }
        RecordReport r = doc.records().get(0);
        String inner = r.location().startsWith(member) ? r.location().substring(member.length()) : "";
        String location = at + inner;
        RecordReport placed = new RecordReport(location, r.envelope(), r.kind(), profile, r.findings());
        return OnFailureItem.read(id, r.record(), placed);
    }

    private OnFailureItem fromReport(ItemId id, DocumentReport doc, String location, Optional<Envelope> outer) {
        if (doc.records().size() != 1) {
            // An envelope of several records (or none) where one record belongs: report every finding at once.
            List<Finding> findings = new ArrayList<>(doc.findings());
            if (findings.isEmpty() || doc.valid()) {
                findings.add(FindingCode.RECORD_UNKNOWN_KIND.finding(profile, "", "hint",
                        ": it holds " + doc.records().size() + " records where one belongs"));
            }
            return OnFailureItem.read(id, Optional.empty(),
                    new RecordReport(location, outer, Optional.empty(), profile, findings));
        }
        RecordReport r = doc.records().get(0);
        RecordReport placed = new RecordReport(location + r.location(), r.envelope().or(() -> outer), r.kind(),
                profile, r.findings());
        return OnFailureItem.read(id, r.record(), placed);
    }

    private RecordReport notJson(String location, String member, String detail) {
        return new RecordReport(location, Optional.empty(), Optional.empty(), profile,
                List.of(FindingCode.ENVELOPE_MESSAGE_NOT_JSON.finding(profile, "", "member", member, "detail",
                        detail)));
    }
}
