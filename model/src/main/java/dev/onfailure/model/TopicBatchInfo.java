package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code KafkaBatchInfo} of a Kafka-topic destination record: as {@link KafkaBatchInfo}, but with a single
 * {@code recordInfo} in place of {@code recordsInfo}, since Lambda writes one message per failed record.
 */
@Value.Immutable
public abstract sealed class TopicBatchInfo implements BatchInfo permits ImmutableTopicBatchInfo {

    TopicBatchInfo() {
        // sealed: only the generated class extends it
    }

    /** The member table of this shape. */
    public static final MemberTable<Members> TABLE =
            MemberTable.of("KafkaBatchInfo", java.util.EnumSet.complementOf(
                    java.util.EnumSet.of(Members.RECORDS_INFO)));

    // Every attribute is also a parameter, in order (@Value.Parameter): the byte reader makes the value with the
    // package-private ImmutableTopicBatchInfo.of, without a builder's maps and their copies.

    @Override
    @Value.Parameter(order = 0)
    public abstract int batchSize();

    @Override
    @Value.Parameter(order = 1)
    public abstract String bootstrapServers();

    @Override
    @Value.Parameter(order = 2)
    public abstract long payloadSize();

    @Override
    @Value.Default
    @Value.Parameter(order = 3)
    public JsonField<String> eventSourceArn() {
        return JsonField.absent();
    }

    /** {@code recordInfo}: the failed record's offset and timestamp. */
    @Value.Parameter(order = 4)
    public abstract RecordInfo recordInfo();

    @Override
    @Value.Parameter(order = 5)
    public abstract Map<String, JsonValue> unknownFields();

    @Override
    @Value.Parameter(order = 6)
    public abstract Map<String, String> numberText();

    @Value.Check
    protected void check() {
        TABLE.checkUnknown(unknownFields());
        NumberTexts.check(numberText(), TABLE.integerNames(), "TopicBatchInfo");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this value. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link TopicBatchInfo}. */
    public static final class Builder extends ImmutableTopicBatchInfo.Builder {

        Builder() {
            // through builder()
        }
    }
}
