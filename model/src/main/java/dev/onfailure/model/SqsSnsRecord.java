package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;
import dev.onfailure.schema.Kind;

/**
 * The record Lambda sends to an SQS queue or SNS topic: metadata only, no payload.
 *
 * <pre>{@code
 * SqsSnsRecord r = SqsSnsRecord.builder()
 *         .requestContext(rc).responseContext(JsonField.ofNull())
 *         .version("1.0").timestamp(Timestamp.of("2024-05-01T10:00:03.000Z"))
 *         .batchInfo(info)
 *         .build();
 * }</pre>
 */
@Value.Immutable
@SuppressWarnings("immutables:from") // from(KafkaFailureRecord) cannot copy the covariant batchInfo; from(this type) does
public abstract sealed class SqsSnsRecord implements KafkaFailureRecord permits ImmutableSqsSnsRecord {

    SqsSnsRecord() {
        // sealed: only the generated class extends it
    }

    /** The member table of this kind. */
    public static final MemberTable<Members> TABLE = MemberTable.of("the record",
            java.util.EnumSet.range(Members.REQUEST_CONTEXT, Members.KAFKA_BATCH_INFO));

    @Override
    public final MemberTable<Members> table() {
        return TABLE;
    }

    @Override
    public final Kind kind() {
        return Kind.SQS_SNS;
    }

    // Every attribute is also a parameter, in order (@Value.Parameter): the byte reader makes the value with the
    // package-private ImmutableSqsSnsRecord.of, without a builder and its map.

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

    @Override
    @Value.Parameter(order = 5)
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

    /** Builds an {@link SqsSnsRecord}. */
    public static final class Builder extends ImmutableSqsSnsRecord.Builder {

        Builder() {
            // through builder()
        }
    }
}
