/**
 * Validates Kafka failure records: JSON Schema plus semantic rules, as findings. networknt's validator and Jackson's
 * tree stay inside ({@code dev.onfailure.validator.internal} is not exported).
 *
 * <pre>{@code
 * DocumentReport report = Validator.create().validate(bytes);
 * }</pre>
 */
module dev.onfailure.validator {
    requires transitive dev.onfailure.model;
    requires transitive dev.onfailure.schema;
    requires com.networknt.schema;
    requires com.fasterxml.jackson.databind;

    exports dev.onfailure.validator;
}
