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

    S3Record() {
        // sealed: only the generated class extends it
    }

    /** The member table of this kind. */
    public static final MemberTable<Members> TABLE = MemberTable.of("the record", Members.class);

    @Override
    public final MemberTable<Members> table() {
        return TABLE;
    }

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
        TABLE.checkUnknown(unknownFields());
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

        Builder() {
            // through builder()
        }
    }
}
