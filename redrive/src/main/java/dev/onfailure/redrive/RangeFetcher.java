package dev.onfailure.redrive;

import dev.onfailure.model.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads offset ranges back from a Kafka cluster, exactly: {@code assign} and {@code seek}, no consumer group, no
 * commits, {@code isolation.level=read_committed} unless the configuration says otherwise. It never waits for
 * offsets a partition does not have: a partition is read up to the range's last offset or the end offset taken at
 * start, whichever comes first.
 *
 * <pre>{@code
 * try (RangeFetcher fetcher = RangeFetcher.connect(Map.of("bootstrap.servers", "localhost:9092"),
 *         Duration.ofSeconds(30))) {
 *     for (FetchedRange r : fetcher.fetch(FetchRange.of(failureRecord))) {
 *         r.records();    // ConsumerRecord<byte[], byte[]>, in offset order
 *         r.absent();     // [100-101 deleted, 140 aborted]
 *     }
 * }
 * }</pre>
 *
 * <p>Ranges are read together: every partition they name is assigned at once, and ranges of one partition are read
 * in offset order, overlapping ones from one pass. Offsets inside the log that {@code read_committed} skips are read
 * again with {@code read_uncommitted} to tell an aborted transaction's records from compacted offsets and markers.
 * Not thread-safe (a Kafka consumer is not).
 */
