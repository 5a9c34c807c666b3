package dev.onfailure.redrive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Republishes original records to a topic, each exactly once across reruns: same key, value and headers, plus
 * provenance headers {@value #ORIGINAL_TOPIC}, {@value #ORIGINAL_PARTITION}, {@value #ORIGINAL_OFFSET} and
 * {@value #REQUEST_ID}; an idempotent producer with {@code acks=all}.
 *
 * <pre>{@code
 * Redriver redriver = Redriver.builder()
 *         .config(Map.of("bootstrap.servers", "localhost:9092"))
 *         .target(Target.topic("orders-replay"))
 *         .checkpoint(Path.of("orders.checkpoint"))
 *         .build();
 * RedriveReport report = redriver.redrive(records);   // run it again after any stop: nothing is sent twice
 * }</pre>
 *
 * <p><b>Exactly once across reruns.</b> The checkpoint records the original records the broker acknowledged. The
 * window between an acknowledgement and its checkpoint line (a crash, a kill) is closed by a write-ahead intent:
 * before its first send a run writes the target partitions' end offsets and forces them to disk; a rerun that finds
 * an intent without {@code done} reads the target from those offsets to its end and counts every record carrying
 * our provenance headers as sent. See ARCHITECTURE.md for why this and not a transactional producer.
 */
public final class Redriver {

    /** Provenance header: the original record's topic (UTF-8). */
    public static final String ORIGINAL_TOPIC = "onfailure.original.topic";
    /** Provenance header: the original record's partition (decimal text). */
    public static final String ORIGINAL_PARTITION = "onfailure.original.partition";
    /** Provenance header: the original record's offset (decimal text). */
    public static final String ORIGINAL_OFFSET = "onfailure.original.offset";
    /** Provenance header: the failure record's {@code requestContext.requestId} (UTF-8). */
    public static final String REQUEST_ID = "onfailure.original.request-id";

    /** The producer's {@code batch.size} unless the settings give one. */
    static final int BATCH_BYTES = 256 * 1024;

    private final Map<String, Object> config;
    private final Target target;
    private final boolean keepTimestamp;
    private final Optional<Path> checkpoint;
    private final Duration timeout;
    private final Optional<Instant> reconcileSince;
    private final Function<Map<String, Object>, Producer<byte[], byte[]>> producers;

    private Redriver(Builder b) {
        this.config = Map.copyOf(b.config);
        this.target = Objects.requireNonNull(b.target, "target");
        this.keepTimestamp = b.keepTimestamp;
        this.checkpoint = Optional.ofNullable(b.checkpoint);
        this.timeout = b.timeout;
        this.reconcileSince = Optional.ofNullable(b.reconcileSince);
        this.producers = b.producers;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** One outgoing record: where it goes, and the record as it will be sent. */
    public record Outgoing(RedriveRecord original, ProducerRecord<byte[], byte[]> record) {
    }

    /**
     * Returns what {@code records} become, without contacting anything (for {@code --dry-run}): distinct records in
     * input order, each with its provenance headers and destination.
     *
     * @throws IllegalArgumentException if a record would go to the topic it came from and the target is not
     *                                  {@link Target#source()}
     */
    public List<Outgoing> plan(List<RedriveRecord> records) {
        Map<String, RedriveRecord> distinct = distinct(records);
        List<Outgoing> out = new ArrayList<>(distinct.size());
        for (RedriveRecord r : distinct.values()) {
            out.add(new Outgoing(r, outgoing(r)));
        }
        return out;
    }

    /** The distinct records in input order, by identity (made once per record, then reused). */
    private static Map<String, RedriveRecord> distinct(List<RedriveRecord> records) {
        Map<String, RedriveRecord> distinct = new LinkedHashMap<>(Math.max(16, records.size() * 4 / 3 + 1));
        for (RedriveRecord r : records) {
            distinct.putIfAbsent(r.identity(), r);
        }
        return distinct;
    }

    private ProducerRecord<byte[], byte[]> outgoing(RedriveRecord r) {
        ConsumerRecord<byte[], byte[]> c = r.record();
        String topic;
        Integer partition;
        if (target.isSource()) {
            topic = c.topic();
            partition = c.partition();
        } else {
            topic = target.topicName().orElseThrow();
            if (topic.equals(c.topic())) {
                throw new IllegalArgumentException("record " + c.topic() + "-" + c.partition() + "@" + c.offset()
                        + " came from " + topic + ": redriving to its own topic needs --to-source");
            }
            partition = null;
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : c.headers()) {
            headers.add(h.key(), h.value());
        }
        headers.add(ORIGINAL_TOPIC, c.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGINAL_PARTITION, Integer.toString(c.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGINAL_OFFSET, Long.toString(c.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(REQUEST_ID, r.requestId().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, partition, keepTimestamp ? c.timestamp() : null, c.key(), c.value(),
                headers);
    }

    /** Returns the checkpoint this redriver uses for {@code records}: the one given, or the default place. */
    public Path checkpointFor(List<RedriveRecord> records) {
        return checkpoint.orElseGet(() -> Checkpoint.defaultPath(target, records));
    }

    /**
     * Returns the default checkpoint of a redrive to {@code target} of the records read from {@code places} (queue,
     * bucket or topic locations, say), to give to {@link Builder#checkpoint}: the same places and target give the
     * same file on every run, whatever records the places hold then, so a record the broker acknowledged once is not
     * sent again by a later run over a queue that has gained messages since.
     *
     * <pre>{@code
     * Path cp = Redriver.defaultCheckpoint(Target.topic("orders-replay"), List.of("sqs://orders-dlq"));
     * }</pre>
     */
    public static Path defaultCheckpoint(Target target, java.util.Collection<String> places) {
        return Checkpoint.defaultPathOfPlaces(Objects.requireNonNull(target, "target"), List.copyOf(places));
    }

    /**
     * Sends every record of {@code records} the checkpoint does not show as sent, and records each acknowledgement.
     *
     * @throws IllegalArgumentException if a record would go to its own topic without {@link Target#source()}
     * @throws RecoveryException        if the cluster cannot be reached, a topic does not exist, access is denied,
     *                                  or a send fails; what was acknowledged is in the checkpoint, so a rerun
     *                                  continues where this one stopped
     */
    public RedriveReport redrive(List<RedriveRecord> records) {
        Map<String, RedriveRecord> distinct = distinct(records);
        // checked before anything is opened: a record that would go to its own topic stops the redrive here
        List<ProducerRecord<byte[], byte[]>> outgoing = new ArrayList<>(distinct.size());
        for (RedriveRecord r : distinct.values()) {
            outgoing.add(outgoing(r));
        }
        long duplicates = records.size() - distinct.size();
        Path path = checkpointFor(records);
        try (Checkpoint cp = Checkpoint.open(path, target)) {
            try {
                return redrive(cp, path, distinct, outgoing, duplicates);
            } catch (RuntimeException e) {
                cp.discardIfUnused();          // a run that failed before recording anything leaves no file behind
                throw e;
            }
        }
    }

    private RedriveReport redrive(Checkpoint cp, Path path, Map<String, RedriveRecord> distinct,
            List<ProducerRecord<byte[], byte[]>> outgoing, long duplicates) {
        Set<String> sent = new java.util.HashSet<>(cp.sent);
        long reconciled = 0;
        Set<String> wanted = distinct.keySet();
        Map<TopicPartition, Long> lookFrom = new LinkedHashMap<>(cp.unfinishedIntent);
        if (reconcileSince.isPresent() && !sent.containsAll(wanted)) {
            Set<String> topics = new LinkedHashSet<>();
            outgoing.forEach(o -> topics.add(o.topic()));
            offsetsAt(topics, reconcileSince.get()).forEach((tp, offset) -> lookFrom.merge(tp, offset, Math::min));
        }
        if (!lookFrom.isEmpty()) {
            for (String id : reconcile(lookFrom, wanted)) {
                if (sent.add(id)) {
                    cp.sent(id);
                    reconciled++;
                }
            }
            cp.sync();
        }
        List<String> todoIds = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> todo = new ArrayList<>();
        long already = 0;
        int i = 0;
        for (String id : distinct.keySet()) {
            ProducerRecord<byte[], byte[]> o = outgoing.get(i++);
            if (sent.contains(id)) {
                already++;
            } else {
                todoIds.add(id);
                todo.add(o);
            }
        }
        if (todo.isEmpty()) {
            cp.done();
            return new RedriveReport(distinct.size(), duplicates, already, reconciled, 0, path);
        }
        Set<String> topics = new LinkedHashSet<>();
        todo.forEach(o -> topics.add(o.topic()));
        cp.intent(endOffsets(topics));
        long acked = send(todoIds, todo, cp);
        cp.done();
        return new RedriveReport(distinct.size(), duplicates, already, reconciled, acked, path);
    }

    private long send(List<String> ids, List<ProducerRecord<byte[], byte[]>> todo, Checkpoint cp) {
        Map<String, Object> c = new HashMap<>(config);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "onfailure-redrive");
        c.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        c.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        c.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A redrive is a bulk send: batches of 256 KiB (the default is 16 KiB) take a tenth of the produce requests,
        // which is most of what the broker and the network thread spend per record (bench/README.md).
        c.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_BYTES));
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        c.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(2 * timeout.toMillis()
                + Long.parseLong(String.valueOf(c.get(ProducerConfig.LINGER_MS_CONFIG)))));
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Producer<byte[], byte[]> producer;
        producer = RangeFetcher.client("producer", c.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                () -> producers.apply(c));
        RuntimeException thrown = null;
        try {
            for (int i = 0; i < todo.size(); i++) {
                if (failure.get() != null) {
                    break;
                }
                String id = ids.get(i);
                producer.send(todo.get(i), (metadata, e) -> {
                    if (e == null) {
                        cp.sent(id);
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        } catch (RuntimeException e) {
            thrown = e;
        } finally {
            // Closing waits for what is in flight, so its acknowledgements reach the checkpoint too.
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                if (thrown == null) {
                    thrown = e;
                }
            }
            cp.sync();
        }
        Exception cause = thrown != null ? thrown : failure.get();
        if (cause != null) {
            throw new RecoveryException("redrive stopped after " + acked.get() + " of " + todo.size()
                    + " records were acknowledged (" + describe(cause) + "); the checkpoint " + cp.path()
                    + " keeps them: run the same command again to send the rest", cause);
        }
        return acked.get();
    }

    private String describe(Exception e) {
        if (e instanceof TimeoutException) {
            return "bootstrap server " + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + " did not answer within " + RangeFetcher.seconds(timeout);
        }
        if (e instanceof AuthorizationException) {
            return "not authorized: " + e.getMessage() + "; redrive needs Write on the target topic";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> c = new HashMap<>(config);
        c.keySet().removeIf(k -> !ConsumerConfig.configNames().contains(k) || k.equals(ConsumerConfig.GROUP_ID_CONFIG));
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Our records are not transactional; read_committed would stop at another producer's open transaction.
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "onfailure-redrive-reconcile");
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        return RangeFetcher.client("consumer", c.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                () -> new KafkaConsumer<>(c));
    }

    /** The target partitions' end offsets now, for the intent. */
    private Map<TopicPartition, Long> endOffsets(Set<String> topics) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> tps = partitions(c, topics);
            return new LinkedHashMap<>(c.endOffsets(tps, timeout));
        } catch (KafkaException e) {
            throw translate(e);
        } catch (OutOfMemoryError e) {
            throw RangeFetcher.notKafka(config, timeout, e);
        }
    }

    /** Every partition of {@code topics}, which must exist. */
    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, Set<String> topics) {
        List<TopicPartition> tps = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = c.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new RecoveryException("target topic " + topic + " does not exist on "
                        + config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
                        + " (create it first; redrive does not create topics)");
            }
            infos.forEach(i -> tps.add(new TopicPartition(topic, i.partition())));
        }
        return tps;
    }

    /**
     * Per partition of {@code topics}, the first offset whose timestamp is at or after {@code since}, or the end offset
     * when there is none.
     */
    private Map<TopicPartition, Long> offsetsAt(Set<String> topics, Instant since) {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            List<TopicPartition> tps = partitions(c, topics);
            Map<TopicPartition, Long> query = new LinkedHashMap<>();
            tps.forEach(tp -> query.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = c.offsetsForTimes(query, timeout);
            Map<TopicPartition, Long> ends = c.endOffsets(tps, timeout);
            Map<TopicPartition, Long> out = new LinkedHashMap<>();
            for (TopicPartition tp : tps) {
                OffsetAndTimestamp at = found.get(tp);
                out.put(tp, at == null ? ends.get(tp) : at.offset());
            }
            return out;
        } catch (KafkaException e) {
            throw translate(e);
        } catch (OutOfMemoryError e) {
            throw RangeFetcher.notKafka(config, timeout, e);
        }
    }

    /**
     * Reads the target from the unfinished run's intent offsets to its end and returns the identities of the
     * records there that carry our provenance headers and that this redrive wants.
     */
    private Set<String> reconcile(Map<TopicPartition, Long> from, Set<String> wanted) {
        Set<String> found = new java.util.HashSet<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            c.assign(from.keySet());
            Map<TopicPartition, Long> ends = c.endOffsets(from.keySet(), timeout);
            Map<TopicPartition, Long> starts = c.beginningOffsets(from.keySet(), timeout);
            List<TopicPartition> active = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> e : from.entrySet()) {
                long start = Math.max(e.getValue(), starts.get(e.getKey()));
                if (start < ends.get(e.getKey())) {
                    c.seek(e.getKey(), start);
                    active.add(e.getKey());
                }
            }
            c.pause(from.keySet().stream().filter(tp -> !active.contains(tp)).toList());
            long lastProgress = System.nanoTime();
            while (!active.isEmpty()) {
                var batch = c.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
                    throw new RecoveryException("no records from " + active + " within " + RangeFetcher.seconds(timeout)
                            + " while reconciling the checkpoint with the target");
                }
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    provenance(r).filter(wanted::contains).ifPresent(found::add);
                }
                List<TopicPartition> finished = new ArrayList<>();
                for (TopicPartition tp : active) {
                    if (c.position(tp, timeout) >= ends.get(tp)) {
                        finished.add(tp);
                    }
                }
                active.removeAll(finished);
                c.pause(finished);
            }
        } catch (KafkaException e) {
            throw translate(e);
        } catch (OutOfMemoryError e) {
            throw RangeFetcher.notKafka(config, timeout, e);
        }
        return found;
    }

    /**
     * Returns which original record a redriven record is, {@code "<topic> <partition> <offset>"}, from its
     * provenance headers (the last of each name); empty for a record without them.
     */
    public static Optional<String> provenance(ConsumerRecord<byte[], byte[]> r) {
        Header topic = r.headers().lastHeader(ORIGINAL_TOPIC);
        Header partition = r.headers().lastHeader(ORIGINAL_PARTITION);
        Header offset = r.headers().lastHeader(ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null || topic.value() == null
                || partition.value() == null || offset.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(topic.value(), StandardCharsets.UTF_8) + " "
                + new String(partition.value(), StandardCharsets.UTF_8) + " "
                + new String(offset.value(), StandardCharsets.UTF_8));
    }

    private RuntimeException translate(KafkaException e) {
        java.util.Optional<String> known = KafkaProblems.of(e, config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                config);
        if (known.isPresent()) {
            return new RecoveryException(known.get(), e);
        }
        if (e instanceof TimeoutException) {
            return new RecoveryException(KafkaProblems.timedOut(config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                    config, timeout), e);
        }
        if (e instanceof AuthorizationException) {
            return new RecoveryException("not authorized: " + e.getMessage()
                    + " (redrive needs Describe and Read on the target to check it, Write to send)", e);
        }
        return new RecoveryException("Kafka: " + e.getMessage(), e);
    }

    /** Builds a {@link Redriver}. */
    public static final class Builder {

        private final Map<String, Object> config = new HashMap<>();
        private Target target;
        private boolean keepTimestamp;
        private Path checkpoint;
        private Duration timeout = Duration.ofSeconds(30);
        private Instant reconcileSince;
        private Function<Map<String, Object>, Producer<byte[], byte[]>> producers = KafkaProducer::new;

        private Builder() {
        }

        /**
         * Adds client settings: {@code bootstrap.servers} (required) and any security settings. Serializers,
         * idempotence and {@code acks=all} are set by the redriver.
         */
        public Builder config(Map<String, ?> settings) {
            config.putAll(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /** Sets where records go. */
        public Builder target(Target target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** Keeps each record's original timestamp (default: the producer's time of sending). */
        public Builder keepTimestamp(boolean keep) {
            this.keepTimestamp = keep;
            return this;
        }

        /** Sets the checkpoint file; by default one under the user's state directory, see {@link #checkpointFor}. */
        public Builder checkpoint(Path path) {
            this.checkpoint = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Also finds, before sending, the records an earlier run sent that the checkpoint does not know of: each target
         * partition is read from its first record stamped at or after {@code since} to its end, and every record whose
         * provenance headers name one to send counts as sent. For a runner whose checkpoint may be gone on a rerun, such
         * as a Lambda function (its {@code /tmp} belongs to one execution environment, and a retry may land in another):
         * give a time no later than any earlier attempt could have sent, such as the failure record's
         * {@code timestamp} less a margin for clock skew. It relies on the target's timestamps being the time of
         * sending, so it cannot be combined with {@link #keepTimestamp} (on a target with {@code LogAppendTime} the
         * broker stamps records anyway). It costs reading the target from {@code since}: keep {@code since} recent.
         *
         * <pre>{@code
         * Redriver.builder().config(kafka).target(Target.topic("orders-retry"))
         *         .reconcileSince(failureTime.minus(Duration.ofMinutes(5)))
         *         .build();
         * }</pre>
         */
        public Builder reconcileSince(Instant since) {
            this.reconcileSince = Objects.requireNonNull(since, "since");
            return this;
        }

        /** Sets how long to wait for the cluster (default 30 s). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Sets how the producer is made from its settings; tests use it to inject faults. */
        Builder producers(Function<Map<String, Object>, Producer<byte[], byte[]>> producers) {
            this.producers = producers;
            return this;
        }

        /**
         * Returns the redriver.
         *
         * @throws IllegalArgumentException if {@code bootstrap.servers} or the target is missing, or both
         *                                  {@link #keepTimestamp} and {@link #reconcileSince} are set
         */
        public Redriver build() {
            if (!config.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalArgumentException("bootstrap.servers is required");
            }
            if (target == null) {
                throw new IllegalArgumentException("a target is required");
            }
            if (keepTimestamp && reconcileSince != null) {
                throw new IllegalArgumentException("reconcileSince finds earlier sends by their time of sending, which "
                        + "keepTimestamp replaces with the original records' (older) timestamps: use one or the other");
            }
            return new Redriver(this);
        }
    }
}
