package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.schema.Kind;
import dev.onfailure.sources.readme.ReadmeExample;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kafka://} against one KRaft broker in-process ({@code KafkaClusterTestKit}), started once for the class. */
final class KafkaSourceTest {

    private static final Validator VALIDATOR = Validator.create();

    private static KafkaServer server;
    private static KafkaProducer<byte[], byte[]> producer;
    /** What was written to "failures", by "partition@offset". */
    private static final Map<String, byte[]> written = new HashMap<>();
    private static Instant secondHalf;

    @BeforeAll
    static void start() throws Exception {
        server = KafkaServer.start();
        producer = server.producer();
        server.createTopic("failures", 3);
        List<byte[]> corpus = new ArrayList<>(Corpus.of(Kind.TOPIC).values());
        corpus.add(Corpus.bytes(""));
        for (int i = 0; i < corpus.size(); i++) {
            if (i == corpus.size() / 2) {
                producer.flush();
                Thread.sleep(50);
                secondHalf = Instant.now();
                Thread.sleep(50);
            }
            byte[] key = i % 4 == 3 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>("failures", i % 3, key, corpus.get(i));
            r.headers().add(new RecordHeader("x-seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
            r.headers().add(new RecordHeader("x-empty", null));
            RecordMetadata m = producer.send(r).get();
            written.put(m.partition() + "@" + m.offset(), corpus.get(i));
        }
        server.createTopic("tombstones", 1);
        producer.send(new ProducerRecord<>("tombstones", 0, "gone".getBytes(StandardCharsets.UTF_8), null)).get();
    }

    @AfterAll
    static void stop() {
        producer.close();
        server.close();
    }

    private static SourceOptions.Builder options() {
        return SourceOptions.builder().bootstrapServer(server.bootstrapServers()).timeout(Duration.ofSeconds(20));
    }

    private static List<Document> read(String location, SourceOptions options) {
        try (Source source = Source.open(Location.parse(location), options)) {
            return Corpus.read(source);
        }
    }

    private static String at(Document d) {
        Origin.KafkaMessage k = (Origin.KafkaMessage) d.origin();
        return k.partition() + "@" + k.offset();
    }

    @Test
    void everyMessage_givesTheReportTheSameFileGives_partitionByPartition() {
        List<Document> docs = read("kafka://failures", options().build());

        assertThat(docs).extracting(KafkaSourceTest::at).containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(docs).isSortedAccordingTo(Comparator.comparingInt((Document d) ->
                ((Origin.KafkaMessage) d.origin()).partition()).thenComparingLong(d ->
                ((Origin.KafkaMessage) d.origin()).offset()));
        for (Document d : docs) {
            byte[] original = written.get(at(d));
            assertThat(d.bytes()).isEqualTo(original);
            assertThat(VALIDATOR.validate(d.bytes())).isEqualTo(Corpus.fromFile(VALIDATOR, original));
        }
        assertThat(docs).anySatisfy(d -> assertThat(VALIDATOR.validate(d.bytes()).valid()).isTrue());
        assertThat(docs).anySatisfy(d -> assertThat(VALIDATOR.validate(d.bytes()).valid()).isFalse());
    }

    /** Batches compressed by the producer, with each codec the client may meet (zstd, snappy, lz4: native code). */
    @Test
    void compressedBatches_giveTheSameDocuments() throws Exception {
        List<byte[]> corpus = new ArrayList<>(Corpus.of(Kind.TOPIC).values());
        for (String codec : new String[] {"gzip", "snappy", "lz4", "zstd"}) {
            String topic = "compressed-" + codec;
            server.createTopic(topic, 1);
            try (KafkaProducer<byte[], byte[]> p = KafkaServer.producer(server.bootstrapServers(), codec)) {
                for (byte[] value : corpus) {
                    p.send(new ProducerRecord<>(topic, 0, null, value));
                }
            }
            assertThat(read("kafka://" + topic, options().build())).as(codec).extracting(Document::bytes)
                    .containsExactlyElementsOf(corpus);
        }
    }

    @Test
    void origin_holdsKeyHeadersAndWhere() {
        Document d = read("kafka://failures", options().build()).stream()
                .filter(x -> at(x).equals("1@0")).findFirst().orElseThrow();
        Origin.KafkaMessage k = (Origin.KafkaMessage) d.origin();

        assertThat(k.source()).isEqualTo("kafka://failures/1@0");
        assertThat(k.key()).map(Origin.Bytes::utf8).contains("key-1");
        assertThat(k.headers()).containsExactly(
                new Origin.Header("x-seq", Optional.of(Origin.Bytes.of("1".getBytes(StandardCharsets.UTF_8)))),
                new Origin.Header("x-empty", Optional.empty()));
        assertThat(k.timestamp()).isBefore(Instant.now().plusSeconds(1));
        assertThat(read("kafka://failures", options().build())).filteredOn(x -> at(x).equals("0@1"))
                .allSatisfy(x -> assertThat(((Origin.KafkaMessage) x.origin()).key()).isEmpty());
    }

    @Test
    void counts_areTheMessagesReceivedAndTheDocumentsHandedOut() {
        try (Source source = Source.open(Location.parse("kafka://failures"), options().build())) {
            Iterator<Document> docs = source.documents();
            docs.next();
            docs.next();
            assertThat(source.counts().fetched()).isEqualTo(2);
            assertThat(source.counts().listed()).isGreaterThanOrEqualTo(2);
            int n = 2;
            while (docs.hasNext()) {
                docs.next();
                n++;
            }
            assertThat(n).isEqualTo(written.size());
            assertThat(source.counts()).isEqualTo(new Source.Counts(written.size(), written.size()));
        }
    }

    @Test
    void fromOffset_startsEveryPartitionThere() {
        List<Document> docs = read("kafka://failures", options().fromOffset(2).build());

        assertThat(docs).extracting(KafkaSourceTest::at).containsExactlyInAnyOrderElementsOf(
                written.keySet().stream().filter(a -> Long.parseLong(a.substring(a.indexOf('@') + 1)) >= 2).toList());
    }

    @Test
    void fromTime_startsAtTheFirstMessageAtOrAfterIt() {
        List<Document> all = read("kafka://failures", options().build());
        List<Document> later = read("kafka://failures", options().fromTime(secondHalf).build());

        assertThat(later).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(later).allSatisfy(d -> assertThat(((Origin.KafkaMessage) d.origin()).timestamp())
                .isAfterOrEqualTo(secondHalf.minusMillis(1)));
    }

    @Test
    void messagesWrittenAfterTheStart_areNotRead() throws Exception {
        server.createTopic("growing", 1);
        producer.send(new ProducerRecord<>("growing", 0, null, Corpus.bytes("{}"))).get();
        try (Source source = Source.open(Location.parse("kafka://growing"), options().build())) {
            Iterator<Document> docs = source.documents();
            assertThat(docs.hasNext()).isTrue(); // the end offsets are taken now
            producer.send(new ProducerRecord<>("growing", 0, null, Corpus.bytes("{}"))).get();
            docs.next();
            assertThat(docs.hasNext()).isFalse();
        }
    }

    @Test
    void readingAhead_stopsAtItsBoundAndAtClose() throws Exception {
        server.createTopic("big", 1);
        byte[] value = new byte[300_000];
        java.util.Arrays.fill(value, (byte) ' ');
        for (int i = 0; i < 40; i++) { // 12 MB: more than is read ahead
            producer.send(new ProducerRecord<>("big", 0, null, value));
        }
        producer.flush();
        Source source = Source.open(Location.parse("kafka://big"), options().build());
        try {
            Iterator<Document> docs = source.documents();
            assertThat(docs.next().bytes()).hasSize(value.length);
            long received = -1;
            for (int i = 0; i < 100 && source.counts().listed() != received; i++) {
                received = source.counts().listed();
                Thread.sleep(200); // until the reading thread waits for room
            }
            assertThat(received).isBetween(2L, 39L);
        } finally {
            source.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("onfailure-kafka-read"));
    }

    @Test
    void reading_joinsNoGroupAndCommitsNothing() throws Exception {
        read("kafka://failures", options().build());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                server.bootstrapServers()))) {
            assertThat(admin.listGroups().all().get()).isEmpty();
        }
    }

    @Test
    void tombstone_isAProblemOfThatMessageOnly() {
        List<Document> docs = read("kafka://tombstones", options().build());

        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).problem()).contains("the message has no value (a tombstone)");
    }

    @Test
    void readmeExample_isTheReadmes_andPrintsVerdictsAndProblems() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/onfailure/sources/readme/ReadmeExample.java"));
        String shown = source.substring(source.indexOf("// README begin\n") + "// README begin\n".length(),
                source.indexOf("    // README end")).stripTrailing().lines().map(l -> l.replaceFirst("^    ", ""))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + shown + "\n```\n");

        server.createTopic("readme", 1);
        List<byte[]> valid = Corpus.of(Kind.TOPIC).values().stream().filter(b -> VALIDATOR.validate(b).valid())
                .toList();
        List<byte[]> invalid = Corpus.of(Kind.TOPIC).values().stream().filter(b -> !VALIDATOR.validate(b).valid())
                .toList();
        for (byte[] value : List.of(valid.get(0), invalid.get(0))) {
            producer.send(new ProducerRecord<>("readme", 0, null, value)).get();
        }
        producer.send(new ProducerRecord<>("readme", 0, null, null)).get();

        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(errors, true, StandardCharsets.UTF_8));
            ReadmeExample.check("kafka://readme", options().build());
            ReadmeExample.check("kafka://no-such-topic", options().build());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("kafka://readme/0@0 valid\n"
                + "kafka://readme/0@1 invalid\nkafka://readme/0@2 the message has no value (a tombstone)\n");
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEqualTo("kafka://no-such-topic: no such topic"
                + " no-such-topic (at bootstrap server " + server.bootstrapServers() + ")\n");
    }

    @Test
    void plaintextClient_atATlsListener_isToldOfSecurityProtocol(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("broker.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "RSA", "-alias", "broker", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor()).isZero();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        // a TLS listener as a broker's SSL listener is one: handshakes, then reads until the client goes
        try (java.net.ServerSocket listener = tls.getServerSocketFactory().createServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        java.net.Socket s = listener.accept();
                        Thread t = new Thread(() -> {
                            try (s) {
                                s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                            } catch (java.io.IOException e) {
                                // a plaintext client: the handshake fails, as a broker's would
                            }
                        });
                        t.setDaemon(true);
                        t.start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String at = "127.0.0.1:" + listener.getLocalPort();

            assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder().bootstrapServer(at)
                    .timeout(Duration.ofSeconds(2)).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("kafka://failures: bootstrap server " + at + " did not answer within 2 s; it"
                            + " speaks TLS: set security.protocol=SSL (or SASL_SSL) in the --kafka-config file");
        }
    }

    @Test
    void aControllerListener_isOneLineAskingForABrokers() {
        String controller = server.controllerListener();
        assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder().bootstrapServer(controller)
                .timeout(Duration.ofSeconds(5)).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: bootstrap server " + controller + " is a controller listener, not a broker's: give a"
                        + " broker listener in --bootstrap-server");
    }

    @Test
    void anUntrustedBrokerCertificate_isOneLineNamingTheTrustStoreSetting(@TempDir Path dir) throws Exception {
        // a real TLS listener in front of the broker: the handshake is refused before any request reaches it
        try (TlsRelay tls = TlsRelay.start(dir, java.net.URI.create("tcp://" + server.bootstrapServers()),
                "ip:127.0.0.1"); TlsRelay other = TlsRelay.start(dir, java.net.URI.create("tcp://127.0.0.1:1"),
                "ip:127.0.0.1")) {
            String at = tls.endpoint().getAuthority();
            Path config = Files.writeString(dir.resolve("ssl.properties"), "security.protocol=SSL\n");
            assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder().bootstrapServer(at)
                    .kafkaConfig(config).timeout(Duration.ofSeconds(10)).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("kafka://failures: the certificate of bootstrap server " + at + " is not trusted"
                            + " (signed by no certificate in the JDK's trust store): set ssl.truststore.location"
                            + " (ssl.truststore.type=PEM for a PEM file) in the --kafka-config file to the"
                            + " certificate that signed it");

            Path wrong = Files.writeString(dir.resolve("wrong.properties"), "security.protocol=SSL\n"
                    + "ssl.truststore.type=PEM\nssl.truststore.location=" + other.certificate() + "\n");
            assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder().bootstrapServer(at)
                    .kafkaConfig(wrong).timeout(Duration.ofSeconds(10)).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("kafka://failures: the certificate of bootstrap server " + at + " is not trusted"
                            + " (signed by no certificate in ssl.truststore.location " + other.certificate()
                            + "): put the certificate that signed it in " + other.certificate());
        }
    }

    /**
     * A broker certificate signed by the CA in the trust store but out of its time, and a listener that wants the
     * client's own certificate: one line each; a certificate in its time is read.
     */
    @Test
    void aBrokerCertificateOutOfItsTime_andMutualTls_areOneLineEach(@TempDir Path dir) throws Exception {
        java.net.URI broker = java.net.URI.create("tcp://" + server.bootstrapServers());
        try (TlsRelay expired = TlsRelay.startSigned(dir, broker, "ip:127.0.0.1", "-3d", 1);
                TlsRelay early = TlsRelay.startSigned(dir, broker, "ip:127.0.0.1", "+2d", 5);
                TlsRelay mutual = TlsRelay.startSigned(dir, broker, "ip:127.0.0.1", "-1d", 3)
                        .requireClientCertificate();
                TlsRelay inTime = TlsRelay.startSigned(dir, broker, "ip:127.0.0.1", "-1d", 3)) {
            for (TlsRelay relay : List.of(expired, early, mutual, inTime)) {
                Path config = Files.writeString(dir.resolve("ssl-" + relay.endpoint().getPort() + ".properties"),
                        "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location="
                                + relay.certificate() + "\n");
                SourceOptions options = SourceOptions.builder().bootstrapServer(relay.endpoint().getAuthority())
                        .kafkaConfig(config).timeout(Duration.ofSeconds(relay == inTime ? 3 : 10)).build();
                String at = "kafka://failures: the certificate of bootstrap server " + relay.endpoint().getAuthority();
                if (relay == inTime) {
                    handshakePasses(options, relay.endpoint().getAuthority());
                } else if (relay == expired) {
                    assertThatThrownBy(() -> read("kafka://failures", options)).isInstanceOf(SourceException.class)
                            .hasMessage(at + " is not trusted (it expired at "
                                    + relay.served().getNotAfter().toInstant() + ")");
                } else if (relay == early) {
                    assertThatThrownBy(() -> read("kafka://failures", options)).isInstanceOf(SourceException.class)
                            .hasMessage(at + " is not trusted (it is not valid before "
                                    + relay.served().getNotBefore().toInstant() + ")");
                } else {
                    // the alert, when the client reads it; or, when the listener cut the connection first (a TCP
                    // race of TLS 1.3) and the client tried until the timeout, the hint its own handshake finds
                    String server = "kafka://failures: bootstrap server " + relay.endpoint().getAuthority();
                    String remedy = " (mutual TLS)%s: set ssl.keystore.location (and ssl.keystore.password) in the"
                            + " --kafka-config file to the client's key and certificate";
                    assertThatThrownBy(() -> read("kafka://failures", options)).isInstanceOf(SourceException.class)
                            .satisfies(e -> assertThat(e.getMessage()).isIn(
                                    server + " wants a client certificate" + String.format(remedy, " and was given none"),
                                    server + " did not answer within 10 s; it wants a client certificate"
                                            + String.format(remedy, "")));
                }
            }
            String trust = "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location="
                    + mutual.certificate() + "\nssl.keystore.type=PKCS12\nssl.keystore.password=" + TlsRelay.password()
                    + "\nssl.keystore.location=";
            Path stranger = mutual.clientKeyStore(dir, false);
            Path strangerConfig = Files.writeString(dir.resolve("stranger.properties"), trust + stranger + "\n");
            String at = mutual.endpoint().getAuthority();
            assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder().bootstrapServer(at)
                    .kafkaConfig(strangerConfig).timeout(Duration.ofSeconds(10)).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("kafka://failures: bootstrap server " + at + " refused the client certificate in"
                            + " ssl.keystore.location " + stranger + " (TLS alert: bad_certificate)");
            Path signedConfig = Files.writeString(dir.resolve("signed.properties"), trust
                    + mutual.clientKeyStore(dir, true) + "\n");
            handshakePasses(SourceOptions.builder().bootstrapServer(at).kafkaConfig(signedConfig)
                    .timeout(Duration.ofSeconds(3)).build(), at);
        }
    }

    /**
     * The TLS handshake with the relay at {@code at} passes: the client then asks for metadata through it, and the
     * broker gives its own plaintext listener, which a TLS client cannot read (the relay cannot stand in for the
     * broker there), so the read ends at the timeout, with no word of a certificate.
     */
    private static void handshakePasses(SourceOptions options, String at) {
        assertThatThrownBy(() -> read("kafka://failures", options)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("kafka://failures: bootstrap server " + at + " did not answer within")
                .hasMessageNotContaining("certificate");
    }

    @Test
    void tlsClient_atAPlaintextListener_isToldOfSecurityProtocol(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SSL\n");
        assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder()
                .bootstrapServer(server.bootstrapServers()).kafkaConfig(config).timeout(Duration.ofSeconds(2)).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: bootstrap server " + server.bootstrapServers() + " did not answer"
                        + " within 2 s; it does not answer a TLS handshake: if its listener is plaintext, set"
                        + " security.protocol=PLAINTEXT (or SASL_PLAINTEXT) in the --kafka-config file");
    }

    @Test
    void kafkaConfig_isReadAndOursCannotBeOverridden(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "bootstrap.servers=" + server.bootstrapServers() + "\ngroup.id=someone-else\n"
                + "enable.auto.commit=true\nclient.id=from-the-file\n");
        SourceOptions options = SourceOptions.builder().kafkaConfig(config).build();

        Properties p = KafkaSource.properties(new Location.Kafka("failures"), options);
        assertThat(p).doesNotContainKey("group.id").containsEntry("enable.auto.commit", "false")
                .containsEntry("client.id", "from-the-file");
        assertThat(read("kafka://failures", options)).hasSize(written.size());
    }

    @Test
    void kafkaConfig_mskIam_makesAClient(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("msk.properties");
        Files.writeString(config, "security.protocol=SASL_SSL\nsasl.mechanism=AWS_MSK_IAM\n"
                + "sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;\n"
                + "sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler\n");
        Properties p = KafkaSource.properties(new Location.Kafka("failures"),
                SourceOptions.builder().kafkaConfig(config).bootstrapServer("127.0.0.1:9098").build());

        // the login module and callback handler load: MSK IAM works wherever AWS credentials are found
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            assertThat(consumer.assignment()).isEmpty();
        }
    }

    @Test
    void kafkaConfigThatCannotBeRead_isOneLine(@TempDir Path dir) {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> Source.open(Location.parse("kafka://failures"),
                options().kafkaConfig(missing).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: cannot read the Kafka client properties " + missing
                        + ": no such file");
        assertThatThrownBy(() -> Source.open(Location.parse("kafka://failures"),
                options().kafkaConfig(dir).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: cannot read the Kafka client properties " + dir
                        + ": not a regular file");
    }

    @Test
    void noBootstrapServer_isOneLine() {
        assertThatThrownBy(() -> Source.open(Location.parse("kafka://failures"), SourceOptions.defaults()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: no bootstrap server: give --bootstrap-server host:port (or"
                        + " bootstrap.servers in the --kafka-config file)");
    }

    @Test
    void bootstrapServer_isHostColonPort_checkedWhenGiven() {
        List<String> good = List.of("b-1:9092", "b-1.x.kafka.eu-west-1.amazonaws.com:9098,b-2:9098",
                " a:1 , b:65535 ", "a:9092,", "[::1]:9092", "10.0.0.1:9092", "::1:9092", "fe80::1%eth0:9092",
                "PLAINTEXT://b-1:9092", "SASL_SSL://[::1]:9096");
        List<String> bad = List.of("localhost", ":9092", "a:", "a:0", "a:65536", "a:99999999999", "a:port",
                "[::1]]:9092", "a b:9092", "a:9092,b", "");
        for (String g : good) {
            assertThat(SourceOptions.builder().bootstrapServer(g).build().bootstrapServer()).contains(g);
        }
        for (String b : bad) {
            assertThatThrownBy(() -> SourceOptions.builder().bootstrapServer(b)).as(b)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT");
        }
        // the client reads every entry accepted here; what it refuses is refused here too
        for (String text : List.of("b-1:9092", "::1:9092", "fe80::1%eth0:9092", "PLAINTEXT://b-1:9092",
                "[::1]:9092", "[::1]]:9092", "a b:9092", "a:port", "localhost")) {
            boolean ours = good.contains(text);
            boolean kafkas = org.apache.kafka.common.utils.Utils.getHost(text) != null
                    && org.apache.kafka.common.utils.Utils.getPort(text) != null;
            assertThat(ours).as(text).isEqualTo(kafkas);
        }
    }

    @Test
    void bootstrapServerThatDoesNotResolve_isOneLineNamingIt() {
        // .invalid never resolves (RFC 2606)
        assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder()
                .bootstrapServer("broker.invalid:9092,other.invalid:9093").timeout(Duration.ofSeconds(5)).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: no bootstrap server in broker.invalid:9092,other.invalid:9093 resolves:"
                        + " check the address and the network's DNS");
    }

    @Test
    void missingTopic_isOneLineNamingIt() {
        assertThatThrownBy(() -> read("kafka://no-such-topic", options().build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://no-such-topic: no such topic no-such-topic (at bootstrap server "
                        + server.bootstrapServers() + ")");
    }

    @Test
    void brokerThatDoesNotAnswer_givesUpAfterTheTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder()
                .bootstrapServer("127.0.0.1:" + port).timeout(Duration.ofSeconds(2)).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("kafka://failures: bootstrap server 127.0.0.1:" + port + " did not answer within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    /**
     * A broker that takes the connection and never answers (a hung process, a proxy that holds it) ends the run at
     * --timeout: the handshake that looks for a TLS listener fits inside it, not after it (it took up to 2 s more).
     */
    @Test
    void brokerThatTakesTheConnectionAndNeverAnswers_endsAtTheTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        held.add(listener.accept());                 // read nothing, write nothing, close nothing
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String at = "127.0.0.1:" + listener.getLocalPort();
            long start = System.nanoTime();
            assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder().bootstrapServer(at)
                    .timeout(Duration.ofSeconds(3)).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("kafka://failures: bootstrap server " + at + " did not answer within 3 s");
            // a bound on what is waited for beyond --timeout (the client's start and close), not a speed goal
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
            assertThat(held).as("the client and the handshake connected").hasSizeGreaterThanOrEqualTo(2);
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * A server that is not Kafka (an HTTP server at the port given, say) answers the client's first request with bytes
     * the client reads as the size of a response: "HTTP" is 1.2 GB, more than the command's heap. Here the size is
     * past any array Java can make, so the client fails the same way on any heap.
     */
    @Test
    void serverThatIsNotKafka_isOneLineNotAnOutOfMemoryError() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (!s.isClosed()) {
                    try (java.net.Socket c = s.accept()) {
                        c.getInputStream().read(new byte[64]);
                        c.getOutputStream().write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'x'});
                        c.getOutputStream().flush();
                        Thread.sleep(200);
                    } catch (IOException | InterruptedException e) {
                        // closed: the test is over
                    }
                }
            });
            answering.setDaemon(true);
            answering.start();
            assertThatThrownBy(() -> read("kafka://failures", SourceOptions.builder()
                    .bootstrapServer("127.0.0.1:" + s.getLocalPort()).timeout(Duration.ofSeconds(5)).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("kafka://failures: bootstrap server 127.0.0.1:" + s.getLocalPort()
                            + " answered with something that is not Kafka (its first bytes, read as the size of a"
                            + " response, asked for more memory than there is): is it the address of a Kafka listener?");
        }
    }
}
