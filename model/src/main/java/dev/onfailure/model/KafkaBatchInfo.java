package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code KafkaBatchInfo} of an SQS/SNS or S3 record: the discarded batch, with one {@code recordsInfo} entry per
 * topic-partition.
 *
 * <pre>{@code
 * KafkaBatchInfo info = record.batchInfo();
 * info.recordsInfo().keySet();                 // ["orders-eu-3", ...], verbatim and in order
 * info.byTopicPartition();                     // {orders-eu-3=RecordRange{...}}: keys that parse, as TopicPartition
 * }</pre>
 */
@Value.Immutable
public abstract sealed class KafkaBatchInfo implements BatchInfo permits ImmutableKafkaBatchInfo {

    KafkaBatchInfo() {
        // sealed: only the generated class extends it
    }

    /**
     * The members: AWS's form has {@code recordsInfo}; the single-record form other tools write has {@code recordInfo}
     * in its place, so each is optional in the table and the reader wants one of them.
     */
    public static final MemberTable<Members> TABLE = MemberTable.of("KafkaBatchInfo", Members.class)
            .with(Members.RECORDS_INFO, Member.Spec.optional(JsonType.OBJECT))
            .with(Members.RECORD_INFO, Member.Spec.optional(JsonType.OBJECT));

    // Every attribute is also a parameter, in order (@Value.Parameter): the byte reader makes the value with the
    // package-private ImmutableKafkaBatchInfo.of, without a builder's three maps and their copies.

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

    /**
     * {@code recordsInfo}: entries keyed {@code "<topic>-<partition>"}, keys and order kept verbatim; empty for a
     * record in the single-record form ({@link #isSingleRecord()}).
     */
    @Value.Parameter(order = 4)
    public abstract Map<String, RecordRange> recordsInfo();

    /**
     * {@code recordInfo}: one failed record's offset and timestamp, where AWS documents {@code recordsInfo}. The Go
     * emulator gopherstack writes SQS, SNS and S3 records so, one per failed Kafka record with {@code batchSize} 1;
     * absent in AWS's form.
     */
    @Value.Default
    @Value.Parameter(order = 5)
    public JsonField<RecordInfo> recordInfo() {
        return JsonField.absent();
    }

    /**
     * Returns true for the single-record form: a {@code recordInfo} and no {@code recordsInfo} entry, a batch of one
     * record as emulators write it.
     */
    public boolean isSingleRecord() {
        return recordInfo().isPresent() && recordsInfo().isEmpty();
    }

    /**
     * Whether {@code recordsInfo} is written out: always in AWS's form; in the single-record form only when the
     * record it was read from had an empty {@code recordsInfo} beside its {@code recordInfo}, so that such a record
     * is written back as it came.
     */
    @Value.Default
    @Value.Parameter(order = 6)
    public boolean writesRecordsInfo() {
        return !isSingleRecord();
    }

    /**
     * Returns the entries whose key parses as a {@link TopicPartition}, in order; keys that do not parse are left
     * out (the validator reports them).
     */
    public Map<TopicPartition, RecordRange> byTopicPartition() {
        Map<TopicPartition, RecordRange> result = new LinkedHashMap<>();
        recordsInfo().forEach((key, range) -> TopicPartition.parse(key).ifPresent(tp -> result.put(tp, range)));
        return Collections.unmodifiableMap(result);
    }

    /** Returns the entry for {@code tp}, looked up by its key. */
    public Optional<RecordRange> range(TopicPartition tp) {
        return Optional.ofNullable(recordsInfo().get(tp.key()));
    }

    @Value.Check
    protected void check() {
        TABLE.checkUnknown(unknownFields());

        NumberTexts.check(numberText(), TABLE.integerNames(), "KafkaBatchInfo");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this value. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link KafkaBatchInfo}. */
    public static final class Builder extends ImmutableKafkaBatchInfo.Builder {

        Builder() {
            // through builder()
        }
    }

    @Override
    @Value.Parameter(order = 7)
    public abstract Map<String, JsonValue> unknownFields();

    @Override
    @Value.Parameter(order = 8)
    public abstract Map<String, String> numberText();
}
