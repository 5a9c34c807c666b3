/**
 * Failure records inside a Lambda function: {@link dev.onfailure.lambda.OnFailureRecords} reads the records in SQS,
 * SNS, S3 and Kafka events as typed, validated items; the handler classes ({@link
 * dev.onfailure.lambda.SqsFailureRecordHandler} and its siblings) hand valid records to your code and report failed
 * items the way each event source expects.
 */
package dev.onfailure.lambda;
