import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka side of scripts/recovery-check, on the Kafka client alone (none of onfailure's code, so the check does
 * not grade itself): {@code setup BOOTSTRAP DIR} produces awkward records, deletes some, and writes failure records
 * by hand for ranges of them (SQS/SNS, S3 with a string and an object payload, a kafka:// topic) with the NDJSON that
 * {@code fetch} must print for each; {@code target BOOTSTRAP TOPIC EXPECTED} checks that a redrive delivered each
 * expected record exactly once, with its key, value and headers. Run with {@code java -cp <kafka-clients> ...}.
 */
public final class RecoveryCheck {

    static final String TOPIC = "orders-eu-west-1";
    static final String ARN = "arn:aws:kafka:eu-west-1:123456789012:cluster/orders/"
            + "0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3";

    record Produced(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
            List<Header> headers) {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], Path.of(args[2]));
            case "target" -> target(args[1], args[2], Path.of(args[3]));
            case "ports" -> ports();
            case "wait" -> waitFor(args[1]);
            default -> throw new IllegalArgumentException("setup BOOTSTRAP DIR | target BOOTSTRAP TOPIC EXPECTED"
                    + " | ports | wait BOOTSTRAP");
        }
    }

    static void setup(String bootstrap, Path dir) throws Exception {
        Files.createDirectories(dir.resolve("expected"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic("orders-replay", 3, (short) 1),
                    new NewTopic("orders-failures", 1, (short) 1), new NewTopic("bulk", 2, (short) 1),
                    new NewTopic("bulk-replay", 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
            List<List<Produced>> parts = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> p = producer(bootstrap)) {
                for (int partition = 0; partition < 3; partition++) {
                    parts.add(produce(p, TOPIC, partition, 200, partition + 1, 300, true));
                }
                List<Produced> bulk = new ArrayList<>();
                for (int partition = 0; partition < 2; partition++) {
                    bulk.addAll(produce(p, "bulk", partition, 50_000, 10 + partition, 100, false));
                }
                expect(dir, "bulk", bulk);
            }
            // retention or deleteRecords got there first: offsets 0-2 of partition 2 are gone
            admin.deleteRecords(Map.of(new TopicPartition(TOPIC, 2), RecordsToDelete.beforeOffset(3))).all()
                    .get(60, TimeUnit.SECONDS);

            List<Produced> sqs = new ArrayList<>(parts.get(0).subList(10, 60));
            sqs.addAll(parts.get(1).subList(0, 30));
            write(dir.resolve("sqs.json"), sqsRecord(bootstrap, "7c1d0f3e-0000-4a5b-8c9d-000000000001", sqs, 80));
            expect(dir, "sqs", sqs);

            List<Produced> trimmed = parts.get(2).subList(0, 10);
            write(dir.resolve("sqs-deleted.json"), sqsRecord(bootstrap, "7c1d0f3e-0000-4a5b-8c9d-000000000002",
                    trimmed, 10));
            expect(dir, "sqs-deleted", parts.get(2).subList(3, 10));

            List<Produced> s3String = parts.get(2).subList(20, 40);
            write(dir.resolve("s3-string.json"), s3Record(bootstrap, "7c1d0f3e-0000-4a5b-8c9d-000000000003",
                    s3String, true));
            expect(dir, "s3-string", s3String);

            List<Produced> s3Object = parts.get(0).subList(100, 120);
            write(dir.resolve("s3-object.json"), s3Record(bootstrap, "7c1d0f3e-0000-4a5b-8c9d-000000000004",
                    s3Object, false));
            expect(dir, "s3-object", s3Object);

            List<Produced> topic = parts.get(1).subList(40, 50);
            try (KafkaProducer<byte[], byte[]> p = producer(bootstrap)) {
                int n = 0;
                for (Produced r : topic) {
                    String record = topicRecord(bootstrap, "7c1d0f3e-0000-4a5b-8c9d-00000000010" + n++, r);
                    p.send(new ProducerRecord<>("orders-failures", 0, r.key(),
                            record.getBytes(StandardCharsets.UTF_8))).get();
                }
            }
            expect(dir, "topic", topic);

            Map<String, long[]> bulk = new LinkedHashMap<>();
            bulk.put("bulk-0", new long[] {0, 49_999});
            bulk.put("bulk-1", new long[] {0, 49_999});
            write(dir.resolve("bulk.json"), sqsRanges(bootstrap, "7c1d0f3e-0000-4a5b-8c9d-000000000005", bulk,
                    10_000));
        }
        System.out.println("setup: " + TOPIC + " (3 x 200 records, offsets 0-2 of partition 2 deleted), bulk"
                + " (2 x 50,000), failure records and expected output in " + dir);
    }

    /** Two free ports on the loopback interface, for the broker's listeners. */
    static void ports() throws IOException {
        try (var a = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                var b = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            System.out.println(a.getLocalPort() + " " + b.getLocalPort());
        }
    }

    /** Waits up to two minutes for the broker to answer. */
    static void waitFor(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", "120000",
                "request.timeout.ms", "10000"))) {
            admin.describeCluster().nodes().get(120, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.serializer", ByteArraySerializer.class.getName());
        c.put("value.serializer", ByteArraySerializer.class.getName());
        c.put("acks", "all");
        c.put("enable.idempotence", "true");
        c.put("linger.ms", "5");
        return new KafkaProducer<>(c);
    }

    static byte[] everyByte() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) (i - 128);
        }
        return b;
    }

    /** Keys (every fifth null), binary values, every signed header byte, a repeated header name, own timestamps. */
    static List<Produced> produce(KafkaProducer<byte[], byte[]> p, String topic, int partition, int n, long seed,
            int maxValue, boolean awkwardHeaders) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long base = System.currentTimeMillis() - 3_600_000L;
        List<Future<RecordMetadata>> sent = new ArrayList<>(n);
        List<Produced> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] key = i % 5 == 0 ? null : (topic + "-key-" + partition + "-" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value = i % 9 == 4 ? everyByte() : new byte[random.nextInt(0, maxValue)];
            if (i % 9 != 4) {
                random.nextBytes(value);
            }
            RecordHeaders headers = new RecordHeaders();
            if (!awkwardHeaders) {
                headers.add("n", new byte[] {(byte) i});
            } else if (i % 6 != 5) {
                headers.add("h", everyByte());
                headers.add("h", new byte[] {(byte) i, -1, 0});
                headers.add("trace-id", ("t-" + partition + "-" + i).getBytes(StandardCharsets.UTF_8));
            }
            long timestamp = base + (i * 37L % 1009);
            sent.add(p.send(new ProducerRecord<>(topic, partition, timestamp, key, value, headers)));
            out.add(new Produced(topic, partition, -1, timestamp, key, value, List.of(headers.toArray())));
        }
        p.flush();
        for (int i = 0; i < n; i++) {
            Produced r = out.get(i);
            out.set(i, new Produced(r.topic(), r.partition(), sent.get(i).get().offset(), r.timestamp(), r.key(),
                    r.value(), r.headers()));
        }
        return out;
    }

    /** The record as Lambda's Kafka event has it, members in Lambda's order. */
    static String lambdaRecord(Produced r) {
        StringBuilder s = new StringBuilder("{\"topic\":\"").append(r.topic()).append("\",\"partition\":")
                .append(r.partition()).append(",\"offset\":").append(r.offset()).append(",\"timestamp\":")
                .append(r.timestamp()).append(",\"timestampType\":\"CREATE_TIME\",\"key\":")
                .append(r.key() == null ? "null" : "\"" + Base64.getEncoder().encodeToString(r.key()) + "\"")
                .append(",\"value\":\"").append(Base64.getEncoder().encodeToString(r.value()))
                .append("\",\"headers\":[");
        for (int i = 0; i < r.headers().size(); i++) {
            Header h = r.headers().get(i);
            s.append(i == 0 ? "" : ",").append("{\"").append(h.key()).append("\":[");
            for (int j = 0; j < h.value().length; j++) {
                s.append(j == 0 ? "" : ",").append(h.value()[j]); // signed, as Lambda writes them
            }
            s.append("]}");
        }
        return s.append("]}").toString();
    }

    static String event(String bootstrap, List<Produced> records) {
        Map<String, List<Produced>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(r));
        StringBuilder s = new StringBuilder("{\"eventSource\":\"aws:kafka\",\"eventSourceArn\":\"" + ARN
                + "\",\"bootstrapServers\":\"" + bootstrap + "\",\"records\":{");
        int k = 0;
        for (Map.Entry<String, List<Produced>> e : byKey.entrySet()) {
            s.append(k++ == 0 ? "" : ",").append('"').append(e.getKey()).append("\":[");
            for (int i = 0; i < e.getValue().size(); i++) {
                s.append(i == 0 ? "" : ",").append(lambdaRecord(e.getValue().get(i)));
            }
            s.append(']');
        }
        return s.append("}}").toString();
    }

    static String context(String requestId) {
        return "\"requestContext\":{\"requestId\":\"" + requestId + "\",\"functionArn\":"
                + "\"arn:aws:lambda:eu-west-1:123456789012:function:orders-consumer\",\"condition\":"
                + "\"RetryAttemptsExhausted\",\"approximateInvokeCount\":3},\"responseContext\":{\"statusCode\":200,"
                + "\"executedVersion\":\"$LATEST\",\"functionError\":\"Unhandled\"},\"version\":\"1.0\","
                + "\"timestamp\":\"" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\"";
    }

    static String iso(long millis) {
        String s = Instant.ofEpochMilli(millis).toString();
        return s.length() == 20 ? s.replace("Z", ".000Z") : s;
    }

    /** An SQS/SNS record: per topic-partition the first and last offsets and timestamps, no records. */
    static String sqsRecord(String bootstrap, String requestId, List<Produced> records, int batchSize) {
        Map<String, List<Produced>> byKey = new LinkedHashMap<>();
        records.forEach(r -> byKey.computeIfAbsent(r.topic() + "-" + r.partition(), k -> new ArrayList<>()).add(r));
        StringBuilder info = new StringBuilder();
        for (Map.Entry<String, List<Produced>> e : byKey.entrySet()) {
            Produced first = e.getValue().get(0);
            Produced last = e.getValue().get(e.getValue().size() - 1);
            info.append(info.length() == 0 ? "" : ",").append('"').append(e.getKey()).append("\":{")
                    .append("\"firstRecordOffset\":\"").append(first.offset()).append("\",\"firstRecordTimestamp\":\"")
                    .append(iso(first.timestamp())).append("\",\"lastRecordOffset\":\"").append(last.offset())
                    .append("\",\"lastRecordTimestamp\":\"").append(iso(last.timestamp())).append("\"}");
        }
        return "{" + context(requestId) + ",\"KafkaBatchInfo\":{\"batchSize\":" + batchSize + ",\"eventSourceArn\":\""
                + ARN + "\",\"bootstrapServers\":\"" + bootstrap + "\",\"payloadSize\":" + (1000 + records.size() * 400)
                + ",\"recordsInfo\":{" + info + "}}}";
    }

    static String sqsRanges(String bootstrap, String requestId, Map<String, long[]> ranges, int batchSize) {
        StringBuilder info = new StringBuilder();
        String now = iso(System.currentTimeMillis());
        ranges.forEach((key, r) -> info.append(info.length() == 0 ? "" : ",").append('"').append(key)
                .append("\":{\"firstRecordOffset\":\"").append(r[0]).append("\",\"firstRecordTimestamp\":\"")
                .append(now).append("\",\"lastRecordOffset\":\"").append(r[1])
                .append("\",\"lastRecordTimestamp\":\"").append(now).append("\"}"));
        return "{" + context(requestId) + ",\"KafkaBatchInfo\":{\"batchSize\":" + batchSize + ",\"eventSourceArn\":\""
                + ARN + "\",\"bootstrapServers\":\"" + bootstrap + "\",\"payloadSize\":5000000,\"recordsInfo\":{"
                + info + "}}}";
    }

    /** An S3 record: the SQS/SNS record and the whole invocation event, as AWS's escaped string or an object. */
    static String s3Record(String bootstrap, String requestId, List<Produced> records, boolean asString) {
        String sqs = sqsRecord(bootstrap, requestId, records, records.size());
        String event = event(bootstrap, records);
        String payload = asString ? "\"" + event.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : event;
        return sqs.substring(0, sqs.length() - 1) + ",\"payload\":" + payload + "}";
    }

    /** A Kafka-topic record: one failed record, its offset as a string, the event holding it as the payload. */
    static String topicRecord(String bootstrap, String requestId, Produced r) {
        return "{" + context(requestId) + ",\"KafkaBatchInfo\":{\"batchSize\":1,\"eventSourceArn\":\"" + ARN
                + "\",\"bootstrapServers\":\"" + bootstrap + "\",\"payloadSize\":1162,\"recordInfo\":{\"offset\":\""
                + r.offset() + "\",\"timestamp\":\"" + iso(r.timestamp()) + "\"}},\"payload\":"
                + event(bootstrap, List.of(r)) + "}";
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n");
    }

    static void expect(Path dir, String name, List<Produced> records) throws IOException {
        StringBuilder s = new StringBuilder();
        records.forEach(r -> s.append(lambdaRecord(r)).append('\n'));
        Files.writeString(dir.resolve("expected").resolve(name + ".ndjson"), s);
    }

    /**
     * Reads {@code topic} whole and checks that it holds each record of {@code expected} (NDJSON in Lambda's record
     * form, as fetch prints it) exactly once: provenance headers naming it, its key, value and headers first.
     */
    static void target(String bootstrap, String topic, Path expected) throws Exception {
        Map<String, String> want = new HashMap<>();
        for (String line : Files.readAllLines(expected)) {
            if (line.isBlank()) {
                continue;
            }
            String t = field(line, "\"topic\":\"", "\"");
            String p = field(line, "\"partition\":", ",");
            String o = field(line, "\"offset\":", ",");
            want.put(t + " " + p + " " + o, line);
        }
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.deserializer", ByteArrayDeserializer.class.getName());
        c.put("value.deserializer", ByteArrayDeserializer.class.getName());
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> tps = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(i -> tps.add(new TopicPartition(topic, i.partition())));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = consumer.endOffsets(tps);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    String id = header(r, "onfailure.original.topic") + " " + header(r, "onfailure.original.partition")
                            + " " + header(r, "onfailure.original.offset");
                    if (!seen.add(id)) {
                        problems.add("sent twice: " + id);
                    }
                    String line = want.get(id);
                    if (line == null) {
                        problems.add("not asked for: " + id);
                        continue;
                    }
                    List<Header> original = new ArrayList<>();
                    for (Header h : r.headers()) {
                        if (!h.key().startsWith("onfailure.original.")) {
                            original.add(h);
                        }
                    }
                    String[] parts = id.split(" ");
                    Produced back = new Produced(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]),
                            Long.parseLong(field(line, "\"timestamp\":", ",")), r.key(), r.value(), original);
                    if (!lambdaRecord(back).equals(line)) {
                        problems.add("key, value or headers differ: " + id);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
            }
        }
        Set<String> missing = new TreeSet<>(want.keySet());
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " records never sent, first " + missing.iterator().next());
        }
        if (!problems.isEmpty()) {
            problems.stream().limit(20).forEach(p -> System.out.println("FAIL " + topic + ": " + p));
            System.exit(1);
        }
        System.out.println("ok: " + topic + " holds each of the " + want.size() + " records once (" + count
                + " messages), same key, value and headers");
    }

    static String field(String line, String before, String after) {
        int a = line.indexOf(before) + before.length();
        return line.substring(a, line.indexOf(after, a));
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
