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

    static final java.util.Set<String> NAMES = java.util.Set.of("dataFormat", "schemaId");

    /** {@code dataFormat}: {@code AVRO}, {@code PROTOBUF} or {@code JSON}. */
    public abstract String dataFormat();

    /** {@code schemaId}: the schema's id in the registry. */
    public abstract String schemaId();

    /** Members the model does not know, in the order they were read. */
    public abstract Map<String, JsonValue> unknownFields();

    @Value.Check
    protected void check() {
        Members.checkUnknown(unknownFields(), NAMES, "schema metadata");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SchemaMetadata}. */
    public static final class Builder extends ImmutableSchemaMetadata.Builder {
    }
}
