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

    // Every attribute is also a parameter, in order (@Value.Parameter): the byte reader makes the value with the
    // package-private generated of(...), without a builder and its map.

    @Override
    @Value.Parameter(order = 0)
    public abstract RequestContext requestContext();

    @Override
    @Value.Default
    @Value.Parameter(order = 1)
    public JsonField<ResponseContext> responseContext() {
        return JsonField.absent();
    }

    @Override
    @Value.Parameter(order = 2)
    public abstract String version();

    @Override
    @Value.Parameter(order = 3)
    public abstract Timestamp timestamp();

    @Override
    @Value.Parameter(order = 4)
    public abstract KafkaBatchInfo batchInfo();

    /** {@code payload}: the invocation event, as a string or an object. */
    @Value.Parameter(order = 5)
    public abstract Payload payload();

    @Override
    @Value.Parameter(order = 6)
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
