/**
 * Failure records where they live: S3 buckets, SQS queues (SNS subscriptions included) and Kafka topics, read as
 * documents with their origin.
 */
module dev.onfailure.sources {
    requires transitive dev.onfailure.validator;
    requires transitive dev.onfailure.model;
    requires dev.onfailure.json;
    requires kafka.clients;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.profiles;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.services.s3;
    requires software.amazon.awssdk.services.sqs;

    exports dev.onfailure.sources;
}
