package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One {@code recordsInfo} entry: the first and last offsets and timestamps of the discarded records of one
 * topic-partition.
 *
 * <pre>{@code
 * RecordRange r = RecordRange.builder()
 *         .firstRecordOffset(Offset.of(1200)).lastRecordOffset(Offset.of(1300))
 *         .firstRecordTimestamp(Timestamp.of("2024-05-01T10:00:00.000Z"))
 *         .lastRecordTimestamp(Timestamp.of("2024-05-01T10:00:02.500Z"))
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class RecordRange permits ImmutableRecordRange {

    RecordRange() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code recordsInfo entry}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code firstRecordOffset}. */
        FIRST_RECORD_OFFSET("firstRecordOffset", Spec.required(JsonType.STRING)),
        /** {@code lastRecordOffset}. */
        LAST_RECORD_OFFSET("lastRecordOffset", Spec.required(JsonType.STRING)),
        /** {@code firstRecordTimestamp}. */
        FIRST_RECORD_TIMESTAMP("firstRecordTimestamp", Spec.required(JsonType.STRING)),
        /** {@code lastRecordTimestamp}. */
        LAST_RECORD_TIMESTAMP("lastRecordTimestamp", Spec.required(JsonType.STRING));

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

    /** The member table of {@code recordsInfo entry}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("recordsInfo entry", Members.class);

    /** {@code firstRecordOffset}. */
    @Value.Parameter
    public abstract Offset firstRecordOffset();

    /** {@code lastRecordOffset}. */
    @Value.Parameter
    public abstract Offset lastRecordOffset();

    /** {@code firstRecordTimestamp}. */
    @Value.Parameter
    public abstract Timestamp firstRecordTimestamp();

    /** {@code lastRecordTimestamp}. */
    @Value.Parameter
    public abstract Timestamp lastRecordTimestamp();

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

    /** Builds a {@link RecordRange}. */
    public static final class Builder extends ImmutableRecordRange.Builder {

        Builder() {
            // through builder()
        }
    }
}
