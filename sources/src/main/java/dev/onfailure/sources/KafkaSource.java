package dev.onfailure.sources;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
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
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The messages of a Kafka topic from the earliest offset (or {@code fromOffset}, {@code fromTime}) up to the end
 * offsets taken when reading starts, partition by partition in offset order. The consumer is assigned the partitions
 * and seeks; it never joins a consumer group and never commits, so reading leaves no trace on the cluster. Once the
 * offsets are taken, a thread of its own polls ahead of the documents handed out (at most
 * {@link #READ_AHEAD_BYTES}).
 */
final class KafkaSource implements Source {

    /** The end of the messages, in {@link #ahead}. */
    private static final Object END = new Object();

    /**
     * How many bytes of messages may wait to be handed out: a few fetches' worth (a fetch is at most a megabyte per
     * partition by default), enough to keep reading while the validation catches up, small beside the command's own
     * bytes in flight.
     */
    private static final long READ_AHEAD_BYTES = 8L << 20;

    /** What a message counts against {@link #READ_AHEAD_BYTES} beyond its value: its document, origin and offsets. */
    private static final long MESSAGE_OVERHEAD = 256;

    /**
     * How long closing the consumer may wait. Closing sends the broker a fetch that ends the consumer's fetch session,
     * which the broker ends as it receives it but answers only after {@code fetch.max.wait.ms} (500 ms by default,
     * for want of data: KAFKA-19884), so a close that waits for the answer adds half a second to every run for nothing.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(100);

    /** How long {@link #close()} waits for the reading thread to stop and close its consumer. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Location.Kafka location;
    private final SourceOptions options;
    private final Properties properties;
    private final String servers;
    /**
     * Messages received, counted a poll at a time by the reading thread, and documents handed out, set by the thread
     * that iterates ({@link Partitions#next()}): each has one writer, so neither is a locked increment per message,
     * and the two counters (likely on one cache line) are not written per message from two cores.
     */
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handed = new AtomicLong();
    /** Chunks read ahead, then {@link #END} or the {@link SourceException} that stopped the reading. */
    private final ArrayDeque<Object> ahead = new ArrayDeque<>();
    /** The bytes of the chunks in {@link #ahead}; guarded by it. */
    private long aheadBytes;
    private KafkaConsumer<byte[], byte[]> consumer;
    private boolean started;
    private volatile Thread reader;
    /** True while the reading thread polls; a wakeup then ends its poll (later, it would cut its close short). */
    private volatile boolean reading;
    private volatile boolean closed;

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
            Path file = options.kafkaConfig().get();
            String cannot = "cannot read the Kafka client properties " + file + ": ";
            if (!Files.exists(file)) {
                throw new SourceException(location.uri(), cannot + "no such file");
            }
            if (!Files.isRegularFile(file)) {
                throw new SourceException(location.uri(), cannot + "not a regular file");
            }
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (AccessDeniedException e) {
                throw new SourceException(location.uri(), cannot + "permission denied", e);
            } catch (IOException | RuntimeException e) {
                throw new SourceException(location.uri(), cannot + e.getMessage(), e);
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
        closed = true;
        Thread r = reader;
        if (r == null) {
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            }
            return;
        }
        // the consumer belongs to the reading thread: wake it from its poll and let it close the consumer
        if (reading) {
            consumer.wakeup();
        }
        synchronized (ahead) {
            ahead.notifyAll();
        }
        try {
            r.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
                    + Aws.seconds(options.timeout()) + tlsHint(), e);
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return new SourceException(location.uri(), "no such topic " + location.topic() + " (at " + at + ")", e);
        }
        if (e instanceof AuthorizationException) {
            return new SourceException(location.uri(), "not authorized (" + e.getMessage() + "): the principal needs"
                    + " the Describe and Read ACLs on topic " + location.topic(), e);
        }
        if (e instanceof UnsupportedVersionException && String.valueOf(e.getMessage()).contains("support METADATA")) {
            // a KRaft controller answers ApiVersions with the controller's APIs only
            return new SourceException(location.uri(), (servers.contains(",") ? "a bootstrap server in " + servers
                    : at) + " is a controller listener, not a broker's: give a broker listener in"
                    + " --bootstrap-server", e);
        }
        if (e instanceof SslAuthenticationException) {
            String file = properties.getProperty("ssl.truststore.location");
            String store = file != null ? file : properties.getProperty("ssl.truststore.certificates") != null
                    ? "ssl.truststore.certificates" : null;
            Optional<String> refused = Aws.refused(e, store == null ? "the JDK's trust store"
                    : file != null ? "ssl.truststore.location " + file : store);
            if (refused.isPresent()) {
                String why = refused.get();
                return new SourceException(location.uri(), "the certificate of " + at + " is not trusted (" + why
                        + ")" + (!why.startsWith(Aws.SIGNED_BY_NONE) ? ""
                        : store == null ? ": set ssl.truststore.location (ssl.truststore.type=PEM for a PEM file)"
                                + " in the --kafka-config file to the certificate that signed it"
                        : ": put the certificate that signed it in " + store), e);
            }
        }
        if (e instanceof SslAuthenticationException) {
            Optional<String> alert = Aws.certificateAlert(e);
            if (alert.isPresent()) {
                return new SourceException(location.uri(), clientCertificate().map(where -> at + " refused the client"
                        + " certificate in " + where + " (TLS alert: " + alert.get() + ")")
                        .orElse(at + " wants a client certificate (mutual TLS) and was given none" + KEY_STORE_REMEDY),
                        e);
            }
            return new SourceException(location.uri(), "TLS with " + at + " failed: " + Aws.tlsWhy(e), e);
        }
        if (e instanceof AuthenticationException) {
            return new SourceException(location.uri(), "authentication failed at " + at + ": " + e.getMessage(), e);
        }
        return new SourceException(location.uri(), e.getClass().getSimpleName() + " from " + at + ": "
                + e.getMessage(), e);
    }

    /**
     * Why a client may get no answer: its security protocol is not the listener's. A plaintext client's request is not
     * a TLS handshake, so a TLS listener drops the connection (after an alert that the client reads as the size of a
     * response of hundreds of megabytes) and the client tries again until the timeout; a TLS client's handshake is
     * not a request, so a plaintext listener drops it (its first bytes read as a request too large to take). One TLS
     * handshake with the first bootstrap server tells either way; it sends nothing else, so it trusts any
     * certificate.
     */
    private String tlsHint() {
        String protocol = properties.getProperty("security.protocol", "PLAINTEXT").toUpperCase(java.util.Locale.ROOT);
        String first = servers == null ? "" : servers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon < 1) {
            return "";
        }
        String host = first.substring(0, colon).replace("[", "").replace("]", "");
        int timeout = (int) hintBudget().toMillis();
        long deadline = System.nanoTime() + hintBudget().toNanos();
        boolean tlsClient = protocol.endsWith("SSL");
        try {
            int port = Integer.parseInt(first.substring(colon + 1));
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            NoClientCertificate asked = new NoClientCertificate();
            tls.init(new javax.net.ssl.KeyManager[] {asked}, new javax.net.ssl.TrustManager[] {new AnyCertificate()},
                    null);
            try (java.net.Socket raw = new java.net.Socket()) {
                raw.connect(new java.net.InetSocketAddress(host, port), timeout);
                raw.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket(raw,
                        host, port, false)) {
                    s.startHandshake();
                    if (tlsClient && asked.asked && clientCertificate().isEmpty()) {
                        // it asked for a client certificate and the client has none: refused, though its alert may
                        // not have reached the client (TLS 1.3 judges the certificate after the client's handshake,
                        // and may cut the connection under the client's first request)
                        return "; it wants a client certificate (mutual TLS)" + KEY_STORE_REMEDY;
                    }
                    return tlsClient ? "" // both speak TLS: the cause is elsewhere
                            : "; it speaks TLS: set security.protocol=SSL (or SASL_SSL) in the --kafka-config file";
                } catch (IOException e) {
                    // connected, and no TLS handshake came back
                    return tlsClient ? "; it does not answer a TLS handshake: if its listener is plaintext, set"
                            + " security.protocol=PLAINTEXT (or SASL_PLAINTEXT) in the --kafka-config file" : "";
                }
            }
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return ""; // not reachable: nothing to add
        }
    }

    /**
     * What {@link #tlsHint()} may take, connection and handshake together, out of {@code --timeout}: a quarter of it,
     * at most half a second (a listener answers a handshake within milliseconds), so that a broker that takes the
     * connection and never answers ends the run at {@code --timeout}, not seconds after it.
     */
    private Duration hintBudget() {
        return Duration.ofMillis(Math.max(1, Math.min(500, options.timeout().toMillis() / 4)));
    }

    /** What to do for a listener that wants a client certificate, after the words that say so. */
    private static final String KEY_STORE_REMEDY = ": set ssl.keystore.location (and ssl.keystore.password) in the"
            + " --kafka-config file to the client's key and certificate";

    /** Where the client's certificate comes from in its properties, if it has one. */
    private Optional<String> clientCertificate() {
        String keys = properties.getProperty("ssl.keystore.location");
        return keys != null ? Optional.of("ssl.keystore.location " + keys)
                : properties.getProperty("ssl.keystore.certificate.chain") != null
                        ? Optional.of("ssl.keystore.certificate.chain") : Optional.empty();
    }

    /**
     * For {@link #tlsHint()}'s handshake only: gives no certificate, and notes whether the listener asked for one
     * (the JDK asks a key manager for a client alias only when the server sends a certificate request).
     */
    private static final class NoClientCertificate extends javax.net.ssl.X509ExtendedKeyManager {
        volatile boolean asked;

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            asked = true;
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                javax.net.ssl.SSLEngine engine) {
            asked = true;
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public java.security.cert.X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }

    /** For {@link #tlsHint()}'s handshake only, which carries no data. */
    private static final class AnyCertificate implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            // the handshake only asks whether the listener speaks TLS
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    /** One partition to read: from where, up to where (exclusive). */
    private record Range(TopicPartition partition, long start, long end) {
    }

    /** The documents of one poll, and what they count against {@link #READ_AHEAD_BYTES}. */
    private record Chunk(List<Document> documents, long bytes) {
    }

    /**
     * The partitions, read on a thread of their own ({@link #read}) into {@link #ahead}, so that waiting for the
     * broker's next fetch overlaps with the validation of what the last one gave instead of adding to it (one fetch is
     * about a megabyte, well under a millisecond of validation per worker). The offsets are taken here, on the first
     * {@code hasNext()}, so a failure to connect or a missing topic comes out of that call; a failure later comes out
     * where the messages would have, after every message read before it.
     */
    private final class Partitions implements Iterator<Document> {
        private Iterator<Document> chunk = Collections.emptyIterator();
        private boolean ended;
        private long handedOut;

        private List<Range> start() {
            try {
                consumer = new KafkaConsumer<>(properties);
            } catch (KafkaException e) {
                String why = Aws.root(e).getMessage();
                if (why != null && why.startsWith("No resolvable bootstrap urls")) {
                    // the client resolves the names as it is made, and its message names none of them
                    throw new SourceException(location.uri(), "no bootstrap server in " + servers + " resolves: check"
                            + " the address and the network's DNS", e);
                }
                throw new SourceException(location.uri(), "cannot make a Kafka client: " + why, e);
            }
            try {
                // the first answer is waited for all of --timeout but what tlsHint may take when none comes
                List<PartitionInfo> infos = consumer.partitionsFor(location.topic(),
                        options.timeout().minus(hintBudget()));
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
                List<Range> ranges = new ArrayList<>();
                for (TopicPartition tp : partitions) {
                    if (starts.get(tp) < ends.get(tp)) {
                        ranges.add(new Range(tp, starts.get(tp), ends.get(tp)));
                    }
                }
                consumer.pause(partitions);
                return ranges;
            } catch (KafkaException e) {
                throw failure(e);
            } catch (OutOfMemoryError e) {
                // A server that is not Kafka (an HTTP server, say) answers the first request with bytes the client
                // takes for the size of a response ("HTTP" is 1.2 GB) and tries to allocate at once: that one
                // allocation failed, nothing else is held, and the client is of no further use.
                throw new SourceException(location.uri(), "bootstrap server " + servers + " answered with something"
                        + " that is not Kafka (its first bytes, read as the size of a response, asked for more memory"
                        + " than there is): is it the address of a Kafka listener?", e);
            }
        }

        @Override
        public boolean hasNext() {
            if (reader == null && !ended) {
                List<Range> ranges = start();
                Thread t = new Thread(() -> read(ranges), "onfailure-kafka-read");
                t.setDaemon(true);
                reading = true;
                reader = t;
                t.start();
            }
            while (!chunk.hasNext() && !ended) {
                Object next = take();
                if (next == END) {
                    ended = true;
                } else if (next instanceof SourceException e) {
                    synchronized (ahead) {
                        ahead.addFirst(e); // kept: asked again, it fails again
                    }
                    throw e;
                } else {
                    chunk = ((Chunk) next).documents().iterator();
                }
            }
            return chunk.hasNext();
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            handed.lazySet(++handedOut);
            return chunk.next();
        }
    }

    /** Waits for the next chunk, {@link #END} or the failure that ended the reading. */
    private Object take() {
        synchronized (ahead) {
            while (ahead.isEmpty()) {
                if (closed) {
                    throw new SourceException(location.uri(), "closed");
                }
                try {
                    ahead.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceException(location.uri(), "interrupted", e);
                }
            }
            Object next = ahead.poll();
            if (next instanceof Chunk c) {
                aheadBytes -= c.bytes();
                ahead.notifyAll();
            }
            return next;
        }
    }

    /**
     * Queues {@code next} once there is room: a chunk waits while {@link #READ_AHEAD_BYTES} are queued, though one
     * is always let through, so a big message never stalls. Returns false when the source is closed.
     */
    private boolean put(Object next) {
        synchronized (ahead) {
            long bytes = next instanceof Chunk c ? c.bytes() : 0;
            while (!closed && bytes > 0 && aheadBytes > 0 && aheadBytes + bytes > READ_AHEAD_BYTES) {
                try {
                    ahead.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (closed) {
                return false;
            }
            ahead.add(next);
            aheadBytes += bytes;
            ahead.notifyAll();
            return true;
        }
    }

    /**
     * The reading thread: each range in turn, from its start to its end, a chunk per poll; then {@link #END}, or the
     * failure that stopped it. It owns the consumer from here on and closes it when done.
     */
    private void read(List<Range> ranges) {
        Object last = END;
        try {
            for (Range range : ranges) {
                if (!read(range)) {
                    last = null; // closed: nobody reads the rest
                    break;
                }
            }
        } catch (SourceException e) {
            last = e;
        } catch (KafkaException e) {
            last = closed ? null : failure(e); // a wakeup from close() is no failure
        } catch (RuntimeException e) {
            last = new SourceException(location.uri(), "reading stopped: " + e, e);
        } catch (Error e) {
            last = new SourceException(location.uri(), "reading stopped: " + e, e);
            throw e;
        } finally {
            reading = false;
            if (last != null) {
                put(last);
            }
            try {
                consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (KafkaException e) {
                // closing is best effort: everything read is already queued
            }
        }
    }

    /** Reads {@code range} to its end; returns false when the source was closed first. */
    private boolean read(Range range) {
        TopicPartition partition = range.partition();
        consumer.seek(partition, range.start());
        consumer.resume(List.of(partition));
        Duration pollWait = Duration.ofMillis(Math.min(500, options.timeout().toMillis()));
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (!closed) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(pollWait);
            List<Document> documents = new ArrayList<>(records.count());
            long bytes = 0;
            for (ConsumerRecord<byte[], byte[]> r : records.records(partition)) {
                if (r.offset() >= range.end()) {
                    break;
                }
                Document d = document(r);
                documents.add(d);
                bytes += d.bytes().length + MESSAGE_OVERHEAD;
            }
            if (!documents.isEmpty()) {
                received.addAndGet(documents.size());
                if (!put(new Chunk(documents, bytes))) {
                    return false;
                }
                deadline = System.nanoTime() + options.timeout().toNanos();
            }
            if (consumer.position(partition, options.timeout()) >= range.end()) {
                consumer.pause(List.of(partition));
                return true;
            }
            if (documents.isEmpty() && System.nanoTime() > deadline) {
                throw new SourceException(location.uri(), "bootstrap server " + servers + " gave no message"
                        + " from partition " + partition.partition() + " within " + Aws.seconds(options.timeout())
                        + " (position " + consumer.position(partition) + ", end " + range.end() + ")");
            }
        }
        return false;
    }

    /**
     * The message as a document with its origin. The key and the header values are the arrays the consumer copied out
     * of its fetch for this message alone (Kafka's {@code RecordHeader} makes its value once and hands out that array),
     * so they are kept as they are, not copied again; no headers make no list.
     */
    private Document document(ConsumerRecord<byte[], byte[]> r) {
        org.apache.kafka.common.header.Header[] kafkaHeaders = r.headers().toArray();
        List<Origin.Header> headers;
        if (kafkaHeaders.length == 0) {
            headers = List.of();
        } else {
            Origin.Header[] copied = new Origin.Header[kafkaHeaders.length];
            for (int i = 0; i < copied.length; i++) {
                byte[] value = kafkaHeaders[i].value();
                copied[i] = new Origin.Header(kafkaHeaders[i].key(),
                        value == null ? Optional.empty() : Optional.of(Origin.Bytes.owned(value)));
            }
            headers = List.of(copied);
        }
        byte[] key = r.key();
        Origin.KafkaMessage origin = new Origin.KafkaMessage(r.topic(), r.partition(), r.offset(),
                Instant.ofEpochMilli(r.timestamp()), key == null ? Optional.empty()
                        : Optional.of(Origin.Bytes.owned(key)), headers);
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