public final class RangeFetcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> config;
    private final Duration timeout;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final boolean committed;
    private KafkaConsumer<byte[], byte[]> uncommitted;

    private RangeFetcher(Map<String, Object> config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
        this.consumer = client("consumer", config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                () -> new KafkaConsumer<>(config));
        this.committed = "read_committed".equals(String.valueOf(config.get(ConsumerConfig.ISOLATION_LEVEL_CONFIG)));
    }

    /**
     * Returns a fetcher for the cluster {@code config} names ({@code bootstrap.servers} and any client settings:
     * security, SASL, TLS). The fetcher sets what exact reading needs: byte array deserializers, no group, no
     * auto-commit, no topic auto-creation, {@code auto.offset.reset=none}, and {@code read_committed} unless
     * {@code isolation.level} is given. Nothing is contacted until {@link #fetch}.
     *
     * @param timeout how long to wait for the cluster before giving up with a {@link RecoveryException}
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing or {@code group.id} is set
     * @throws RecoveryException         if no client can be made of {@code config} (no bootstrap server resolves)
     */
    public static RangeFetcher connect(Map<String, ?> config, Duration timeout) {
        return new RangeFetcher(consumerConfig(config, timeout), timeout);
    }

    static Map<String, Object> consumerConfig(Map<String, ?> given, Duration timeout) {
        Objects.requireNonNull(given, "config");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        Map<String, Object> c = new HashMap<>(given);
        if (!c.containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("bootstrap.servers is required");
        }
        if (c.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
            throw new IllegalArgumentException("group.id is not used: ranges are read with assign and seek, "
                    + "so nothing is committed to a group");
        }
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        c.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "onfailure-fetch");
        c.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        c.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        return c;
    }

    /**
     * Reads {@code ranges} and returns one result per range, in the same order.
     *
     * @throws RecoveryException if the cluster cannot be reached within the timeout, a topic or partition does not
     *                           exist, or access is denied
     */
    public List<FetchedRange> fetch(List<FetchRange> ranges) {
        return fetch(consumer, ranges, committed);
    }

    private List<FetchedRange> fetch(KafkaConsumer<byte[], byte[]> c, List<FetchRange> ranges, boolean refine) {
        if (ranges.isEmpty()) {
            return List.of();
        }
        try {
            return read(c, ranges, refine);
        } catch (KafkaException e) {
            throw failure(e);
        } catch (OutOfMemoryError e) {
            throw notKafka(config, timeout, e);
        }
    }

    /** The one line for what the client threw. */
    private RecoveryException failure(KafkaException e) {
        Optional<String> known = KafkaProblems.of(e, config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), config);
        if (known.isPresent()) {
            return new RecoveryException(known.get(), e);
        }
        if (e instanceof TimeoutException) {
            return new RecoveryException(KafkaProblems.timedOut(config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                    config, timeout), e);
        }
        if (e instanceof AuthorizationException) {
            return new RecoveryException("not authorized: " + e.getMessage()
                    + " (fetch needs Describe and Read on the topics)", e);
        }
        if (e instanceof AuthenticationException) {
            return new RecoveryException("authentication failed: " + e.getMessage(), e);
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return new RecoveryException("unknown topic or partition: " + e.getMessage(), e);
        }
        return new RecoveryException("Kafka: " + e.getMessage(), e);
    }

    /**
     * A Kafka client made by {@code make}; one that cannot be made (most often: no bootstrap server's name resolves,
     * which the client checks as it is made and words without naming them) is a {@link RecoveryException}.
     */
    static <T> T client(String kind, Object servers, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (KafkaException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            if (why.startsWith("No resolvable bootstrap urls")) {
                throw new RecoveryException("no bootstrap server in " + servers + " resolves: check the address and"
                        + " the network's DNS", e);
            }
            throw new RecoveryException("cannot make a Kafka " + kind + ": " + why, e);
        }
    }

    /**
     * A server that is not Kafka (an HTTP server, say): the client took its first bytes for the size of a response
     * ("HTTP" is 1.2 GB) and tried to allocate it at once; that one allocation failed, nothing else is held. A TLS
     * listener's alert to a plaintext client is such bytes too (350 MB): then it is said to be one.
     */
    static RecoveryException notKafka(Map<String, ?> config, Duration timeout, OutOfMemoryError e) {
        Object servers = config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return new RecoveryException(KafkaProblems.notKafka(servers, config, timeout), e);
    }

    private List<FetchedRange> read(KafkaConsumer<byte[], byte[]> c, List<FetchRange> ranges, boolean refine) {
        Map<org.apache.kafka.common.TopicPartition, Partition> partitions = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            TopicPartition tp = ranges.get(i).topicPartition();
            partitions.computeIfAbsent(new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition()),
                    k -> new Partition(k, ranges)).indices.add(i);
        }
        checkExists(c, partitions.keySet());
        Map<org.apache.kafka.common.TopicPartition, Long> starts = c.beginningOffsets(partitions.keySet(), timeout);
        Map<org.apache.kafka.common.TopicPartition, Long> ends = c.endOffsets(partitions.keySet(), timeout);
        List<List<ConsumerRecord<byte[], byte[]>>> found = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            found.add(new ArrayList<>());
        }
        c.assign(partitions.keySet());
        Set<org.apache.kafka.common.TopicPartition> active = new HashSet<>();
        for (Partition p : partitions.values()) {
            p.start(starts.get(p.tp), ends.get(p.tp));
            if (p.seekNext(c, -1)) {
                active.add(p.tp);
            }
        }
        c.pause(complement(partitions.keySet(), active));
        long lastProgress = System.nanoTime();
        while (!active.isEmpty()) {
            ConsumerRecords<byte[], byte[]> batch;
            try {
                batch = c.poll(POLL);
            } catch (OffsetOutOfRangeException e) {
                // Retention or deleteRecords moved a log start past where we were: what lies below it is deleted.
                Map<org.apache.kafka.common.TopicPartition, Long> moved = c.beginningOffsets(
                        e.partitions(), timeout);
                for (Map.Entry<org.apache.kafka.common.TopicPartition, Long> m : moved.entrySet()) {
                    Partition p = partitions.get(m.getKey());
                    p.logStart = m.getValue();
                    long target = Math.max(p.position, m.getValue());
                    c.seek(p.tp, target);
                    if (!p.seekNext(c, target)) {
                        active.remove(p.tp);
                        c.pause(List.of(p.tp));
                    }
                }
                continue;
            }
            boolean progress = !batch.isEmpty();
            for (org.apache.kafka.common.TopicPartition tp : batch.partitions()) {
                Partition p = partitions.get(tp);
                for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                    p.deliver(r, found);
                }
            }
            List<org.apache.kafka.common.TopicPartition> finished = new ArrayList<>();
            for (org.apache.kafka.common.TopicPartition tp : active) {
                Partition p = partitions.get(tp);
                long position = c.position(tp, timeout);
                if (position != p.position) {
                    progress = true;
                }
                if (!p.seekNext(c, position)) {
                    finished.add(tp);
                }
            }
            if (!finished.isEmpty()) {
                active.removeAll(finished);
                c.pause(finished);
            }
            if (progress) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                throw new RecoveryException("no records from " + active + " within " + seconds(timeout)
                        + " although their end offsets are ahead (is the leader available?)");
            }
        }
        c.unsubscribe();
        List<FetchedRange> out = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            FetchRange range = ranges.get(i);
            Partition p = partitions.get(new org.apache.kafka.common.TopicPartition(
                    range.topicPartition().topic(), range.topicPartition().partition()));
            out.add(new FetchedRange(range, found.get(i), p.logStart, p.end,
                    absences(range, found.get(i), p.logStart, p.end)));
        }
        return refine ? refine(out) : out;
    }

    /**
     * Why {@code range} cannot be read from this cluster, or empty when it can: its topic does not exist (or this
     * client may not Describe it), or has no such partition. Each topic is described once per fetcher. A caller that
     * reads many records' ranges leaves out the ranges this names, with its line, and fetches the rest; {@link #fetch}
     * refuses the whole call instead.
     *
     * <pre>{@code
     * Optional<String> why = fetcher.unreadable(range);   // "topic orders-eu does not exist on b-1:9092 (...)"
     * }</pre>
     *
     * @throws RecoveryException if the cluster cannot be reached within the timeout, or access is denied
     */
    public Optional<String> unreadable(FetchRange range) {
        TopicPartition tp = range.topicPartition();
        Set<Integer> have;
        try {
            have = described.computeIfAbsent(tp.topic(), t -> {
                List<PartitionInfo> infos = consumer.partitionsFor(t, timeout);
                Set<Integer> partitions = new HashSet<>();
                if (infos != null) {
                    infos.forEach(i -> partitions.add(i.partition()));
                }
                return partitions;
            });
        } catch (UnknownTopicOrPartitionException e) {
            have = Set.of();
            described.put(tp.topic(), have);
        } catch (KafkaException e) {
            throw failure(e);
        } catch (OutOfMemoryError e) {
            throw notKafka(config, timeout, e);
        }
        if (have.isEmpty()) {
            return Optional.of(noTopic(tp.topic()));
        }
        return have.contains(tp.partition()) ? Optional.empty() : Optional.of(noPartition(tp.topic(), tp.partition(),
                have.size()));
    }

    /** The partitions of each topic {@link #unreadable} has described; none for a topic that does not exist. */
    private final Map<String, Set<Integer>> described = new HashMap<>();

    private String noTopic(String topic) {
        return "topic " + topic + " does not exist on " + config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
                + " (or this client may not Describe it)";
    }

    private static String noPartition(String topic, int partition, int has) {
        return "topic " + topic + " has no partition " + partition + " (it has " + has + ")";
    }

    private void checkExists(KafkaConsumer<byte[], byte[]> c, Collection<org.apache.kafka.common.TopicPartition> tps) {
        Map<String, Set<Integer>> byTopic = new LinkedHashMap<>();
        for (org.apache.kafka.common.TopicPartition tp : tps) {
            byTopic.computeIfAbsent(tp.topic(), t -> new HashSet<>()).add(tp.partition());
        }
        for (Map.Entry<String, Set<Integer>> e : byTopic.entrySet()) {
            List<PartitionInfo> infos = c.partitionsFor(e.getKey(), timeout);
            if (infos == null || infos.isEmpty()) {
                throw new RecoveryException(noTopic(e.getKey()));
            }
            Set<Integer> have = new HashSet<>();
            infos.forEach(i -> have.add(i.partition()));
            for (int partition : e.getValue()) {
                if (!have.contains(partition)) {
                    throw new RecoveryException(noPartition(e.getKey(), partition, have.size()));
                }
            }
        }
    }

    /** Tells aborted records from compacted offsets and markers: read the gaps again without read_committed. */
    private List<FetchedRange> refine(List<FetchedRange> results) {
        List<FetchRange> gaps = new ArrayList<>();
        for (FetchedRange r : results) {
            for (Absence a : r.absent()) {
                if (a.reason() == Absence.Reason.COMPACTED_OR_MARKER) {
                    gaps.add(new FetchRange(r.range().requestId(), r.range().topicPartition(), a.from(), a.to(),
                            a.count(), FetchRange.Basis.SPAN));
                }
            }
        }
        if (gaps.isEmpty()) {
            return results;
        }
        if (uncommitted == null) {
            Map<String, Object> c = new HashMap<>(config);
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
            c.put(ConsumerConfig.CLIENT_ID_CONFIG, config.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-uncommitted");
            uncommitted = client("consumer", c.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                    () -> new KafkaConsumer<>(c));
        }
        Map<TopicPartition, Set<Long>> aborted = new HashMap<>();
        for (FetchedRange g : fetch(uncommitted, gaps, false)) {
            for (ConsumerRecord<byte[], byte[]> r : g.records()) {
                aborted.computeIfAbsent(g.range().topicPartition(), k -> new HashSet<>()).add(r.offset());
            }
        }
        List<FetchedRange> out = new ArrayList<>(results.size());
        for (FetchedRange r : results) {
            Set<Long> offsets = aborted.getOrDefault(r.range().topicPartition(), Set.of());
            List<Absence> absent = new ArrayList<>();
            for (Absence a : r.absent()) {
                if (a.reason() != Absence.Reason.COMPACTED_OR_MARKER || offsets.isEmpty()) {
                    absent.add(a);
                    continue;
                }
                long runStart = a.from();
                Absence.Reason runReason = null;
                for (long o = a.from(); o <= a.to(); o++) {
                    Absence.Reason reason = offsets.contains(o) ? Absence.Reason.ABORTED
                            : Absence.Reason.COMPACTED_OR_MARKER;
                    if (runReason != null && reason != runReason) {
                        absent.add(new Absence(runStart, o - 1, runReason));
                        runStart = o;
                    }
                    runReason = reason;
                }
                absent.add(new Absence(runStart, a.to(), runReason));
            }
            out.add(new FetchedRange(r.range(), r.records(), r.logStartOffset(), r.endOffset(), absent));
        }
        return out;
    }

    /** The runs of offsets of {@code range} that are not in {@code found} (sorted), each with its reason. */
    static List<Absence> absences(FetchRange range, List<ConsumerRecord<byte[], byte[]>> found, long logStart,
            long end) {
        List<Absence> out = new ArrayList<>();
        long next = range.first();
        for (ConsumerRecord<byte[], byte[]> r : found) {
            if (r.offset() > next) {
                gap(next, r.offset() - 1, logStart, end, out);
            }
            next = r.offset() + 1;
        }
        if (next <= range.last()) {
            gap(next, range.last(), logStart, end, out);
        }
        return out;
    }

    private static void gap(long from, long to, long logStart, long end, List<Absence> out) {
        long a = from;
        if (a < logStart) {
            long b = Math.min(to, logStart - 1);
            out.add(new Absence(a, b, Absence.Reason.DELETED));
            a = b + 1;
        }
        if (a <= to && a < end) {
            long b = Math.min(to, end - 1);
            out.add(new Absence(a, b, Absence.Reason.COMPACTED_OR_MARKER));
            a = b + 1;
        }
        if (a <= to) {
            out.add(new Absence(a, to, Absence.Reason.BEYOND_END));
        }
    }

    private static List<org.apache.kafka.common.TopicPartition> complement(
            Collection<org.apache.kafka.common.TopicPartition> all, Set<org.apache.kafka.common.TopicPartition> some) {
        List<org.apache.kafka.common.TopicPartition> out = new ArrayList<>();
        for (org.apache.kafka.common.TopicPartition tp : all) {
            if (!some.contains(tp)) {
                out.add(tp);
            }
        }
        return out;
    }

    static String seconds(Duration d) {
        // as the kafka:// source says it ("within 3 s")
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        if (uncommitted != null) {
            uncommitted.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** One partition's ranges, sorted by first offset, and how far reading has come. */
    private static final class Partition {

        final org.apache.kafka.common.TopicPartition tp;
        final List<FetchRange> all;
        final List<Integer> indices = new ArrayList<>();
        long logStart;
        long end;
        /** Reading stops here: the end offset taken at start, or past the last range. */
        long stop;
        long position = -1;
        /** The first range (in {@link #indices}, sorted) not yet read past. */
        int lo;

        Partition(org.apache.kafka.common.TopicPartition tp, List<FetchRange> all) {
            this.tp = tp;
            this.all = all;
        }

        void start(long logStart, long end) {
            this.logStart = logStart;
            this.end = end;
            indices.sort((a, b) -> Long.compare(all.get(a).first(), all.get(b).first()));
            long maxLast = 0;
            for (int i : indices) {
                maxLast = Math.max(maxLast, all.get(i).last());
            }
            // maxLast + 1 would overflow for a range that ends at Long.MAX_VALUE (the largest offset a record may name)
            this.stop = maxLast >= end ? end : maxLast + 1;
        }

        void deliver(ConsumerRecord<byte[], byte[]> r, List<List<ConsumerRecord<byte[], byte[]>>> found) {
            long o = r.offset();
            if (o >= stop) {
                return;
            }
            for (int k = lo; k < indices.size(); k++) {
                FetchRange range = all.get(indices.get(k));
                if (range.first() > o) {
                    break;
                }
                if (o <= range.last()) {
                    found.get(indices.get(k)).add(r);
                }
            }
        }

        /**
         * Moves past the ranges read up to {@code at} (the consumer's position; -1 before the first seek) and seeks
         * to the next range when it starts further on. Returns false when the partition is done.
         */
        boolean seekNext(KafkaConsumer<byte[], byte[]> c, long at) {
            long pos = at;
            while (lo < indices.size() && all.get(indices.get(lo)).last() < pos) {
                lo++;
            }
            if (lo == indices.size() || Math.max(pos, 0) >= stop) {
                position = pos;
                return false;
            }
            long first = Math.max(all.get(indices.get(lo)).first(), logStart);
            if (first > pos) {
                if (first >= stop) {
                    position = first;
                    return false;
                }
                c.seek(tp, first);
                pos = first;
            }
            position = pos;
            return true;
        }
    }
}
