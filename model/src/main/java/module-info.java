/**
 * The immutable, lossless model of Lambda's Kafka failure records and {@link dev.onfailure.model.RecordCodec}.
 *
 * <pre>{@code
 * KafkaFailureRecord record = RecordCodec.defaults().read(bytes);
 * }</pre>
 */
module dev.onfailure.model {
    requires transitive dev.onfailure.json;
    requires transitive dev.onfailure.schema;
    // Immutables' annotations: on the API's types, needed to compile against them (as the pom says), not to run.
    // Immutables publishes only an Automatic-Module-Name, hence -Xlint:-requires-automatic,-requires-transitive-automatic in the pom.
    requires static transitive org.immutables.value.annotations;
    // the @Generated of the generated classes: class-file annotations only
    requires static java.compiler;

    exports dev.onfailure.model;
}
