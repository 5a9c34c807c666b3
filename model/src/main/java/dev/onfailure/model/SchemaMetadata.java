package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * {@code keySchemaMetadata} or {@code valueSchemaMetadata} of an event record, present when the event source
 * mapping uses a schema registry.
 *
 * <pre>{@code
 * SchemaMetadata.builder().dataFormat("AVRO").schemaId("a1b2c3d4-5678-90ab-cdef-1234567890ab").build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class SchemaMetadata permits ImmutableSchemaMetadata {

    SchemaMetadata() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code schema metadata}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code dataFormat}. */
        DATA_FORMAT("dataFormat", Spec.required(JsonType.STRING)),
        /** {@code schemaId}. */
        SCHEMA_ID("schemaId", Spec.required(JsonType.STRING));

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

    /** The member table of {@code schema metadata}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("schema metadata", Members.class);

    /** {@code dataFormat}: {@code AVRO}, {@code PROTOBUF} or {@code JSON}. */
    public abstract String dataFormat();

    /** {@code schemaId}: the schema's id in the registry. */
    public abstract String schemaId();

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

    /** Builds a {@link SchemaMetadata}. */
    public static final class Builder extends ImmutableSchemaMetadata.Builder {

        Builder() {
            // through builder()
        }
    }
}
