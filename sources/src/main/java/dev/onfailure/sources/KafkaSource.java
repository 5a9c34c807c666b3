package dev.onfailure.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The messages of a Kafka topic from the earliest offset (or {@code fromOffset}, {@code fromTime}) up to the end
 * offsets taken when reading starts, partition by partition in offset order. The consumer is assigned the partitions
 * and seeks; it never joins a consumer group and never commits, so reading leaves no trace on the cluster.
 */
final class KafkaSource implements Source {

    private final Location.Kafka location;
    private final SourceOptions options;
    private final Properties properties;
    private final String servers;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handed = new AtomicLong();
    private KafkaConsumer<byte[], byte[]> consumer;
    private boolean started;

    KafkaSource(Location.Kafka location, SourceOptions options) {
        this.location = location;
        this.options = options;
        this.properties = properties(location, options);
        this.servers = properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    /** The client properties: the file's, then ours, which no file may override. */
    static Properties properties(Location.Kafka location, SourceOptions options) {
        Properties p = new Properties();
        if (options.kafkaConfig().isPresent()) {
            try (Reader r = Files.newBufferedReader(options.kafkaConfig().get(), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | RuntimeException e) {
                throw new SourceException(location.uri(), "cannot read the Kafka client properties "
                        + options.kafkaConfig().get() + ": " + e.getMessage(), e);
            }
        }
        options.bootstrapServer().ifPresent(s -> p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s));
        if (p.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "").isBlank()) {
            throw new SourceException(location.uri(), "no bootstrap server: give --bootstrap-server host:port (or"
                    + " bootstrap.servers in the --kafka-config file)");
        }
        // never a member of a group, never a commit, never a topic created by asking about it
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.setProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "onfailure");
        p.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long timeout = options.timeout().toMillis();
        p.setProperty(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout));
        p.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout, 30_000)));
        p.putIfAbsent(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Long.toString(Math.min(timeout,
                10_000)));
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return p;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Counts counts() {
        return new Counts(received.get(), handed.get());
    }

    @Override
    public void delete(Document document) {
        throw new UnsupportedOperationException("Kafka messages are never deleted by onfailure");
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(1)));
        }
    }

    @Override
    public Iterator<Document> documents() {
        if (started) {
            throw new IllegalStateException("documents() is read once");
        }
        started = true;
        return new Partitions();
    }

    private SourceException failure(KafkaException e) {
        String at = "bootstrap server " + servers;
        if (e instanceof TimeoutException) {
            return new SourceException(location.uri(), at + " did not answer within "
                    + Aws.seconds(options.timeout()), e);
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return new SourceException(location.uri(), "no such topic " + location.topic() + " (at " + at + ")", e);
        }
        if (e instanceof AuthorizationException) {
            return new SourceException(location.uri(), "not authorized (" + e.getMessage() + "): the principal needs"
                    + " the Describe and Read ACLs on topic " + location.topic(), e);
        }
        if (e instanceof AuthenticationException) {
            return new SourceException(location.uri(), "authentication failed at " + at + ": " + e.getMessage(), e);
        }
        return new SourceException(location.uri(), e.getClass().getSimpleName() + " from " + at + ": "
                + e.getMessage(), e);
    }

    /** One partition to read: from where, up to where (exclusive). */
    private record Range(TopicPartition partition, long start, long end) {
    }

    private final class Partitions implements Iterator<Document> {
        private ArrayDeque<Range> ranges;
        private Range current;
        private final ArrayDeque<Document> buffer = new ArrayDeque<>();

        private void start() {
            try {
                consumer = new KafkaConsumer<>(properties);
            } catch (KafkaException e) {
                throw new SourceException(location.uri(), "cannot make a Kafka client: " + Aws.root(e).getMessage(),
                        e);
            }
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(location.topic(), options.timeout());
                if (infos == null || infos.isEmpty()) {
                    throw new SourceException(location.uri(), "no such topic " + location.topic()
                            + " (at bootstrap server " + servers + ")");
                }
                List<TopicPartition> partitions = new ArrayList<>();
                for (PartitionInfo i : infos) {
                    partitions.add(new TopicPartition(i.topic(), i.partition()));
                }
                partitions.sort(Comparator.comparingInt(TopicPartition::partition));
                consumer.assign(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, options.timeout());
                Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, options.timeout());
                Map<TopicPartition, Long> starts = new HashMap<>(begins);
                if (options.fromOffset().isPresent()) {
                    for (TopicPartition tp : partitions) {
                        starts.put(tp, Math.min(ends.get(tp), Math.max(begins.get(tp),
                                options.fromOffset().getAsLong())));
                    }
                } else if (options.fromTime().isPresent()) {
                    Map<TopicPartition, Long> query = new HashMap<>();
                    partitions.forEach(tp -> query.put(tp, options.fromTime().get().toEpochMilli()));
                    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query,
                            options.timeout());
                    for (TopicPartition tp : partitions) {
                        OffsetAndTimestamp at = found.get(tp);
                        starts.put(tp, at == null ? ends.get(tp) : at.offset());
                    }
                }
                ranges = new ArrayDeque<>();
                for (TopicPartition tp : partitions) {
                    if (starts.get(tp) < ends.get(tp)) {
                        ranges.add(new Range(tp, starts.get(tp), ends.get(tp)));
                    }
                }
                consumer.pause(partitions);
            } catch (KafkaException e) {
                throw failure(e);
            }
        }

        @Override
        public boolean hasNext() {
            if (ranges == null) {
                start();
            }
            while (buffer.isEmpty() && (current != null || !ranges.isEmpty())) {
                if (current == null) {
                    current = ranges.poll();
                    consumer.seek(current.partition(), current.start());
                    consumer.resume(List.of(current.partition()));
                }
                poll();
            }
            return !buffer.isEmpty();
        }

        private void poll() {
            long deadline = System.nanoTime() + options.timeout().toNanos();
            try {
                while (buffer.isEmpty()) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(
                            Math.min(500, options.timeout().toMillis())));
                    for (ConsumerRecord<byte[], byte[]> r : records.records(current.partition())) {
                        if (r.offset() >= current.end()) {
                            break;
                        }
                        received.incrementAndGet();
                        buffer.add(document(r));
                    }
                    if (consumer.position(current.partition(), options.timeout()) >= current.end()) {
                        consumer.pause(List.of(current.partition()));
                        current = null;
                        return;
                    }
                    if (!buffer.isEmpty()) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new SourceException(location.uri(), "bootstrap server " + servers + " gave no message"
                                + " from partition " + current.partition().partition() + " within "
                                + Aws.seconds(options.timeout()) + " (position "
                                + consumer.position(current.partition()) + ", end " + current.end() + ")");
                    }
                }
            } catch (KafkaException e) {
                throw failure(e);
            }
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            handed.incrementAndGet();
            return buffer.poll();
        }
    }

    private Document document(ConsumerRecord<byte[], byte[]> r) {
        List<Origin.Header> headers = new ArrayList<>();
        r.headers().forEach(h -> headers.add(new Origin.Header(h.key(),
                Optional.ofNullable(h.value()).map(Origin.Bytes::of))));
        Origin.KafkaMessage origin = new Origin.KafkaMessage(r.topic(), r.partition(), r.offset(),
                Instant.ofEpochMilli(r.timestamp()), Optional.ofNullable(r.key()).map(Origin.Bytes::of), headers);
        byte[] value = r.value();
        if (value == null) {
            return Document.unreadable(origin, "the message has no value (a tombstone)");
        }
        if (value.length > options.maxDocumentBytes() + 1) {
            value = java.util.Arrays.copyOf(value, (int) (options.maxDocumentBytes() + 1));
        }
        return Document.of(value, origin);
    }
}
