package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The Kafka invocation event: the batch Lambda tried to deliver to the function, and what an S3 or Kafka-topic
 * record's {@code payload} holds.
 *
 * <pre>{@code
 * KafkaEvent event = s3Record.payload().event();
 * event.records().get("mytopic-0").get(0).offset();     // 15
 * event.recordCount();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class KafkaEvent permits ImmutableKafkaEvent {

    KafkaEvent() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code event}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code eventSource}. */
        EVENT_SOURCE("eventSource", Spec.required(JsonType.STRING)),
        /** {@code eventSourceArn}. */
        EVENT_SOURCE_ARN("eventSourceArn", Spec.optional(JsonType.STRING, JsonType.NULL).strictly(JsonType.STRING)),
        /** {@code bootstrapServers}. */
        BOOTSTRAP_SERVERS("bootstrapServers",
                Spec.optional(JsonType.STRING, JsonType.NULL).strictly(JsonType.STRING).strictlyRequired()),
        /** {@code records}. */
        RECORDS("records", Spec.required(JsonType.OBJECT));

        private final String jsonName;
        private final Spec spec;

        Members(String jsonName, Spec spec) {
            this.jsonName = jsonName;
            this.spec = spec;
        }

        @Override
        public String jsonName() {
            return jsonName;
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    /** The member table of {@code event}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("event", Members.class);

    /** {@code eventSource}: {@code aws:kafka} (MSK) or {@code SelfManagedKafka}. */
    public abstract String eventSource();

    /** {@code eventSourceArn}: the MSK cluster ARN; absent for self-managed Kafka. */
    @Value.Default
    public JsonField<String> eventSourceArn() {
        return JsonField.absent();
    }

    /** {@code bootstrapServers}: a comma-separated {@code host:port} list. */
    @Value.Default
    public JsonField<String> bootstrapServers() {
        return JsonField.absent();
    }

    /** {@code records}: the records, grouped by {@code "<topic>-<partition>"} key, keys and order kept verbatim. */
    public abstract Map<String, List<KafkaRecord>> records();

    /** Members the model does not know, in the order they were read. */
    public abstract Map<String, JsonValue> unknownFields();

    /** Returns the number of records over all keys. */
    public int recordCount() {
        int n = 0;
        for (List<KafkaRecord> list : records().values()) {
            n += list.size();
        }
        return n;
    }

    /** Returns every record, key by key, in order. */
    public List<KafkaRecord> allRecords() {
        List<KafkaRecord> all = new ArrayList<>(recordCount());
        records().values().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }

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

    /** Builds a {@link KafkaEvent}. */
    public static final class Builder extends ImmutableKafkaEvent.Builder {

        Builder() {
            // through builder()
        }
    }
}
