package dev.onfailure.bench;

import dev.onfailure.cli.Main;
import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.sources.KafkaServer;
import dev.onfailure.sources.S3Server;
import dev.onfailure.sources.TestAws;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code onfailure validate s3://...} and {@code kafka://...} against their baselines in the same run: fetching the
 * same objects with the same concurrency and doing nothing else (S3Proxy in-process), and a plain consumer loop over
 * the same topic (a KRaft broker in-process). Each measurement is repeated, alternating with its baseline; the
 * medians and their ratio are printed. Not a JMH benchmark: each run is seconds of network I/O, not a hot loop.
 *
 * <pre>{@code
 * ./mvnw -B -ntp -pl bench -am install -DskipTests
 * ./mvnw -B -ntp -f bench/pom.xml exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.onfailure.bench.SourcesBench -Dexec.args="2000 100000 5"
 * }</pre>
 */
public final class SourcesBench {

    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream(), false,
            StandardCharsets.UTF_8);

    private SourcesBench() {
    }

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<byte[]> records = records(1000);
        System.out.println("SourcesBench: " + objects + " S3 objects, " + messages + " Kafka messages, " + rounds
                + " rounds, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        if (objects > 0) {
            s3(objects, rounds, records);
        }
        if (messages > 0) {
            kafka(messages, rounds, records);
        }
        System.exit(0);
    }

    /** Strict-valid generated records of every kind, as they are written. */
    private static List<byte[]> records(int n) {
        var gen = RecordGenerators.records(GeneratorOptions.defaults().strictOnly(true).maxRecords(3)
                .kinds(Set.of(Kind.SQS_SNS, Kind.S3, Kind.TOPIC)));
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RecordCodec.defaults().write(gen.generate(SeededEntropy.of(i)).record())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void s3(int objects, int rounds, List<byte[]> records) throws Exception {
        try (S3Server server = S3Server.start(); S3Client client = server.client()) {
            client.createBucket(b -> b.bucket("bench"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                String key = String.format("aws/lambda/o%06d.json", i);
                byte[] body = records.get(i % records.size());
                puts.add(pool.submit(() -> client.putObject(b -> b.bucket("bench").key(key),
                        RequestBody.fromBytes(body))));
            }
            for (Future<?> f : puts) {
                f.get();
            }
            pool.shutdown();
            System.setProperty("aws.accessKeyId", TestAws.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", TestAws.SECRET_KEY);
            String endpoint = server.endpoint().toString();
            for (int threads : new int[] {1, 2}) {
                int concurrency = Math.max(2, threads * 2); // what validate --threads N fetches with
                long[] ours = new long[rounds];
                long[] base = new long[rounds];
                for (int r = -1; r < rounds; r++) { // round -1 warms up both
                    long t0 = System.nanoTime();
                    int code = Main.run(new String[] {"validate", "--format", "json", "--threads",
                            Integer.toString(threads), "--endpoint-url", endpoint, "s3://bench/aws/lambda/"},
                            new ByteArrayInputStream(new byte[0]), NULL, System.err, false);
                    long t1 = System.nanoTime();
                    long bytes = fetchOnly(server, concurrency);
                    long t2 = System.nanoTime();
                    if (code != 0 || bytes == 0) {
                        throw new IllegalStateException("validate exited " + code + ", fetched " + bytes);
                    }
                    if (r >= 0) {
                        ours[r] = t1 - t0;
                        base[r] = t2 - t1;
                    }
                }
                report("S3, " + threads + " thread" + (threads == 1 ? "" : "s") + " (" + concurrency
                        + " GETs at once)", objects, ours, base, "objects");
            }
        }
    }

    /** The baseline: list and GET every object with {@code concurrency} threads, reading the bytes, nothing else. */
    private static long fetchOnly(S3Server server, int concurrency) throws Exception {
        try (S3Client client = server.client()) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            List<Future<Integer>> gets = new ArrayList<>();
            for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket("bench").prefix("aws/lambda/"))
                    .contents()) {
                gets.add(pool.submit(() -> client.getObjectAsBytes(b -> b.bucket("bench").key(o.key()))
                        .asByteArrayUnsafe().length));
            }
            long bytes = 0;
            for (Future<Integer> f : gets) {
                bytes += f.get();
            }
            pool.shutdown();
            return bytes;
        }
    }

    private static void kafka(int messages, int rounds, List<byte[]> records) throws Exception {
        try (KafkaServer server = KafkaServer.start()) {
            server.createTopic("bench", 1);
            try (KafkaProducer<byte[], byte[]> producer = server.producer()) {
                for (int i = 0; i < messages; i++) {
                    producer.send(new ProducerRecord<>("bench", 0, null, records.get(i % records.size())));
                }
                producer.flush();
            }
            for (int threads : new int[] {1, 2}) {
                long[] ours = new long[rounds];
                long[] base = new long[rounds];
                for (int r = -1; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    int code = Main.run(new String[] {"validate", "--format", "json", "--threads",
                            Integer.toString(threads), "--bootstrap-server", server.bootstrapServers(),
                            "kafka://bench"}, new ByteArrayInputStream(new byte[0]), NULL, System.err, false);
                    long t1 = System.nanoTime();
                    long read = consumeOnly(server.bootstrapServers());
                    long t2 = System.nanoTime();
                    if (code != 0 || read != messages) {
                        throw new IllegalStateException("validate exited " + code + ", consumed " + read);
                    }
                    if (r >= 0) {
                        ours[r] = t1 - t0;
                        base[r] = t2 - t1;
                    }
                }
                report("Kafka, " + threads + " thread" + (threads == 1 ? "" : "s"), messages, ours, base,
                        "messages");
            }
        }
    }

    /** The baseline: assign, seek to the beginning, poll to the end offset, touch each value, nothing else. */
    private static long consumeOnly(String servers) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition("bench", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long n = 0;
            long bytes = 0;
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    n++;
                    bytes += r.value().length;
                }
            }
            return bytes > 0 ? n : -1;
        }
    }

    private static void report(String what, int n, long[] ours, long[] base, String unit) {
        long o = median(ours);
        long b = median(base);
        System.out.printf("%-36s validate %7.0f %s/s (median %5d ms)  baseline %7.0f %s/s (median %5d ms)  ratio %.2fx"
                + "  [validate ms %s; baseline ms %s]%n", what, n * 1e9 / o, unit, o / 1_000_000, n * 1e9 / b, unit,
                b / 1_000_000, (double) o / b, ms(ours), ms(base));
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String ms(long[] xs) {
        return Arrays.toString(Arrays.stream(xs).map(x -> x / 1_000_000).toArray());
    }
}
