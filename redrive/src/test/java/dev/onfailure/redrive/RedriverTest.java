package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.schema.Kind;
import dev.onfailure.model.KafkaFailureRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RedriverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SOURCE = "payments-eu-1";

    private static TestBroker broker;
    private static final List<List<ConsumerRecord<byte[], byte[]>>> produced = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        broker.createTopic(SOURCE, 2, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            produced.add(Batches.produce(p, SOURCE, 0, 40, 10));
            produced.add(Batches.produce(p, SOURCE, 1, 40, 11));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    /** The records of an SQS failure record for offsets 5..34 of both partitions, fetched back from the cluster. */
    private static List<RedriveRecord> fetched() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(produced.get(0).subList(5, 35));
        batch.addAll(produced.get(1).subList(5, 35));
        KafkaFailureRecord record = Batches.failureRecords(batch, Kind.SQS_SNS, "req-1").get(0);
        List<RedriveRecord> out = new ArrayList<>();
        try (RangeFetcher f = RangeFetcher.connect(Map.of("bootstrap.servers", broker.bootstrap()), TIMEOUT)) {
            for (FetchedRange r : f.fetch(FetchRange.of(record))) {
                r.records().forEach(c -> out.add(new RedriveRecord("req-1", c)));
            }
        }
        return out;
    }

    private Redriver.Builder redriver(Target target, Path checkpoint) {
        return Redriver.builder().config(Map.of("bootstrap.servers", broker.bootstrap())).target(target)
                .checkpoint(checkpoint).timeout(TIMEOUT);
    }

    private static void assertEachOnce(List<ConsumerRecord<byte[], byte[]>> target, List<RedriveRecord> originals,
            boolean keptTimestamps) {
        Map<String, ConsumerRecord<byte[], byte[]>> byIdentity = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : target) {
            String id = Redriver.provenance(r).orElseThrow();
            assertThat(byIdentity.put(id, r)).as("%s redriven twice", id).isNull();
        }
        assertThat(byIdentity).hasSize(originals.size());
        for (RedriveRecord o : originals) {
            ConsumerRecord<byte[], byte[]> got = byIdentity.get(o.identity());
            assertThat(got).as(o.identity()).isNotNull();
            assertThat(got.key()).isEqualTo(o.record().key());
            assertThat(got.value()).isEqualTo(o.record().value());
            Header[] original = o.record().headers().toArray();
            Header[] all = got.headers().toArray();
            assertThat(Arrays.copyOf(all, original.length)).containsExactly(original);
            assertThat(new String(got.headers().lastHeader(Redriver.REQUEST_ID).value(), StandardCharsets.UTF_8))
                    .isEqualTo(o.requestId());
            assertThat(all).hasSize(original.length + 4);
            if (keptTimestamps) {
                assertThat(got.timestamp()).isEqualTo(o.record().timestamp());
            }
        }
    }

    @Test
    void redrive_toTopic_sendsEachRecordOnce_withProvenance_andARerunSendsNothing() throws Exception {
        broker.createTopic("payments-replay", 3, Map.of());
        List<RedriveRecord> records = fetched();
        assertThat(records).hasSize(60);
        Path cp = dir.resolve("a.checkpoint");

        RedriveReport first = redriver(Target.topic("payments-replay"), cp).keepTimestamp(true).build()
                .redrive(records);
        assertThat(first.sent()).isEqualTo(60);
        RedriveReport again = redriver(Target.topic("payments-replay"), cp).keepTimestamp(true).build()
                .redrive(records);
        assertThat(again.sent()).isZero();
        assertThat(again.alreadySent()).isEqualTo(60);

        assertEachOnce(broker.readAll("payments-replay"), records, true);
        assertThat(Files.readAllLines(cp)).last().isEqualTo("done");
    }

    @Test
    void lostCheckpoint_withReconcileSince_findsEarlierSendsInTheTarget_andSendsOnlyTheRest() throws Exception {
        broker.createTopic("payments-lambda", 2, Map.of());
        List<RedriveRecord> records = fetched();
        Instant before = Instant.now().minus(Duration.ofMinutes(5));
        // Another execution environment sent the first 25 and was then lost, checkpoint and all.
        redriver(Target.topic("payments-lambda"), dir.resolve("gone.checkpoint")).build()
                .redrive(records.subList(0, 25));
        // Someone else's record in the target, after ours: read past, not counted.
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            p.send(new ProducerRecord<>("payments-lambda", 0, new byte[] {1}, new byte[] {2})).get();
        }

        RedriveReport rerun = redriver(Target.topic("payments-lambda"), dir.resolve("fresh.checkpoint"))
                .reconcileSince(before).build().redrive(records);

        assertThat(rerun.reconciled()).isEqualTo(25);
        assertThat(rerun.alreadySent()).isEqualTo(25);
        assertThat(rerun.sent()).isEqualTo(35);
        List<ConsumerRecord<byte[], byte[]>> target = broker.readAll("payments-lambda");
        assertThat(target).hasSize(61);
        assertEachOnce(target.stream().filter(r -> Redriver.provenance(r).isPresent()).toList(), records, false);
    }

    @Test
    void reconcileSince_afterTheEarlierSends_doesNotSeeThem() throws Exception {
        // The contract's other side: since must not be later than the earlier attempt, or it is not found.
        broker.createTopic("payments-late", 1, Map.of());
        List<RedriveRecord> records = fetched();
        redriver(Target.topic("payments-late"), dir.resolve("gone.checkpoint")).build().redrive(records.subList(0, 5));

        RedriveReport rerun = redriver(Target.topic("payments-late"), dir.resolve("fresh.checkpoint"))
                .reconcileSince(Instant.now().plus(Duration.ofHours(1))).build().redrive(records.subList(0, 5));

        assertThat(rerun.reconciled()).isZero();
        assertThat(rerun.sent()).isEqualTo(5);
    }

    @Test
    void reconcileSince_withKeepTimestamp_isRefused() {
        assertThatThrownBy(() -> redriver(Target.topic("x"), dir.resolve("c")).keepTimestamp(true)
                .reconcileSince(Instant.now()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keepTimestamp");
    }

    /** A server that is not Kafka: its first bytes, read as a response's size, ask for more than any array holds. */
    @Test
    void serverThatIsNotKafka_isARecoveryExceptionNotAnOutOfMemoryError() throws Exception {
        List<RedriveRecord> records = fetched();
        try (NotKafkaServer s = new NotKafkaServer()) {
            String at = s.address();
            Redriver r = Redriver.builder().config(Map.of("bootstrap.servers", at)).target(Target.topic("x"))
                    .checkpoint(dir.resolve("not-kafka.checkpoint")).timeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> r.redrive(records))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessage(at + " answered with something that is not Kafka (its first bytes, read as the size"
                            + " of a response, asked for more memory than there is): is it the address of a Kafka"
                            + " listener?");
        }
    }

    @Test
    void recordsNamedTwice_areSentOnce() throws Exception {
        broker.createTopic("payments-twice", 1, Map.of());
        List<RedriveRecord> records = fetched();
        List<RedriveRecord> twice = new ArrayList<>(records);
        twice.addAll(records.subList(0, 10));
        RedriveReport r = redriver(Target.topic("payments-twice"), dir.resolve("t.checkpoint")).build().redrive(twice);
        assertThat(r.duplicates()).isEqualTo(10);
        assertThat(r.sent()).isEqualTo(60);
        assertEachOnce(broker.readAll("payments-twice"), records, false);
    }

    @Test
    void ownTopic_isRefused_withoutToSource_andNothingIsSent() throws Exception {
        List<RedriveRecord> records = fetched();
        long before = broker.readAll(SOURCE).size();
        assertThatThrownBy(() -> redriver(Target.topic(SOURCE), dir.resolve("own.checkpoint")).build()
                .redrive(records))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("came from payments-eu-1: redriving to its own topic needs --to-source");
        assertThat(broker.readAll(SOURCE)).hasSize((int) before);
        assertThat(dir.resolve("own.checkpoint")).doesNotExist();
    }

    @Test
    void toSource_writesToTheOriginalPartitions() throws Exception {
        broker.createTopic("source-back", 2, Map.of());
        List<ConsumerRecord<byte[], byte[]>> originals;
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            originals = new ArrayList<>(Batches.produce(p, "source-back", 0, 5, 20));
            originals.addAll(Batches.produce(p, "source-back", 1, 5, 21));
        }
        List<RedriveRecord> records = originals.stream().map(c -> new RedriveRecord("req-s", c)).toList();
        RedriveReport r = redriver(Target.source(), dir.resolve("s.checkpoint")).build().redrive(records);
        assertThat(r.sent()).isEqualTo(10);
        List<ConsumerRecord<byte[], byte[]>> all = broker.readAll("source-back");
        assertThat(all).hasSize(20);
        List<ConsumerRecord<byte[], byte[]>> redriven = all.stream()
                .filter(c -> Redriver.provenance(c).isPresent()).toList();
        assertEachOnce(redriven, records, false);
        redriven.forEach(c -> assertThat(Redriver.provenance(c).orElseThrow())
                .startsWith("source-back " + c.partition() + " "));
    }

    @Test
    void dryRunPlan_showsWhereEachRecordGoes_andSendsNothing() {
        List<RedriveRecord> records = fetched();
        List<Redriver.Outgoing> plan = redriver(Target.topic("nowhere-yet"), dir.resolve("d.checkpoint")).build()
                .plan(records);
        assertThat(plan).hasSize(60).allMatch(o -> o.record().topic().equals("nowhere-yet"));
        assertThat(dir.resolve("d.checkpoint")).doesNotExist();
    }

    @Test
    void timeout_zeroOrNegative_isRefusedNamingIt() {
        for (java.time.Duration d : List.of(java.time.Duration.ZERO, java.time.Duration.ofSeconds(-1))) {
            assertThatThrownBy(() -> Redriver.builder().timeout(d)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive: " + d);
        }
    }

    @Test
    void missingTargetTopic_isOneClearLine() {
        assertThatThrownBy(() -> redriver(Target.topic("no-such-target"), dir.resolve("m.checkpoint")).build()
                .redrive(fetched()))
                .isInstanceOf(RecoveryException.class)
                .hasMessageStartingWith("target topic no-such-target does not exist on " + broker.bootstrap());
        // nothing was recorded: the checkpoint this run made is not left behind
        assertThat(dir.resolve("m.checkpoint")).doesNotExist();
    }

    @Test
    void missingTargetTopic_leavesAGivenCheckpointFileInPlace() throws Exception {
        Path given = Files.writeString(dir.resolve("given.checkpoint"), "");
        assertThatThrownBy(() -> redriver(Target.topic("no-such-target"), given).build().redrive(fetched()))
                .isInstanceOf(RecoveryException.class);
        assertThat(given).exists();
    }

    @Test
    void checkpointOfAnotherTarget_isRefused() throws Exception {
        broker.createTopic("payments-other", 1, Map.of());
        Path cp = dir.resolve("x.checkpoint");
        redriver(Target.topic("payments-other"), cp).build().redrive(fetched().subList(0, 2));
        assertThatThrownBy(() -> redriver(Target.topic("payments-replay2"), cp).build().redrive(fetched()))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("checkpoint " + cp + " is for topic:payments-other, not topic:payments-replay2"
                        + " (give another --checkpoint)");
    }

    /**
     * A real producer that, at its {@code n}th send, lets the broker acknowledge the record but never tells the
     * caller, then fails: the worst moment to stop, between the acknowledgement and the checkpoint line.
     */
    static final class FaultyProducer extends KafkaProducer<byte[], byte[]> {

        private final int n;
        private final AtomicInteger sends = new AtomicInteger();

        FaultyProducer(Map<String, Object> config, int n) {
            super(config);
            this.n = n;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (sends.incrementAndGet() == n) {
                try {
                    super.send(record).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                throw new KafkaException("injected fault after the broker acknowledged send " + n);
            }
            return super.send(record, callback);
        }
    }

    @Test
    void faultMidway_thenRerun_deliversEachRecordExactlyOnce() throws Exception {
        broker.createTopic("payments-fault", 3, Map.of());
        List<RedriveRecord> records = fetched();
        Path cp = dir.resolve("f.checkpoint");

        assertThatThrownBy(() -> redriver(Target.topic("payments-fault"), cp)
                .producers(c -> new FaultyProducer(c, 25)).build().redrive(records))
                .isInstanceOf(RecoveryException.class)
                .hasMessageContaining("injected fault after the broker acknowledged send 25")
                .hasMessageContaining("run the same command again to send the rest");
        assertThat(broker.readAll("payments-fault")).hasSize(25);
        assertThat(Files.readAllLines(cp)).filteredOn(l -> l.startsWith("sent ")).hasSize(24);

        RedriveReport rerun = redriver(Target.topic("payments-fault"), cp).build().redrive(records);
        assertThat(rerun.reconciled()).isEqualTo(1);
        assertThat(rerun.alreadySent()).isEqualTo(25);
        assertThat(rerun.sent()).isEqualTo(35);
        assertEachOnce(broker.readAll("payments-fault"), records, false);
    }

    @Test
    void killedProcess_thenRerun_deliversEachRecordExactlyOnce() throws Exception {
        broker.createTopic("kill-source", 2, Map.of());
        broker.createTopic("kill-target", 3, Map.of());
        List<ConsumerRecord<byte[], byte[]>> originals = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of("linger.ms", 5))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                acks.add(p.send(new ProducerRecord<>("kill-source", i % 2, ("k" + i).getBytes(StandardCharsets.UTF_8),
                        ("v" + i).getBytes(StandardCharsets.UTF_8))));
            }
            for (Future<RecordMetadata> a : acks) {
                a.get();
            }
        }
        Path cp = dir.resolve("k.checkpoint");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RedriveChild.class.getName(), broker.bootstrap(), "kill-source", "kill-target", cp.toString(), "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(cp) || Files.readString(cp).lines().filter(l -> l.startsWith("sent ")).count() == 0) {
            assertThat(child.isAlive()).as("child still running; its log: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("child made progress in time").isLessThan(deadline);
            Thread.sleep(50);
        }
        child.destroyForcibly();
        child.waitFor();
        long sentBefore = Files.readString(cp).lines().filter(l -> l.startsWith("sent ")).count();
        assertThat(Files.readString(cp)).doesNotContain("done");
        int inTarget = broker.readAll("kill-target").size();
        assertThat(inTarget).isLessThan(3000).isGreaterThanOrEqualTo((int) sentBefore);

        List<RedriveRecord> records = RedriveChild.records(broker.bootstrap(), "kill-source");
        RedriveReport rerun = redriver(Target.topic("kill-target"), cp).build().redrive(records);
        assertThat(rerun.alreadySent()).isEqualTo(inTarget);
        assertThat(rerun.sent()).isEqualTo(3000 - inTarget);
        assertEachOnce(broker.readAll("kill-target"), records, false);
    }

    private String log() throws java.io.IOException {
        Path log = dir.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
