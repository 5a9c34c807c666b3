/**
 * The JSON Schemas of Lambda's Kafka failure records, and {@link dev.onfailure.schema.Kind}, the one vocabulary of
 * kinds. The documents are read through {@link dev.onfailure.schema.SchemaCatalog}, so their folders stay closed.
 *
 * <pre>{@code
 * String text = SchemaCatalog.text(Kind.S3, Profile.STRICT);
 * }</pre>
 */
module dev.onfailure.schema {
    exports dev.onfailure.schema;
}
