package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;
import dev.onfailure.schema.Kind;

/**
 * The record Lambda writes to an S3 bucket: the SQS/SNS record plus {@code payload}, the whole invocation event.
 *
 * <pre>{@code
 * S3Record r = (S3Record) codec.read(Path.of("aws/lambda/.../object.json"));
 * KafkaEvent batch = r.payload().event();
 * }</pre>
 */
@Value.Immutable
@SuppressWarnings("immutables:from") // from(KafkaFailureRecord) cannot copy the covariant batchInfo; from(this type) does
public abstract sealed class S3Record implements KafkaFailureRecord permits ImmutableS3Record {

    static final java.util.Set<String> NAMES = java.util.Set.of("requestContext", "responseContext", "version",
            "timestamp", "KafkaBatchInfo", "payload");

    @Override
    public final Kind kind() {
        return Kind.S3;
    }

    @Override
    @Value.Default
    public JsonField<ResponseContext> responseContext() {
        return JsonField.absent();
    }

    @Override
    public abstract KafkaBatchInfo batchInfo();

    /** {@code payload}: the invocation event, as a string or an object. */
    public abstract Payload payload();

    @Override
    public abstract Map<String, JsonValue> unknownFields();

    @Value.Check
    protected void check() {
        Members.checkUnknown(unknownFields(), NAMES, "the record");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this value. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds an {@link S3Record}. */
    public static final class Builder extends ImmutableS3Record.Builder {
    }
}
