/**
 * Failure records inside a Lambda function: typed, validated items from SQS, SNS, S3 and Kafka events, and handler
 * classes that report failed items the way Lambda expects. The Lambda libraries are {@code provided} (the runtime
 * brings them) and publish no module name, so theirs are the ones the JVM derives from the jar names.
 */
module dev.onfailure.lambda {
    requires transitive dev.onfailure.validator;
    requires transitive dev.onfailure.model;
    requires transitive dev.onfailure.schema;
    requires dev.onfailure.json;
    requires dev.onfailure.redrive;
    requires transitive kafka.clients;
    requires transitive aws.lambda.java.core;
    requires transitive aws.lambda.java.events;
    requires transitive software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.awscore;
    requires com.fasterxml.jackson.core;

    exports dev.onfailure.lambda;
}
