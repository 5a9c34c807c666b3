package dev.onfailure.bench;

import dev.onfailure.model.TopicPartition;
import dev.onfailure.redrive.FetchRange;
import dev.onfailure.redrive.FetchedRange;
import dev.onfailure.redrive.RangeFetcher;
import dev.onfailure.redrive.RedriveRecord;
import dev.onfailure.redrive.RedriveReport;
import dev.onfailure.redrive.Redriver;
import dev.onfailure.redrive.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Fetch and redrive beside their baselines, in one JVM against one in-process broker (KRaft), alternating rounds:
 * <ul>
 *   <li>{@code RangeFetcher.fetch} of 100,000 records over 300 ranges (4 partitions) vs a plain consumer reading
 *       the same offsets (assign, seek to each range, poll past its end), with the same fetch settings;</li>
 *   <li>{@code Redriver.redrive} of the same 100,000 records (provenance headers, checkpoint) vs a plain idempotent
 *       producer ({@code acks=all}) sending the same records; for reference, the plain producer sending them with
 *       the provenance headers, with the default and with redrive's {@code batch.size}. The four take turns at
 *       going first.</li>
 * </ul>
 * Prints the median of each and the ratios. Arguments: rounds (default 5).
 */
public final class RecoveryBench {

    private static final String SOURCE = "bench-source";
    private static final int PARTITIONS = 4;
    private static final int RECORDS = 100_000;
    private static final int RANGES = 300;
    /** The {@code batch.size} Redriver gives its producer (Redriver.BATCH_BYTES), for the tuned baseline. */
    private static final int REDRIVE_BATCH_BYTES = 256 * 1024;

