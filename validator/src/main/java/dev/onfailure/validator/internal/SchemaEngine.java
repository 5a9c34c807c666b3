package dev.onfailure.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.SchemaCatalog;
import dev.onfailure.schema.SchemaKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one adapter to networknt's json-schema-validator: every schema of the catalogue, loaded from the classpath and
 * initialised once, so that a broken reference fails at start-up and no reference is ever fetched from the network.
 * Thread-safe.
 */
public final class SchemaEngine {

    /** One failed keyword: the keyword, the JSON Pointer of the value, and networknt's message. */
    public record Violation(String keyword, String pointer, String message) {
    }

    private final Map<Profile, Map<SchemaKind, Schema>> schemas = new EnumMap<>(Profile.class);

    /**
     * Loads and initialises every schema.
     *
     * @throws IllegalStateException if a schema or a reference in it cannot be loaded
     */
    public SchemaEngine() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(config)
                .schemaIdResolvers(r -> r.mapPrefix(SchemaCatalog.ID_PREFIX, "classpath:" + SchemaCatalog.RESOURCE_PREFIX))
                .schemaLoader(l -> l.fetchRemoteResources(false)
                        .schemaIdResolvers(r -> r.mapPrefix(SchemaCatalog.ID_PREFIX,
                                "classpath:" + SchemaCatalog.RESOURCE_PREFIX))));
        for (Profile profile : Profile.values()) {
            Map<SchemaKind, Schema> byKind = new EnumMap<>(SchemaKind.class);
            for (SchemaKind kind : SchemaKind.values()) {
                try {
                    Schema schema = registry.getSchema(SchemaLocation.of(SchemaCatalog.id(kind, profile).toString()));
                    schema.initializeValidators();
                    byKind.put(kind, schema);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot load the " + profile.id() + " schema of " + kind.id()
                            + ": " + e.getMessage(), e);
                }
            }
            schemas.put(profile, byKind);
        }
    }

    /** Validates {@code instance} against the schema of {@code kind} in {@code profile}. */
    public List<Violation> validate(SchemaKind kind, Profile profile, JsonNode instance) {
        List<Error> errors = schemas.get(profile).get(kind).validate(instance);
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            violations.add(new Violation(e.getKeyword(), pointer, e.getMessage()));
        }
        return violations;
    }
}
