/** Reads failure records where they live: S3 buckets, SQS queues (directly or behind SNS) and Kafka topics. */
package dev.onfailure.sources;
