package dev.onfailure.json;

/** The order in which a writer puts the members of objects. */
public enum KeyOrder {
    /**
     * The order the value holds. For a record of the typed model this is the order AWS uses in SQS and SNS bodies
     * ({@code requestContext}, {@code responseContext}, {@code version}, {@code timestamp}, {@code KafkaBatchInfo}),
     * with fields the model does not know after the known ones, in the order they were read.
     */
    AWS,
    /** Sorted by name at every level, as AWS writes objects to S3. Strings, a string payload included, are untouched. */
    SORTED
}
