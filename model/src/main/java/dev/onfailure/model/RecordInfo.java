package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code recordInfo} of a Kafka-topic destination record: the one failed record's offset and timestamp.
 *
 * <pre>{@code
 * RecordInfo.builder().offset(Offset.of(100)).timestamp(Timestamp.of("2024-05-01T10:00:00.000Z")).build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class RecordInfo permits ImmutableRecordInfo {

    RecordInfo() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code recordInfo}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code offset}. */
        OFFSET("offset", Spec.required(JsonType.STRING)),
        /** {@code timestamp}. */
        TIMESTAMP("timestamp", Spec.required(JsonType.STRING));

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

    /** The member table of {@code recordInfo}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("recordInfo", Members.class);

    /** {@code offset}: decimal text. */
    public abstract Offset offset();

    /** {@code timestamp}: ISO-8601 text. */
    public abstract Timestamp timestamp();

    /** Members the model does not know, in the order they were read. */
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

    /** Builds a {@link RecordInfo}. */
    public static final class Builder extends ImmutableRecordInfo.Builder {

        Builder() {
            // through builder()
        }
    }
}
