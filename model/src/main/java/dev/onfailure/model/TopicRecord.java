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

    @Override
    @Value.Default
    public JsonField<ResponseContext> responseContext() {
        return JsonField.absent();
    }

    @Override
    public abstract TopicBatchInfo batchInfo();

    /** {@code payload}: the invocation event holding the one failed record; an object in AWS's example. */
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

    /** Builds a {@link TopicRecord}. */
    public static final class Builder extends ImmutableTopicRecord.Builder {

        Builder() {
            // through builder()
        }
    }
}
