package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One Kafka record of an invocation event. Unlike the failure record, {@code partition}, {@code offset} and
 * {@code timestamp} are JSON numbers here, and {@code timestamp} is epoch milliseconds.
 *
 * <pre>{@code
 * KafkaRecord r = KafkaRecord.builder()
 *         .topic("mytopic").partition(0).offset(15).timestamp(1545084650987L)
 *         .timestampType("CREATE_TIME")
 *         .key(JsonField.of("cmVjb3JkS2V5")).value(JsonField.of("eyJrZXkiOiJ2YWx1ZSJ9"))
 *         .headers(JsonField.of(List.of(Header.of("headerKey", new byte[] {104, 105}))))
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class KafkaRecord permits ImmutableKafkaRecord {

    KafkaRecord() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code event record}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code topic}. */
        TOPIC("topic", Spec.required(JsonType.STRING)),
        /** {@code partition}. */
        PARTITION("partition", Spec.required(JsonType.INTEGER)),
        /** {@code offset}. */
        OFFSET("offset", Spec.required(JsonType.INTEGER)),
        /** {@code timestamp}. */
        TIMESTAMP("timestamp", Spec.required(JsonType.INTEGER)),
        /** {@code timestampType}. */
        TIMESTAMP_TYPE("timestampType", Spec.required(JsonType.STRING)),
        /** {@code key}. */
        KEY("key", Spec.optional(JsonType.STRING, JsonType.NULL)),
        /** {@code keySchemaMetadata}. */
        KEY_SCHEMA_METADATA("keySchemaMetadata", Spec.optional(JsonType.OBJECT)),
        /** {@code value}. */
        VALUE("value", Spec.optional(JsonType.STRING, JsonType.NULL)),
        /** {@code valueSchemaMetadata}. */
        VALUE_SCHEMA_METADATA("valueSchemaMetadata", Spec.optional(JsonType.OBJECT)),
        /** {@code headers}. */
        HEADERS("headers", Spec.optional(JsonType.ARRAY).strictlyRequired());

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

    /** The member table of {@code event record}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("event record", Members.class);

    /** {@code topic}. */
    public abstract String topic();

    /** {@code partition}. */
    public abstract int partition();

    /** {@code offset}. */
    public abstract long offset();

    /** {@code timestamp}: epoch milliseconds. */
    public abstract long timestamp();

    /** {@code timestampType}: {@code CREATE_TIME} or {@code LOG_APPEND_TIME}. */
    public abstract String timestampType();

    /** {@code key}: base64; absent or null for records without a key. */
    @Value.Default
    public JsonField<String> key() {
        return JsonField.absent();
    }

    /** {@code value}: base64; null for a tombstone. */
    @Value.Default
    public JsonField<String> value() {
        return JsonField.absent();
    }

    /** {@code headers}: in order, names may repeat. */
    @Value.Default
    public JsonField<List<Header>> headers() {
        return JsonField.absent();
    }

    /** {@code keySchemaMetadata}, with a schema registry. */
    @Value.Default
    public JsonField<SchemaMetadata> keySchemaMetadata() {
        return JsonField.absent();
    }

    /** {@code valueSchemaMetadata}, with a schema registry. */
    @Value.Default
    public JsonField<SchemaMetadata> valueSchemaMetadata() {
        return JsonField.absent();
    }

    /** Members the model does not know, in the order they were read. */
    public abstract Map<String, JsonValue> unknownFields();

    /**
     * Integer members written in another form than the canonical one ({@code 1.0}, {@code 2E0}, {@code -0}, which JSON
     * Schema counts as integers), by member name, as written; empty when every integer is canonical. The typed
     * accessors hold the values; writers write these forms back where they still denote the value.
     */
    public abstract Map<String, String> numberText();

    /** Returns the headers, or an empty list when absent or null. */
    public List<Header> headerList() {
        return headers().orElse(List.of());
    }

    /** Returns the topic-partition of this record, when the topic is a legal name. */
    public java.util.Optional<TopicPartition> topicPartition() {
        return TopicPartition.isLegalTopic(topic()) && partition() >= 0
                ? java.util.Optional.of(new TopicPartition(topic(), partition()))
                : java.util.Optional.empty();
    }

    @Value.Check
    protected KafkaRecord normalize() {
        TABLE.checkUnknown(unknownFields());
        NumberTexts.check(numberText(), TABLE.integerNames(), "KafkaRecord");
        // JsonField holds the caller's list; keep an unmodifiable copy so the value stays immutable.
        if (headers().isPresent()) {
            List<Header> given = headers().get();
            List<Header> copy = List.copyOf(given);
            if (copy != given) {
                return ((ImmutableKafkaRecord) this).withHeaders(JsonField.of(copy));   // sealed: the only subclass
            }
        }
        return this;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this value. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link KafkaRecord}. */
    public static final class Builder extends ImmutableKafkaRecord.Builder {

        Builder() {
            // through builder()
        }
    }
}
