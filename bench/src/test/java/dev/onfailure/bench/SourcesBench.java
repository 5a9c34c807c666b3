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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.apache.kafka.clients.consumer.CloseOptions;
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
 * ./mvnw -B -ntp -pl bench -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/classpath.txt
 * java -Xmx2g -cp bench/target/test-classes:bench/target/classes:$(cat bench/target/classpath.txt) \
 *     dev.onfailure.bench.SourcesBench 2000 100000 5 [20]
 * }</pre>
 *
 * <p>Arguments: objects, messages, rounds and, optionally, a first-byte latency in milliseconds that every S3 request
 * waits on both sides ({@link LatencyProxy}), as requests to S3 wait while the client's cores are free; then,
 * optionally, one-way delays in milliseconds for Kafka, comma-separated ({@code direct,0,0.5,1,5}), and a
 * bandwidth cap in MB/s and a window in KiB (bytes in flight), each per direction and connection (0 or absent:
 * none). With delays, both Kafka sides read through a {@link DelayRelay} ({@link RelayedKafka}), once per delay
 * ({@code direct}: from the broker's own listener, the relay bypassed), against the loop closed as the source closes;
 * without, they read from the broker directly, against both loops.
 *
 * <p>(From the root reactor, so the project's modules come from their {@code target/} directories and nothing is
 * installed into the local repository: the class path names each module's {@code target/classes}, never a SNAPSHOT
 * jar.) Then it puts the objects and messages, and measures.
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
        int latency = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        double[] kafkaDelays = args.length > 4 ? Arrays.stream(args[4].split(","))
                .mapToDouble(d -> d.equals("direct") ? -1 : Double.parseDouble(d)).toArray()
                : new double[0];
        long kafkaCap = args.length > 5 ? Long.parseLong(args[5]) * 1_000_000 : 0;
        long kafkaWindow = args.length > 6 ? Long.parseLong(args[6]) * 1024 : 0;
        List<byte[]> records = records(1000);
        System.out.println("SourcesBench: " + objects + " S3 objects, " + messages + " Kafka messages, " + rounds
                + " rounds, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        if (objects > 0) {
            s3(objects, rounds, records, latency);
        }
        if (messages > 0 && kafkaDelays.length > 0) {
            kafkaRelayed(messages, rounds, records, kafkaDelays, kafkaCap, kafkaWindow);
        } else if (messages > 0) {
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

    /**
     * Validating an S3 prefix against fetching it. With {@code latencyMillis} above 0 both sides reach S3Proxy through
     * a {@link LatencyProxy}, so that each GET waits for its first byte as it does from S3 (20 to 60 ms for a small
     * object) instead of costing CPU on the same cores.
     */
    private static void s3(int objects, int rounds, List<byte[]> records, int latencyMillis) throws Exception {
        try (S3Server server = S3Server.start(); S3Client client = server.client();
                LatencyProxy proxy = LatencyProxy.start(server.endpoint(), latencyMillis)) {
            client.createBucket(b -> b.bucket("bench"));
            long p0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8, named("bench-put"));
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
            System.out.printf("S3: put %d objects in %d ms (8 at once, one client)%n", objects,
                    (System.nanoTime() - p0) / 1_000_000);
            System.setProperty("aws.accessKeyId", TestAws.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", TestAws.SECRET_KEY);
            URI through = latencyMillis > 0 ? proxy.endpoint() : server.endpoint();
            String endpoint = through.toString();
            if (latencyMillis > 0) {
                System.out.printf("S3: every GET and LIST waits at least %d ms for its first byte%n", latencyMillis);
            }
            for (int threads : new int[] {1, 2}) {
                int concurrency = Math.max(16, threads * 2); // what validate --threads N fetches with
                String[] validate = {"validate", "--format", "json", "--threads", Integer.toString(threads),
                    "--endpoint-url", endpoint, "s3://bench/aws/lambda/"};
                String[] empty = validate.clone();
                empty[empty.length - 1] = "s3://bench/nothing-here/";
                Run ours = new Run(rounds);
                Run base = new Run(rounds);
                Run fixed = new Run(rounds);
                for (int r = -1; r < rounds; r++) { // round -1 warms up both
                    boolean oursFirst = (r & 1) == 0; // the order alternates, so drift in the load hits both alike
                    for (int i = 0; i < 2; i++) {
                        if (oursFirst == (i == 0)) {
                            ours.time(r, () -> {
                                int code = Main.run(validate, new ByteArrayInputStream(new byte[0]), NULL, System.err,
                                        false);
                                if (code != 0) {
                                    throw new IllegalStateException("validate exited " + code);
                                }
                            });
                        } else {
                            base.time(r, () -> {
                                if (fetchOnly(server, through, concurrency) == 0) {
                                    throw new IllegalStateException("fetched nothing");
                                }
                            });
                        }
                    }
                    // what validate costs before its first object: the command, the client, an empty listing
                    fixed.time(r, () -> Main.run(empty, new ByteArrayInputStream(new byte[0]), NULL, System.err,
                            false));
                }
                report("S3, " + threads + " thread" + (threads == 1 ? "" : "s") + " (" + concurrency
                        + " GETs at once)", objects, ours, base, "objects");
                System.out.printf("    of which fixed (validate of an empty prefix): median %d ms wall, %d ms CPU%n",
                        fixed.medianWall() / 1_000_000, fixed.medianCpu() / 1_000_000);
            }
        }
    }

    /** The baseline: list and GET every object with {@code concurrency} threads, reading the bytes, nothing else. */
    private static long fetchOnly(S3Server server, URI through, int concurrency) throws Exception {
        try (S3Client client = server.client(through)) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency, named("bench-get"));
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
                String[] validate = {"validate", "--format", "json", "--threads", Integer.toString(threads),
                    "--bootstrap-server", server.bootstrapServers(), "kafka://bench"};
                Run ours = new Run(rounds);
                Run base = new Run(rounds);
                Run shortClose = new Run(rounds);
                for (int r = -1; r < rounds; r++) {
                    boolean oursFirst = (r & 1) == 0;
                    for (int i = 0; i < 2; i++) {
                        if (oursFirst == (i == 0)) {
                            ours.time(r, () -> {
                                int code = Main.run(validate, new ByteArrayInputStream(new byte[0]), NULL, System.err,
                                        false);
                                if (code != 0) {
                                    throw new IllegalStateException("validate exited " + code);
                                }
                            });
                        } else {
                            base.time(r, () -> consume(server.bootstrapServers(), messages, Optional.empty()));
                            shortClose.time(r, () -> consume(server.bootstrapServers(), messages,
                                    Optional.of(SOURCE_CLOSE)));
                        }
                    }
                }
                String what = "Kafka, " + threads + " thread" + (threads == 1 ? "" : "s");
                report(what, messages, ours, base, "messages");
                report(what + ", loop closed as the source closes", messages, ours, shortClose, "messages");
            }
        }
    }

    /**
     * How {@code KafkaSource} closes its consumer. A plain {@code close()} waits for the broker's answer to the fetch
     * that ends the fetch session, which comes after {@code fetch.max.wait.ms} (500 ms): the second baseline closes as
     * the source does, so that the ratio against it shows what reading and validating cost, not that wait.
     */
    private static final Duration SOURCE_CLOSE = Duration.ofMillis(100);

    private static void consume(String servers, int messages, Optional<Duration> close) {
        long read = consumeOnly(servers, close);
        if (read != messages) {
            throw new IllegalStateException("consumed " + read);
        }
    }

    /** Fetch requests the latest {@link #consumeOnly} sent (its consumer's {@code fetch-total}). */
    private static volatile long lastFetches;

    /**
     * The baseline: assign, seek to the beginning, poll to the end offset, touch each value, nothing else; then close,
     * plainly or within {@code close}. Its settings are {@code KafkaSource}'s: {@code max.poll.records} 2000,
     * {@code read_committed}, Kafka's defaults for the rest (fetch sizes included: {@code fetch.min.bytes} 1,
     * {@code fetch.max.wait.ms} 500, {@code max.partition.fetch.bytes} 1 MiB, {@code fetch.max.bytes} 50 MiB,
     * {@code receive.buffer.bytes} 64 KiB).
     */
    private static long consumeOnly(String servers, Optional<Duration> close) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
        try {
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
            lastFetches = consumer.metrics().entrySet().stream()
                    .filter(e -> e.getKey().name().equals("fetch-total")
                            && e.getKey().group().equals("consumer-fetch-manager-metrics"))
                    .mapToLong(e -> ((Number) e.getValue().metricValue()).longValue()).sum();
            return bytes > 0 ? n : -1;
        } finally {
            if (close.isPresent()) {
                consumer.close(CloseOptions.timeout(close.get()));
            } else {
                consumer.close();
            }
        }
    }

    /**
     * Validating a topic against the loop closed as the source closes it, both through a {@link DelayRelay}, once for
     * each one-way delay. Every run must move at least the topic's value bytes through the relay towards the client,
     * which shows that its fetches did not reach the broker another way.
     */
    private static void kafkaRelayed(int messages, int rounds, List<byte[]> records, double[] delaysMillis,
            long bytesPerSecond, long windowBytes) throws Exception {
        try (RelayedKafka kafka = RelayedKafka.start()) {
            kafka.createTopic("bench", 1);
            long values = 0;
            try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
                for (int i = 0; i < messages; i++) {
                    byte[] value = records.get(i % records.size());
                    values += value.length;
                    producer.send(new ProducerRecord<>("bench", 0, null, value));
                }
                producer.flush();
            }
            DelayRelay relay = kafka.relay();
            relay.bytesPerSecond(bytesPerSecond);
            relay.windowBytes(windowBytes);
            System.out.printf("Kafka: %d messages, %.1f MB of values, one partition; both sides bootstrap at %s, a"
                    + " relay (direct: %s); bandwidth cap %s; window %s%n", messages, values / 1e6,
                    kafka.relayedServers(), kafka.directServers(),
                    bytesPerSecond > 0 ? bytesPerSecond / 1e6 + " MB/s each way per connection" : "none",
                    windowBytes > 0 ? windowBytes / 1024 + " KiB each way per connection" : "none");
            for (double delay : delaysMillis) {
                boolean direct = delay < 0;
                String servers = direct ? kafka.directServers() : kafka.relayedServers();
                relay.oneWayDelayMicros(Math.round(Math.max(0, delay) * 1000));
                for (int threads : new int[] {1, 2}) {
                    String[] validate = {"validate", "--format", "json", "--threads", Integer.toString(threads),
                        "--bootstrap-server", servers, "kafka://bench"};
                    Run ours = new Run(rounds);
                    Run base = new Run(rounds);
                    long[] oursDown = new long[rounds];
                    long[] baseDown = new long[rounds];
                    long[] fetches = new long[rounds];
                    for (int r = -1; r < rounds; r++) {
                        boolean oursFirst = (r & 1) == 0;
                        for (int i = 0; i < 2; i++) {
                            long before = relay.bytesDown();
                            if (oursFirst == (i == 0)) {
                                ours.time(r, () -> {
                                    int code = Main.run(validate, new ByteArrayInputStream(new byte[0]), NULL,
                                            System.err, false);
                                    if (code != 0) {
                                        throw new IllegalStateException("validate exited " + code);
                                    }
                                });
                            } else {
                                base.time(r, () -> consume(servers, messages, Optional.of(SOURCE_CLOSE)));
                            }
                            long down = relay.bytesDown() - before;
                            if (direct && down >= values) { // (a late answer to an earlier run may still pass)
                                throw new IllegalStateException(down + " bytes came through the relay, bypassed");
                            }
                            if (!direct && down < values) {
                                throw new IllegalStateException("only " + down + " bytes came through the relay, of "
                                        + values + " bytes of values: the fetches went around it");
                            }
                            if (r >= 0) {
                                (oursFirst == (i == 0) ? oursDown : baseDown)[r] = down;
                                if (oursFirst != (i == 0)) {
                                    fetches[r] = lastFetches;
                                }
                            }
                        }
                    }
                    String what = "Kafka, " + (direct ? "direct" : String.format("%.1f ms each way", delay)) + ", "
                            + threads + " thread" + (threads == 1 ? "" : "s");
                    report(what, messages, ours, base, "messages");
                    System.out.printf("    through the relay towards the client, median a run: validate %.1f MB,"
                            + " baseline %.1f MB (values %.1f MB); the baseline's fetch requests: median %d%n",
                            median(oursDown) / 1e6, median(baseDown) / 1e6, values / 1e6, median(fetches));
                }
            }
            System.out.printf("Kafka: the relay carried %.1f MB to the broker and %.1f MB back over %d connections%n",
                    relay.bytesUp() / 1e6, relay.bytesDown() / 1e6, relay.connections());
        }
    }

    /** A measured piece of work. */
    private interface Work {
        void run() throws Exception;
    }

    /** With {@code -Dbench.threadCpu=true}, each run's CPU time by thread group too ({@link ThreadCpu}). */
    private static final boolean THREAD_CPU = Boolean.getBoolean("bench.threadCpu");

    /** Wall-clock and process CPU times of one measurement, round by round (round -1 is the warm-up). */
    private static final class Run {
        private final long[] wall;
        private final long[] cpu;
        private final List<Map<String, Long>> threads = new ArrayList<>();

        Run(int rounds) {
            wall = new long[rounds];
            cpu = new long[rounds];
        }

        void time(int round, Work work) throws Exception {
            ThreadCpu byThread = THREAD_CPU ? new ThreadCpu() : null;
            if (byThread != null) {
                byThread.start();
            }
            long c0 = processCpu();
            long t0 = System.nanoTime();
            work.run();
            long t1 = System.nanoTime();
            long c1 = processCpu();
            Map<String, Long> groups = byThread != null ? byThread.stop() : Map.of();
            if (round >= 0) {
                wall[round] = t1 - t0;
                cpu[round] = c1 - c0;
                if (byThread != null) {
                    threads.add(groups);
                }
            }
        }

        /** Median CPU by thread group over the rounds, in microseconds per unit of work. */
        String byThread(int n) {
            if (threads.isEmpty()) {
                return "";
            }
            TreeSet<String> groups = new TreeSet<>();
            threads.forEach(t -> groups.addAll(t.keySet()));
            StringBuilder out = new StringBuilder();
            for (String g : groups) {
                long[] xs = threads.stream().mapToLong(t -> t.getOrDefault(g, 0L)).toArray();
                out.append(String.format("%n        %-34s %5.2f µs (rounds: %s)", g, median(xs) / 1e3 / n,
                        Arrays.toString(Arrays.stream(xs).mapToObj(x -> String.format("%.2f", x / 1e3 / n))
                                .toArray())));
            }
            long[] sums = threads.stream().mapToLong(t -> t.values().stream().mapToLong(Long::longValue).sum())
                    .toArray();
            out.append(String.format("%n        %-34s %5.2f µs", "all threads", median(sums) / 1e3 / n));
            return out.toString();
        }

        long medianWall() {
            return median(wall);
        }

        long medianCpu() {
            return median(cpu);
        }
    }

    /** CPU time of this JVM (the servers' included: they run in it, for both sides alike). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void report(String what, int n, Run ours, Run base, String unit) {
        long o = ours.medianWall();
        long b = base.medianWall();
        System.out.printf("%-36s validate %7.0f %s/s (median %5d ms)  baseline %7.0f %s/s (median %5d ms)  ratio %.2fx"
                + "  [validate ms %s; baseline ms %s]%n", what, n * 1e9 / o, unit, o / 1_000_000, n * 1e9 / b, unit,
                b / 1_000_000, (double) o / b, ms(ours.wall), ms(base.wall));
        System.out.printf("    process CPU: validate median %d ms, baseline median %d ms, ratio %.2fx%n",
                ours.medianCpu() / 1_000_000, base.medianCpu() / 1_000_000,
                (double) ours.medianCpu() / base.medianCpu());
        if (THREAD_CPU) {
            System.out.printf("    CPU by thread a %s, medians: validate%s%n    baseline%s%n",
                    unit.substring(0, unit.length() - 1), ours.byThread(n), base.byThread(n));
        }
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
