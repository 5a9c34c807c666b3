package dev.onfailure.bench;

import dev.onfailure.schema.Kind;
import dev.onfailure.codegen.FailureContext;
import dev.onfailure.codegen.RecordBuilder;
import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.model.Condition;
import dev.onfailure.model.Header;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.ResponseContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The benchmark inputs, made deterministically (the repository does not hold megabytes of fixtures). */
public final class Inputs {

    private Inputs() {
    }

    /** AWS's documented SQS/SNS record, RetryAttemptsExhausted instance. */
    public static byte[] documented() {
        return DocumentedExamples.sqsSns().instances().get(0).json().getBytes(StandardCharsets.UTF_8);
    }

    /** AWS's documented SQS/SNS record without its indentation, as Lambda writes message bodies. */
    public static byte[] documentedCompact() {
        return dev.onfailure.json.Json.write(dev.onfailure.json.Json.parse(documented()),
                dev.onfailure.json.WriteOptions.COMPACT).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A strict-valid SQS/SNS record made by the seeded generator: no record the repository holds, and another one
     * for every seed.
     */
    public static byte[] generated(long seed) {
        dev.onfailure.codegen.GeneratorOptions options = dev.onfailure.codegen.GeneratorOptions.defaults()
                .strictOnly(true).kinds(java.util.EnumSet.of(dev.onfailure.schema.Kind.SQS_SNS));
        return bytes(dev.onfailure.codegen.RecordGenerators.records(options)
                .generate(dev.onfailure.codegen.SeededEntropy.of(seed)).record());
    }

    /** The input named {@code name}: see {@code RecordBenchmark}'s parameter. */
    public static byte[] named(String name, long seed) {
        return switch (name) {
            case "documented" -> documented();
            case "documented-compact" -> documentedCompact();
            case "generated" -> generated(seed);
            // not in the default runs: a Kafka-topic record and an S3 record of one small batch, and a member the
            // model does not know, which sends an SQS/SNS record down the general path
            case "topic" -> bytes(record(event(1, 1, 64), Kind.TOPIC));
            case "s3-small" -> bytes(record(event(2, 4, 64), Kind.S3));
            case "documented-extra-member" -> new String(documentedCompact(), StandardCharsets.UTF_8)
                    .replace("\"version\":", "\"newMember\":{\"a\":[1,2.50]},\"version\":")
                    .getBytes(StandardCharsets.UTF_8);
            // the compact example in the envelopes it arrives in: a Lambda SQS event's body, an SNS notification
            case "sqs-event" -> ("{\"Records\":[{\"messageId\":\"059f36b4-87a3-44ab-83d2-661975830a7d\","
                    + "\"receiptHandle\":\"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a\",\"body\":"
                    + quoted(documentedCompact()) + ",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},"
                    + "\"messageAttributes\":{},\"md5OfBody\":\"e4e68fb7bd0e697a0ae8f1bb342846b3\","
                    + "\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:dlq\","
                    + "\"awsRegion\":\"us-east-1\"}]}").getBytes(StandardCharsets.UTF_8);
            case "sns-notification" -> ("{\"Type\":\"Notification\",\"MessageId\":"
                    + "\"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\",\"TopicArn\":\"arn:aws:sns:us-east-1:123456789012:dlq\","
                    + "\"Message\":" + quoted(documentedCompact()) + ",\"Timestamp\":\"2019-11-14T00:38:06.100Z\","
                    + "\"SignatureVersion\":\"1\",\"Signature\":\"EXAMPLE\",\"SigningCertURL\":\"https://sns.us-east-1."
                    + "amazonaws.com/SimpleNotificationService-0.pem\",\"UnsubscribeURL\":\"https://sns.us-east-1."
                    + "amazonaws.com/?Action=Unsubscribe\"}").getBytes(StandardCharsets.UTF_8);
            case "partitions-50" -> partitions(50);
            case "s3-1mb" -> s3(1 << 20);
            case "s3-6.5mb" -> s3(6_815_744);
            default -> throw new IllegalArgumentException(input(name));
        };
    }

    /** {@code json} as a JSON string. */
    private static String quoted(byte[] json) {
        return dev.onfailure.json.Json.write(dev.onfailure.json.JsonString.of(new String(json, StandardCharsets.UTF_8)));
    }

    private static String input(String name) {
        return "no input named " + name;
    }

    /** A strict-valid SQS/SNS record with {@code partitions} topic-partitions. */
    public static byte[] partitions(int partitions) {
        return bytes(record(event(partitions, partitions * 2, 64), Kind.SQS_SNS));
    }

    /** A strict-valid S3 record whose escaped payload is about {@code bytes} long. */
    public static byte[] s3(int bytes) {
        int valueBytes = 600;
        int records = Math.max(1, bytes / 1075);
        return bytes(record(event(Math.min(records, 50), records, valueBytes), Kind.S3));
    }

    /** {@code n} strict-valid records of every kind as NDJSON. */
    public static byte[] ndjson(int n) {
        StringBuilder sb = new StringBuilder();
        SplittableRandom r = new SplittableRandom(5);
        Kind[] kinds = Kind.records().toArray(new Kind[0]);
        for (int i = 0; i < n; i++) {
            KafkaFailureRecord rec = record(event(1 + r.nextInt(4), 1 + r.nextInt(8), 32 + r.nextInt(96)),
                    kinds[i % kinds.length]);
            sb.append(RecordCodec.defaults().write(rec)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(KafkaFailureRecord r) {
        return RecordCodec.defaults().write(r).getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaFailureRecord record(KafkaEvent event, Kind d) {
        FailureContext ctx = new FailureContext(Condition.RETRY_ATTEMPTS_EXHAUSTED,
                "arn:aws:lambda:eu-west-1:210987654321:function:orders-consumer",
                "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", 3,
                JsonField.of(ResponseContext.builder().statusCode(200).executedVersion(JsonField.of("$LATEST"))
                        .functionError(JsonField.of("Unhandled")).build()),
                Instant.parse("2024-05-01T10:00:09.999Z"));
        return RecordBuilder.build(event, ctx, d).get(0);
    }

    static KafkaEvent event(int partitions, int records, int valueBytes) {
        SplittableRandom r = new SplittableRandom(partitions * 31L + records);
        Map<String, List<KafkaRecord>> byKey = new LinkedHashMap<>();
        long time = 1_714_557_600_000L;
        for (int i = 0; i < records; i++) {
            int p = i % partitions;
            String topic = "orders-eu-west-" + (p % 3);
            String key = topic + "-" + p;
            List<KafkaRecord> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
            byte[] value = new byte[valueBytes];
            r.nextBytes(value);
            list.add(KafkaRecord.builder().topic(topic).partition(p).offset(1_000_000L + list.size())
                    .timestamp(time + i).timestampType("CREATE_TIME")
                    .key(JsonField.of(Base64.getEncoder().encodeToString(("key-" + i).getBytes(StandardCharsets.UTF_8))))
                    .value(JsonField.of(Base64.getEncoder().encodeToString(value)))
                    .headers(JsonField.of(List.of(Header.of("traceparent", ("00-" + i).getBytes(StandardCharsets.UTF_8)))))
                    .build());
        }
        return KafkaEvent.builder().eventSource("aws:kafka")
                .eventSourceArn(JsonField.of("arn:aws:kafka:eu-west-1:210987654321:cluster/orders-prod/"
                        + "0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3"))
                .bootstrapServers(JsonField.of("b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098"))
                .records(byKey).build();
    }
}
