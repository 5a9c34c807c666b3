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
import dev.onfailure.schema.Kind;
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

    /**
     * One failed keyword.
     *
     * @param keyword        the keyword, such as {@code required}
     * @param pointer        the JSON Pointer of the value that failed
     * @param message        networknt's message, without the location
     * @param property       for {@code required} and similar, the member concerned; empty otherwise
     * @param schemaLocation the absolute location of the keyword in the schemas, {@code id#/pointer}
     */
    public record Violation(String keyword, String pointer, String message, String property, String schemaLocation) {
    }

    private final Map<Profile, Map<Kind, Schema>> schemas = new EnumMap<>(Profile.class);

    /** The schemas are immutable and the same for every validator: one engine per process. */
    private static final class Shared {
        static final SchemaEngine INSTANCE = new SchemaEngine();
    }

    /** Returns the process-wide engine, loading and initialising every schema on first use. */
    public static SchemaEngine shared() {
        return Shared.INSTANCE;
    }

    /**
     * Loads and initialises every schema.
     *
     * @throws IllegalStateException if a schema or a reference in it cannot be loaded
     */
    public SchemaEngine() {
        SchemaRegistry registry = registry();
        for (Profile profile : Profile.values()) {
            Map<Kind, Schema> byKind = new EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
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

    /**
     * Returns a registry that resolves our {@code $id} prefix from the classpath and fetches nothing remote: any other
     * absolute reference fails instead of reaching the network.
     */
    public static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
                .schemaRegistryConfig(config)
                // Our documents come from the catalogue itself, not from networknt's classpath loader: on the module
                // path the schema module's resources stay encapsulated, and only the catalogue reads them.
                .schemaLoader(l -> l.fetchRemoteResources(false)
                        .resourceLoaders(r -> r.resources(
                                iri -> SchemaCatalog.resourceForId(iri).map(SchemaCatalog::resourceText).orElse(null)))));
    }

    /** Validates {@code instance} against the schema of {@code kind} in {@code profile}. */
    public List<Violation> validate(Kind kind, Profile profile, JsonNode instance) {
        List<Error> errors = schemas.get(profile).get(kind).validate(instance);
        List<Violation> violations = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            String property = e.getProperty() == null ? "" : e.getProperty();
            String location = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
            Violation v = new Violation(e.getKeyword(), pointer, e.getMessage(), property, location);
            // A strict schema applies the tolerant one it narrows, so some keywords fail twice.
            if (violations.stream().noneMatch(o -> o.keyword().equals(v.keyword()) && o.pointer().equals(v.pointer())
                    && o.message().equals(v.message()))) {
                violations.add(v);
            }
        }
        return violations;
    }
}
