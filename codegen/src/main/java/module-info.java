/**
 * The producers' side: the record Lambda would send for a Kafka batch, and seeded generators of records.
 *
 * <pre>{@code
 * List<KafkaFailureRecord> records = RecordBuilder.build(event, context, Kind.S3);
 * }</pre>
 */
module dev.onfailure.codegen {
    requires transitive dev.onfailure.model;

    exports dev.onfailure.codegen;
}
