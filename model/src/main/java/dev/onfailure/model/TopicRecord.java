package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;
import dev.onfailure.schema.Kind;

/**
 * The value of a message Lambda writes to a Kafka-topic destination ({@code kafka://topic}), one per failed record:
 * {@code KafkaBatchInfo.recordInfo} names the record, {@code payload} holds the event reduced to it.
 *
 * <pre>{@code
 * TopicRecord r = (TopicRecord) codec.read(message.value());
 * r.batchInfo().recordInfo().offset();
 * }</pre>
 */
@Value.Immutable
@SuppressWarnings("immutables:from") // from(KafkaFailureRecord) cannot copy the covariant batchInfo; from(this type) does
public abstract sealed class TopicRecord implements KafkaFailureRecord permits ImmutableTopicRecord {

    TopicRecord() {
        // sealed: only the generated class extends it
    }

    /** The member table of this kind. */
    public static final MemberTable<Members> TABLE = MemberTable.of("the record", Members.class)
            .with(Members.PAYLOAD, Member.Spec.required(JsonType.STRING, JsonType.OBJECT).strictly(JsonType.OBJECT));

    @Override
    public final MemberTable<Members> table() {
        return TABLE;
    }

    @Override
    public final Kind kind() {
        return Kind.TOPIC;
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
    public abstract TopicBatchInfo batchInfo();

    /** {@code payload}: the invocation event holding the one failed record; an object in AWS's example. */
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

    /** Builds a {@link TopicRecord}. */
    public static final class Builder extends ImmutableTopicRecord.Builder {

        Builder() {
            // through builder()
        }
    }
}