    private RecoveryBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setNumBrokerNodes(1).setNumControllerNodes(1).setCombined(true).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        String bootstrap = cluster.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(SOURCE, PARTITIONS, (short) 1),
                    new NewTopic("bench-redrive", PARTITIONS, (short) 1),
                    new NewTopic("bench-plain", PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        long[] ends = produce(bootstrap);
        List<FetchRange> ranges = ranges(ends);
        long total = ranges.stream().mapToLong(FetchRange::span).sum();
        System.out.printf("%d ranges, %d records; %d rounds; load average %.1f%n", ranges.size(), total, rounds,
                load());

        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap);
        List<RedriveRecord> records = new ArrayList<>();
        try (RangeFetcher f = RangeFetcher.connect(config, Duration.ofSeconds(60))) {
            for (FetchedRange r : f.fetch(ranges)) {
                r.records().forEach(c -> records.add(new RedriveRecord("bench", c)));
            }
        }
        if (records.size() != total) {
            throw new IllegalStateException("fetched " + records.size() + " of " + total);
        }
        long[] fetch = new long[rounds];
        long[] plainFetch = new long[rounds];
        long[] redrive = new long[rounds];
        long[] plainSend = new long[rounds];
        long[] plainWithHeaders = new long[rounds];
        long[] plainTuned = new long[rounds];
        List<ProducerRecord<byte[], byte[]>> withHeaders = new ArrayList<>();
        Redriver.builder().config(config).target(Target.topic("bench-plain")).build().plan(records)
                .forEach(o -> withHeaders.add(o.record()));
        Path dir = Files.createTempDirectory("recovery-bench");
        for (int i = 0; i < rounds; i++) {
            final int round = i;
            long t = System.nanoTime();
            long n = 0;
            try (RangeFetcher f = RangeFetcher.connect(config, Duration.ofSeconds(60))) {
                for (FetchedRange r : f.fetch(ranges)) {
                    n += r.found();
                }
            }
            fetch[i] = System.nanoTime() - t;
            check(n, total);

            t = System.nanoTime();
            check(plainConsumer(bootstrap, ranges), total);
            plainFetch[i] = System.nanoTime() - t;

            // redrive and the producers take turns at going first, so neither always runs on a warmer broker
            Runnable[] sends = {
                () -> {
                    long t0 = System.nanoTime();
                    RedriveReport report = Redriver.builder().config(config).target(Target.topic("bench-redrive"))
                            .checkpoint(dir.resolve("round-" + round + ".checkpoint")).build().redrive(records);
                    redrive[round] = System.nanoTime() - t0;
                    check(report.sent(), total);
                },
                () -> plainSend[round] = timed(() -> plainProducer(bootstrap, records.stream().map(r ->
                        new ProducerRecord<>("bench-plain", null, null, r.record().key(), r.record().value(),
                                r.record().headers())).toList(), Map.of())),
                () -> plainWithHeaders[round] = timed(() -> plainProducer(bootstrap, withHeaders, Map.of())),
                () -> plainTuned[round] = timed(() -> plainProducer(bootstrap, withHeaders,
                        Map.of("batch.size", Integer.toString(REDRIVE_BATCH_BYTES))))
            };
            for (int k = 0; k < sends.length; k++) {
                sends[(k + i) % sends.length].run();
            }
            System.out.printf("round %d: fetch %.0f ms, plain consumer %.0f ms, redrive %.0f ms, plain producer %.0f ms"
                    + " (with the provenance headers: %.0f ms; and redrive's batch size: %.0f ms); load %.1f%n", i + 1,
                    fetch[i] / 1e6, plainFetch[i] / 1e6, redrive[i] / 1e6, plainSend[i] / 1e6,
                    plainWithHeaders[i] / 1e6, plainTuned[i] / 1e6, load());
        }
        double f = median(fetch);
        double pf = median(plainFetch);
        double r = median(redrive);
        double ps = median(plainSend);
        System.out.printf("median: fetch %.0f ms vs plain consumer %.0f ms = %.2fx (target <= 1.2x)%n", f / 1e6,
                pf / 1e6, f / pf);
        double ph = median(plainWithHeaders);
        System.out.printf("median: redrive %.0f ms vs plain idempotent producer %.0f ms = %.2fx (target <= 1.3x)%n",
                r / 1e6, ps / 1e6, r / ps);
        System.out.printf("median: redrive %.0f ms vs plain idempotent producer sending the same records with the "
                + "provenance headers %.0f ms = %.2fx%n", r / 1e6, ph / 1e6, r / ph);
        double pt = median(plainTuned);
        System.out.printf("median: redrive %.0f ms vs the same with redrive's batch.size (%d) %.0f ms = %.2fx"
                + "; load average at the end %.1f%n", r / 1e6, REDRIVE_BATCH_BYTES, pt / 1e6, r / pt, load());
        cluster.close();
    }

    /** The system's load average over the last minute (the machine is shared: read the ratios with it). */
    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private interface Send {
        void run() throws Exception;
    }

    private static long timed(Send send) {
        long t = System.nanoTime();
        try {
            send.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - t;
    }

    private static void check(long n, long total) {
        if (n != total) {
            throw new IllegalStateException(n + " records, expected " + total);
        }
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }

    /** 120,000 records: keys, 100-byte values, two headers. */
    private static long[] produce(String bootstrap) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long[] ends = new long[PARTITIONS];
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(producerConfig(bootstrap))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < RECORDS * 6 / 5; i++) {
                byte[] value = new byte[100];
                random.nextBytes(value);
                RecordHeaders headers = new RecordHeaders();
                headers.add("trace-id", ("t" + i).getBytes(StandardCharsets.UTF_8));
                headers.add("bin", new byte[] {(byte) i, -1, 0});
                acks.add(p.send(new ProducerRecord<>(SOURCE, i % PARTITIONS, null,
                        ("key-" + i).getBytes(StandardCharsets.UTF_8), value, headers)));
            }
            for (Future<RecordMetadata> a : acks) {
                RecordMetadata m = a.get();
                ends[m.partition()] = Math.max(ends[m.partition()], m.offset() + 1);
            }
        }
        return ends;
    }

    /** 300 ranges of 250..417 records, in offset order per partition, with gaps between, 100,000 records in all. */
    private static List<FetchRange> ranges(long[] ends) {
        List<FetchRange> out = new ArrayList<>();
        int perPartition = RANGES / PARTITIONS;
        long perRange = RECORDS / RANGES;
        long remainder = RECORDS - perRange * RANGES;
        for (int p = 0; p < PARTITIONS; p++) {
            long gap = (ends[p] - perPartition * (perRange + 1)) / perPartition;
            long next = 0;
            for (int i = 0; i < perPartition; i++) {
                long size = perRange + (remainder-- > 0 ? 1 : 0);
                out.add(new FetchRange("bench", new TopicPartition(SOURCE, p), next, next + size - 1, size,
                        FetchRange.Basis.SPAN));
                next += size + gap;
            }
        }
        return out;
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.serializer", ByteArraySerializer.class.getName());
        c.put("value.serializer", ByteArraySerializer.class.getName());
        c.put("enable.idempotence", "true");
        c.put("acks", "all");
        c.put("linger.ms", "5");
        return c;
    }

    /** The baseline: one plain consumer, assign and seek to each range in turn, poll until past its last offset. */
    private static long plainConsumer(String bootstrap, List<FetchRange> ranges) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.deserializer", ByteArrayDeserializer.class.getName());
        c.put("value.deserializer", ByteArrayDeserializer.class.getName());
        c.put("enable.auto.commit", "false");
        c.put("isolation.level", "read_committed");
        c.put("max.poll.records", "2000");
        long n = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            for (FetchRange r : ranges) {
                org.apache.kafka.common.TopicPartition tp = new org.apache.kafka.common.TopicPartition(
                        r.topicPartition().topic(), r.topicPartition().partition());
                consumer.assign(List.of(tp));
                consumer.seek(tp, r.first());
                boolean done = false;
                while (!done) {
                    ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<byte[], byte[]> rec : batch) {
                        if (rec.offset() <= r.last()) {
                            n++;
                        }
                        done |= rec.offset() >= r.last();
                    }
                }
            }
        }
        return n;
    }

    /** The baseline: a plain idempotent producer sending the same records (their own headers only). */
    private static void plainProducer(String bootstrap, List<ProducerRecord<byte[], byte[]>> records,
            Map<String, Object> extra) throws Exception {
        Map<String, Object> c = producerConfig(bootstrap);
        c.putAll(extra);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(c)) {
            Future<RecordMetadata> last = null;
            for (ProducerRecord<byte[], byte[]> r : records) {
                last = p.send(r);
            }
            p.flush();
            last.get();
        }
    }
}
