package dev.onfailure.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON Schemas (draft 2020-12) of Lambda's Kafka failure records, shipped as classpath resources.
 *
 * <p>Each {@link Kind} has one document per {@link Profile}; documents share definitions through relative
 * {@code $ref}s to {@code kafka.common.json}, and every strict document applies the tolerant one it narrows. All
 * {@code $id}s start with {@value #ID_PREFIX}; a validator should map that prefix to {@value #RESOURCE_PREFIX} on the
 * classpath so that no reference is ever fetched from the network.
 *
 * <pre>{@code
 * URI id = SchemaCatalog.id(Kind.S3, Profile.STRICT);
 *         // https://onfailure.dev/schemas/strict/kafka.s3.json
 * String text = SchemaCatalog.text(Kind.S3, Profile.STRICT);
 * }</pre>
 */
public final class SchemaCatalog {

    /** The prefix of every {@code $id}. */
    public static final String ID_PREFIX = "https://onfailure.dev/schemas/";

    /** The classpath folder that holds the documents, laid out as the ids are below {@link #ID_PREFIX}. */
    public static final String RESOURCE_PREFIX = "dev/onfailure/schema/";

    /** The name of the document of shared definitions in each profile's folder. */
    public static final String COMMON = "kafka.common";

    private SchemaCatalog() {
    }

    /** Returns the {@code $id} of the schema of {@code kind} in {@code profile}. */
    public static URI id(Kind kind, Profile profile) {
        return URI.create(ID_PREFIX + relative(kind.id(), profile));
    }

    /** Returns the classpath resource name of the schema of {@code kind} in {@code profile}. */
    public static String resource(Kind kind, Profile profile) {
        return RESOURCE_PREFIX + relative(kind.id(), profile);
    }

    /** Returns the classpath resource names of every document, shared definitions included. */
    public static List<String> resources() {
        List<String> all = new ArrayList<>();
        for (Profile p : Profile.values()) {
            all.add(RESOURCE_PREFIX + relative(COMMON, p));
            for (Kind k : Kind.values()) {
                all.add(resource(k, p));
            }
        }
        return all;
    }

    /** Returns the classpath resource that holds the document with {@code $id} {@code id}, if it is one of ours. */
    public static Optional<String> resourceForId(String id) {
        if (!id.startsWith(ID_PREFIX)) {
            return Optional.empty();
        }
        String resource = RESOURCE_PREFIX + id.substring(ID_PREFIX.length());
        return resources().contains(resource) ? Optional.of(resource) : Optional.empty();
    }

    /** Opens the schema of {@code kind} in {@code profile}; the caller closes the stream. */
    public static InputStream open(Kind kind, Profile profile) {
        return openResource(resource(kind, profile));
    }

    /** Opens the document at classpath resource {@code resource}, one of {@link #resources()}. */
    public static InputStream openResource(String resource) {
        // Class, not ClassLoader: a named module reads its own resources, which stay encapsulated (no opens needed)
        InputStream in = SchemaCatalog.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalArgumentException("no such schema resource: " + resource);
        }
        return in;
    }

    /** Returns the text of the schema of {@code kind} in {@code profile}. */
    public static String text(Kind kind, Profile profile) {
        return resourceText(resource(kind, profile));
    }

    /** Returns the text of the document at classpath resource {@code resource}. */
    public static String resourceText(String resource) {
        try (InputStream in = openResource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(String name, Profile profile) {
        return profile.id() + "/" + name + ".json";
    }
}
