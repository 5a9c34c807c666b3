package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Kind;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.redrive.Batches;
import dev.onfailure.redrive.LambdaJson;
import dev.onfailure.redrive.Redriver;
import dev.onfailure.redrive.TestBroker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fetch} and {@code redrive} against a real in-process broker, as a user runs them. */
final class RecoveryCommandsTest {

    private static final String TOPIC = "orders-eu-west-1";
    private static final RecordCodec CODEC = RecordCodec.defaults();

    private static TestBroker broker;
    private static List<ConsumerRecord<byte[], byte[]>> p0;
    private static List<ConsumerRecord<byte[], byte[]>> p1;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        broker.createTopic(TOPIC, 2, Map.of());
        broker.createTopic("orders-replay", 2, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            p0 = Batches.produce(p, TOPIC, 0, 20, 1);
            p1 = Batches.produce(p, TOPIC, 1, 20, 2);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    private static List<ConsumerRecord<byte[], byte[]>> batch() {
        List<ConsumerRecord<byte[], byte[]>> b = new ArrayList<>(p0.subList(2, 12));
        b.addAll(p1.subList(0, 5));
        return b;
    }

    private Path file(String name, KafkaFailureRecord record) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, CODEC.write(record));
        return f;
    }

    private static String lines(List<ConsumerRecord<byte[], byte[]>> records) {
        StringBuilder s = new StringBuilder();
        records.forEach(r -> s.append(LambdaJson.record(r)).append('\n'));
        return s.toString();
    }

    @Test
    void fetch_sqsRecord_writesTheOriginalRecords_andReportsEachRange() throws Exception {
        Path f = file("sqs.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-1").get(0));
        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap());
        assertThat(r.err()).isEqualTo(f + " orders-eu-west-1-0 2..11: expected 10 (span), found 10\n"
                + f + " orders-eu-west-1-1 0..4: expected 5 (span), found 5\n");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(lines(batch()));
    }

    @Test
    void fetch_asEvent_isOneInvocationEventPerFailureRecord() throws Exception {
        Path f = file("sqs.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-1").get(0));
        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap(), "--as", "event");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        KafkaEvent event = CODEC.readEvent(r.out().trim());
        assertThat(event).isEqualTo(Batches.event(batch()));
    }

    @Test
    void fetch_s3Payload_withoutACluster_andVerified() throws Exception {
        Path string = file("s3.json", Batches.failureRecords(batch(), Kind.S3, "req-2").get(0));
        Path object = file("s3o.json", Batches.s3WithObjectPayload(batch(), "req-3"));
        Cli.Result r = Cli.run("fetch", string.toString(), object.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(lines(batch()) + lines(batch()));

        Cli.Result v = Cli.run("fetch", string.toString(), "--bootstrap-server", broker.bootstrap(), "--verify");
        assertThat(v.code()).isZero();
        assertThat(v.err()).contains(string + " verify: the payload's 15 records are the cluster's, byte for byte");
        assertThat(v.out()).isEqualTo(lines(batch()));
    }

    /** A header with a null value has no form in a Lambda event: that record is left out, not the ones after it. */
    @Test
    void fetch_aRecordTheEventFormCannotCarry_isLeftOutWithItsLine_theOthersAreWritten() throws Exception {
        broker.createTopic("null-header", 1, Map.of());
        List<ConsumerRecord<byte[], byte[]>> writable = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            writable.addAll(Batches.produce(p, "null-header", 0, 1, 5));
            org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> odd =
                    new org.apache.kafka.clients.producer.ProducerRecord<>("null-header", 0, null, new byte[] {1});
            odd.headers().add("absent", null);
            p.send(odd).get();
            writable.addAll(Batches.produce(p, "null-header", 0, 2, 6));
        }
        assertThat(writable).extracting(ConsumerRecord::offset).containsExactly(0L, 2L, 3L);
        Path f = file("null-header.json", Batches.failureRecords(writable, Kind.SQS_SNS, "req-null").get(0));
        String line = "onfailure: " + f + ": record null-header-0@1: header absent has a null value, which a Lambda"
                + " event cannot carry (left out; redrive sends it as it is)\n";

        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap());
        assertThat(r.out()).isEqualTo(lines(writable));
        assertThat(r.err()).endsWith(line);
        assertThat(r.code()).isEqualTo(2);

        Cli.Result e = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap(), "--as", "event");
        assertThat(CODEC.readEvent(e.out().trim())).isEqualTo(Batches.event(writable));
        assertThat(e.err()).endsWith(line);
        assertThat(e.code()).isEqualTo(2);
    }

    /** A document over the limit is not called "not JSON": each is skipped with its own words, the rest fetched. */
    @Test
    void fetch_aDocumentOverTheLimit_andOneThatIsNotJson_areSkippedEachInItsWords() throws Exception {
        Path good = file("good.json", Batches.failureRecords(batch(), Kind.S3, "req-9").get(0));
        Path text = dir.resolve("text.json");
        Files.writeString(text, "not json");
        Path big = dir.resolve("big.json");
        byte[] bytes = new byte[(int) dev.onfailure.json.ReadLimits.defaults().maxDocumentBytes() + 10];
        java.util.Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        bytes[bytes.length - 1] = '}';
        Files.write(big, bytes);

        Cli.Result r = Cli.run("fetch", big.toString(), text.toString(), good.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("onfailure: " + big + ": over a read limit (json.limit): ")
                .contains("onfailure: " + text + ": not JSON (json.syntax): ")
                .doesNotContain(big + ": not JSON");
        assertThat(r.out()).isEqualTo(lines(batch()));
    }

    @Test
    void fetch_topicRecords_inNdjson() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (KafkaFailureRecord t : Batches.failureRecords(batch(), Kind.TOPIC, "req-4")) {
            ndjson.append(CODEC.write(t).replace("\n", "")).append('\n');
        }
        Path f = dir.resolve("topic.ndjson");
        Files.writeString(f, ndjson);
        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(lines(batch()));
    }

    @Test
    void fetch_deletedOffsets_areReported_exit1() throws Exception {
        broker.createTopic("trimmed", 1, Map.of());
        List<ConsumerRecord<byte[], byte[]>> records;
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            records = Batches.produce(p, "trimmed", 0, 10, 3);
        }
        Path f = file("t.json", Batches.failureRecords(records, Kind.SQS_SNS, "req-5").get(0));
        broker.admin().deleteRecords(Map.of(new org.apache.kafka.common.TopicPartition("trimmed", 0),
                RecordsToDelete.beforeOffset(4))).all().get(30, TimeUnit.SECONDS);
        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(f + " trimmed-0 0..9: expected 10 (batchSize), found 6; absent 0-3 deleted"
                + " (log start offset 4)\n");
        assertThat(r.out()).isEqualTo(lines(records.subList(4, 10)));
    }

    @Test
    void fetch_56DigitOffset_isOneClearLine_exit2() throws Exception {
        String text = CODEC.write(Batches.failureRecords(batch(), Kind.SQS_SNS, "req-6").get(0))
                .replaceFirst("\"lastRecordOffset\" ?: ?\"11\"",
                        "\"lastRecordOffset\":\"49601189658422359378836298521827638475320189012309704722\"");
        assertThat(text).contains("4960118965842235937883629852182763847532018901230970472");
        Path f = dir.resolve("big.json");
        Files.writeString(f, text);
        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", broker.bootstrap());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("onfailure: " + f + ": orders-eu-west-1-0/lastRecordOffset: offset "
                + "49601189658422359378836298521827638475320189012309704722 has 56 digits: Kafka offsets are int64, "
                + "at most 9223372036854775807 (19 digits)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void fetch_brokerDown_isOneClearLine_exit2() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path f = file("sqs.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-7").get(0));
        Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", "127.0.0.1:" + port, "--timeout", "2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("onfailure: bootstrap server 127.0.0.1:" + port
                + " did not answer within 2 s (is the cluster up and reachable?)\n");
    }

    @Test
    void aBootstrapServerThatIsNotHostColonPort_isAUsageError_beforeAnythingIsRead() throws Exception {
        Path f = file("sqs-typo.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-7c").get(0));
        for (String[] args : List.of(
                new String[] {"fetch", f.toString(), "--bootstrap-server", "localhost"},
                new String[] {"fetch", f.toString(), "--bootstrap-server", broker.bootstrap(),
                    "--source-bootstrap-server", "b:99999"},
                new String[] {"redrive", f.toString(), "--bootstrap-server", ":9092", "--to-topic", "t"},
                new String[] {"validate", "--bootstrap-server", "localhost", "kafka://failures"})) {
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains("bootstrap-server': not HOST:PORT: ")
                    .contains("Try 'onfailure " + args[0] + " --help'");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void fetchAndRedrive_aBootstrapServerThatDoesNotResolve_isOneClearLine_exit2() throws Exception {
        Path f = file("sqs-unresolved.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-7b").get(0));
        String line = "onfailure: no bootstrap server in broker.invalid:9092 resolves: check the address and the"
                + " network's DNS\n";
        for (String[] args : List.of(
                new String[] {"fetch", f.toString(), "--bootstrap-server", "broker.invalid:9092"},
                new String[] {"redrive", f.toString(), "--bootstrap-server", "broker.invalid:9092", "--to-topic", "t"},
                new String[] {"redrive", "--dry-run", f.toString(), "--bootstrap-server", "broker.invalid:9092",
                    "--to-topic", "t"})) {
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).endsWith(line).doesNotContain("internal error");
        }
    }

    /** The failure-record topic's cluster options are not silently ignored where no kafka:// source is read. */
    @Test
    void fetchAndRedrive_sourceClusterOptions_withoutAKafkaSource_areAUsageError() throws Exception {
        Path f = file("sqs-no-kafka-source.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-7c").get(0));
        Path config = Files.writeString(dir.resolve("source.properties"), "security.protocol=PLAINTEXT\n");
        for (String[] extra : List.of(new String[] {"--source-bootstrap-server", broker.bootstrap()},
                new String[] {"--source-kafka-config", config.toString()})) {
            for (String command : List.of("fetch", "redrive")) {
                List<String> args = new ArrayList<>(List.of(command, f.toString(), "--bootstrap-server",
                        broker.bootstrap()));
                args.addAll(List.of(extra));
                if (command.equals("redrive")) {
                    args.addAll(List.of("--to-topic", "never-made", "--dry-run"));
                }
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
                assertThat(r.err()).as(String.join(" ", args)).contains(extra[0] + " applies to kafka:// locations"
                        + " (the failure-record topic's cluster), and none is given");
            }
        }
    }

    @Test
    void fetch_unknownTopic_isOneClearLine_theOtherRecordsAreFetched_exit2() throws Exception {
        String text = CODEC.write(Batches.failureRecords(p0.subList(0, 2), Kind.SQS_SNS, "req-8").get(0))
                .replace("orders-eu-west-1-0", "gone-topic-0");
        Path f = dir.resolve("gone.json");
        Files.writeString(f, text);
        Path good = file("sqs-beside-gone.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-8b").get(0));
        Cli.Result r = Cli.run("fetch", f.toString(), good.toString(), "--bootstrap-server", broker.bootstrap());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("onfailure: " + f + ": not fetched: topic gone-topic does not exist on "
                + broker.bootstrap() + " (or this client may not Describe it)\n").doesNotContain("\tat ");
        // the record beside it is fetched whole: one record's gone topic does not stop the run
        assertThat(r.out()).isEqualTo(lines(batch()));
        // redrive sends nothing when a record cannot be fetched: all or nothing, before anything is sent
        broker.createTopic("retry-beside-gone", 1, Map.of());
        Cli.Result redrive = Cli.run("redrive", f.toString(), good.toString(), "--bootstrap-server",
                broker.bootstrap(), "--to-topic", "retry-beside-gone");
        assertThat(redrive.code()).isEqualTo(2);
        assertThat(redrive.err()).isEqualTo("onfailure: " + f + ": cannot be fetched: topic gone-topic does not"
                + " exist on " + broker.bootstrap() + " (or this client may not Describe it)\n"
                + "onfailure: nothing sent: redrive sends every record or none; leave out the records above, or make"
                + " their topics, and run again\n");
        assertThat(broker.readAll("retry-beside-gone")).as("nothing sent").isEmpty();
    }

    /**
     * fetch and redrive read the cluster with clients of their own: a controller's listener and a broker certificate
     * the client does not trust (a real TLS listener in front of the broker) are one line each with what to do.
     */
    @Test
    void fetchAndRedrive_aControllerListener_andAnUntrustedCertificate_areOneLineEach() throws Exception {
        Path f = file("sqs-tls.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-tls").get(0));
        for (String command : List.of("fetch", "redrive")) {
            String[] args = command.equals("fetch") ? new String[] {"fetch", f.toString(), "--bootstrap-server",
                broker.controllers()} : new String[] {"redrive", f.toString(), "--bootstrap-server",
                    broker.controllers(), "--to-topic", "never-made"};
            Cli.Result r = Cli.run(args);
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).isEqualTo("onfailure: " + broker.controllers() + " is a controller"
                    + " listener, not a broker's: give a broker listener in --bootstrap-server\n");
        }
        try (dev.onfailure.sources.TlsRelay tls = dev.onfailure.sources.TlsRelay.start(dir,
                java.net.URI.create("tcp://" + broker.bootstrap()), "ip:127.0.0.1")) {
            String at = tls.endpoint().getAuthority();
            Path config = Files.writeString(dir.resolve("ssl.properties"), "security.protocol=SSL\n");
            Cli.Result r = Cli.run("fetch", f.toString(), "--bootstrap-server", at, "--kafka-config",
                    config.toString(), "--timeout", "10s");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("onfailure: the certificate of " + at + " is not trusted (signed by no"
                    + " certificate in the JDK's trust store): set ssl.truststore.location (ssl.truststore.type=PEM"
                    + " for a PEM file) in the --kafka-config file to the certificate that signed it\n");
        }
        java.net.URI target = java.net.URI.create("tcp://" + broker.bootstrap());
        try (dev.onfailure.sources.TlsRelay expired = dev.onfailure.sources.TlsRelay.startSigned(dir, target,
                "ip:127.0.0.1", "-3d", 1); dev.onfailure.sources.TlsRelay mutual = dev.onfailure.sources.TlsRelay
                        .startSigned(dir, target, "ip:127.0.0.1", "-1d", 3).requireClientCertificate()) {
            for (dev.onfailure.sources.TlsRelay relay : List.of(expired, mutual)) {
                String at = relay.endpoint().getAuthority();
                Path config = Files.writeString(dir.resolve("ssl-" + relay.endpoint().getPort() + ".properties"),
                        "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location="
                                + relay.certificate() + "\n");
                for (String command : List.of("fetch", "redrive")) {
                    Cli.Result r = command.equals("fetch")
                            ? Cli.run("fetch", f.toString(), "--bootstrap-server", at, "--kafka-config",
                                    config.toString(), "--timeout", "10s")
                            : Cli.run("redrive", f.toString(), "--bootstrap-server", at, "--kafka-config",
                                    config.toString(), "--timeout", "10s", "--to-topic", "never-made");
                    assertThat(r.code()).as(command).isEqualTo(2);
                    if (relay == expired) {
                        assertThat(r.err()).as(command).isEqualTo("onfailure: the certificate of " + at + " is not"
                                + " trusted (it expired at " + relay.served().getNotAfter().toInstant() + ")\n");
                    } else {
                        // the alert, when the client reads it; when the listener cut the connection first (a TCP
                        // race of TLS 1.3), the client tries until the timeout, and the hint's handshake tells why
                        String remedy = ": set ssl.keystore.location (and ssl.keystore.password) in the"
                                + " --kafka-config file to the client's key and certificate\n";
                        assertThat(r.err()).as(command).isIn("onfailure: " + at + " wants a client certificate"
                                + " (mutual TLS) and was given none" + remedy, "onfailure: bootstrap server " + at
                                + " did not answer within 10 s; it wants a client certificate (mutual TLS)" + remedy);
                    }
                }
            }
        }
    }

    /**
     * A client whose security protocol is not the listener's gets no answer until the timeout: fetch and redrive say
     * which way round it is, as kafka:// does, instead of asking whether the cluster is up.
     */
    @Test
    void fetchAndRedrive_theWrongSecurityProtocol_isSaidAtTheTimeout() throws Exception {
        Path f = file("sqs-protocol.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-protocol").get(0));
        Path ssl = Files.writeString(dir.resolve("ssl-client.properties"), "security.protocol=SSL\n");
        try (dev.onfailure.sources.TlsRelay tls = dev.onfailure.sources.TlsRelay.start(dir,
                java.net.URI.create("tcp://" + broker.bootstrap()), "ip:127.0.0.1")) {
            String at = tls.endpoint().getAuthority();
            for (String command : List.of("fetch", "redrive")) {
                List<String> args = new ArrayList<>(List.of(command, f.toString(), "--timeout", "3s"));
                if (command.equals("redrive")) {
                    args.addAll(List.of("--to-topic", "orders-replay", "--checkpoint",
                            dir.resolve("protocol.checkpoint").toString()));
                }
                List<String> plaintextAtTls = new ArrayList<>(args);
                plaintextAtTls.addAll(List.of("--bootstrap-server", at));
                Cli.Result r = Cli.run(plaintextAtTls.toArray(String[]::new));
                assertThat(r.code()).as(command).isEqualTo(2);
                // the listener's alert, read as a response's size (350 MB), is allocated or not as the heap allows
                String speaksTls = "; it speaks TLS: set security.protocol=SSL (or SASL_SSL) in the --kafka-config"
                        + " file\n";
                assertThat(r.err()).as(command).isIn("onfailure: bootstrap server " + at + " did not answer within"
                        + " 3 s" + speaksTls, "onfailure: bootstrap server " + at + " answered with something that is"
                        + " not Kafka" + speaksTls);

                List<String> tlsAtPlaintext = new ArrayList<>(args);
                tlsAtPlaintext.addAll(List.of("--bootstrap-server", broker.bootstrap(), "--kafka-config",
                        ssl.toString()));
                r = Cli.run(tlsAtPlaintext.toArray(String[]::new));
                assertThat(r.code()).as(command).isEqualTo(2);
                assertThat(r.err()).as(command).isEqualTo("onfailure: bootstrap server " + broker.bootstrap()
                        + " did not answer within 3 s; it does not answer a TLS handshake: if its listener is"
                        + " plaintext, set security.protocol=PLAINTEXT (or SASL_PLAINTEXT) in the --kafka-config"
                        + " file\n");
            }
        }
        assertThat(dir.resolve("protocol.checkpoint")).doesNotExist();
    }

    @Test
    void fetch_sqsRecord_withoutACluster_saysWhatIsMissing() throws Exception {
        Path f = file("sqs.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-9").get(0));
        Cli.Result r = Cli.run("fetch", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("onfailure: " + f + ": an SQS/SNS failure record carries no records, only "
                + "offsets: give --bootstrap-server to read them from the cluster\n");
    }

    @Test
    void redrive_sendsEachRecordOnce_andARerunSendsNothing() throws Exception {
        Path f = file("sqs.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-10").get(0));
        Path cp = dir.resolve("redrive.checkpoint");
        Cli.Result dry = Cli.run("redrive", f.toString(), "--bootstrap-server", broker.bootstrap(), "--to-topic",
                "orders-replay", "--dry-run", "--checkpoint", cp.toString());
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("orders-eu-west-1-0@2 -> orders-replay (key 5 bytes, value ")
                .endsWith("dry run: would send 15 records; checkpoint " + cp + "\n");
        assertThat(broker.readAll("orders-replay")).isEmpty();

        Cli.Result run = Cli.run("redrive", f.toString(), "--bootstrap-server", broker.bootstrap(), "--to-topic",
                "orders-replay", "--checkpoint", cp.toString(), "--keep-timestamp");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("onfailure: redrive: checkpoint " + cp);
        assertThat(run.out()).isEqualTo("sent 15 of 15 records to orders-replay\n");
        Cli.Result again = Cli.run("redrive", f.toString(), "--bootstrap-server", broker.bootstrap(), "--to-topic",
                "orders-replay", "--checkpoint", cp.toString(), "--keep-timestamp");
        assertThat(again.out()).isEqualTo("sent 0 of 15 records to orders-replay; 15 sent by an earlier run\n");

        List<ConsumerRecord<byte[], byte[]>> target = broker.readAll("orders-replay");
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> t : target) {
            assertThat(ids.add(Redriver.provenance(t).orElseThrow())).isTrue();
        }
        assertThat(ids).hasSize(15);
    }

    @Test
    void redrive_toItsOwnTopic_isRefused() throws Exception {
        Path f = file("sqs.json", Batches.failureRecords(batch(), Kind.SQS_SNS, "req-11").get(0));
        Cli.Result r = Cli.run("redrive", f.toString(), "--bootstrap-server", broker.bootstrap(), "--to-topic", TOPIC,
                "--checkpoint", dir.resolve("own.checkpoint").toString());
        assertThat(r.code()).isEqualTo(2);
        // the one line, and no checkpoint named or left behind: nothing was or will be sent
        assertThat(r.err()).endsWith("onfailure: record orders-eu-west-1-0@2 came from orders-eu-west-1: redriving "
                + "to its own topic needs --to-source\n").doesNotContain("checkpoint");
        assertThat(dir.resolve("own.checkpoint")).doesNotExist();
    }
}
