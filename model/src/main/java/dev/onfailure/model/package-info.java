/**
 * Immutable, lossless model of the records AWS Lambda sends to an on-failure destination for Kafka event sources
 * (Amazon MSK and self-managed Apache Kafka), and the codec that reads and writes them.
 *
 * <pre>{@code
 * RecordCodec codec = RecordCodec.defaults();
 * KafkaFailureRecord record = codec.read(Path.of("failure.json"));
 * if (record.batchInfo() instanceof KafkaBatchInfo info) {   // SQS/SNS and S3: the ranges per topic-partition
 *     info.byTopicPartition().forEach((tp, range) -> System.out.println(tp.topic() + " " + tp.partition() + " "
 *             + range.firstRecordOffset().text() + ".." + range.lastRecordOffset().text()));
 * }
 * String body = codec.write(record);                      // compact, AWS order: byte-identical for AWS output
 * }</pre>
 *
 * <p>Nothing the document said is lost: unknown members are kept at every level, offsets and timestamps keep their
 * text, {@code responseContext} keeps whether it was absent, {@code null} or an object.
 */
// Generated classes are package-private and their builders build the abstract type (overshadowImplementation): the
// API is the abstract types with their builder(), and each abstract type is sealed to its one generated class.
// unsafeDefaultAndDerived: defaults are set in declaration order, without Immutables' init shim (a volatile field
// written twice per object, two fences on every ResponseContext and KafkaBatchInfo read); safe here because every
// default is a constant except KafkaBatchInfo.writesRecordsInfo, which reads only members set before it.
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = true, prehash = false), unsafeDefaultAndDerived = true)
package dev.onfailure.model;

import org.immutables.value.Value;
