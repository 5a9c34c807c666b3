package dev.onfailure.redrive;

import static dev.onfailure.redrive.KafkaRecordsProperties.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.schema.Kind;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.SqsSnsRecord;
import dev.onfailure.model.TopicPartition;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class RangeFetcherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOPIC = "orders-eu-west-1";

    private static TestBroker broker;
    private static List<List<ConsumerRecord<byte[], byte[]>>> produced = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        broker = TestBroker.start();
        broker.createTopic(TOPIC, 3, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            for (int partition = 0; partition < 3; partition++) {
                produced.add(Batches.produce(p, TOPIC, partition, 30, partition));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    private static RangeFetcher fetcher() {
        return RangeFetcher.connect(Map.of("bootstrap.servers", broker.bootstrap()), TIMEOUT);
    }

    private static List<ConsumerRecord<byte[], byte[]>> batch() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(produced.get(0).subList(5, 15));
        batch.addAll(produced.get(2).subList(0, 10));
        return batch;
    }

    private static List<ConsumerRecord<byte[], byte[]>> fetchAll(KafkaFailureRecord record) {
        try (RangeFetcher f = fetcher()) {
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            for (FetchedRange r : f.fetch(FetchRange.of(record))) {
                assertThat(r.absent()).as("%s log start %d end %d found %d", r.range(), r.logStartOffset(), r.endOffset(), r.found()).isEmpty();
                assertThat(r.found()).isEqualTo(r.expected());
                out.addAll(r.records());
            }
            return out;
        }
    }

    private static void assertSameRecords(List<ConsumerRecord<byte[], byte[]>> actual,
            List<ConsumerRecord<byte[], byte[]>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSame(actual.get(i), expected.get(i));
        }
    }

    @Test
    void sqsRecord_givesBackExactlyTheBatch() {
        KafkaFailureRecord record = Batches.failureRecords(batch(), Kind.SQS_SNS, "r-sqs").get(0);
        List<FetchRange> ranges = FetchRange.of(record);
        assertThat(ranges).extracting(FetchRange::basis).containsOnly(FetchRange.Basis.SPAN);
        assertSameRecords(fetchAll(record), batch());
    }

    @Test
    void s3Records_bothPayloadForms_giveBackExactlyTheBatch() {
        KafkaFailureRecord string = Batches.failureRecords(batch(), Kind.S3, "r-s3").get(0);
        assertThat(FetchRange.of(string)).extracting(FetchRange::basis).containsOnly(FetchRange.Basis.PAYLOAD);
        assertSameRecords(fetchAll(string), batch());
        assertSameRecords(fetchAll(Batches.s3WithObjectPayload(batch(), "r-s3o")), batch());
    }

    @Test
    void topicRecords_giveBackOneRecordEach() {
        List<FetchRange> ranges = new ArrayList<>();
        for (KafkaFailureRecord r : Batches.failureRecords(batch(), Kind.TOPIC, "r-topic")) {
            ranges.addAll(FetchRange.of(r));
        }
        assertThat(ranges).hasSize(20).allMatch(r -> r.first() == r.last() && r.expected() == 1);
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (RangeFetcher f = fetcher()) {
            f.fetch(ranges).forEach(r -> all.addAll(r.records()));
        }
        assertSameRecords(all, batch());
    }

    @Test
    void singleRange_expectsBatchSize() {
        List<ConsumerRecord<byte[], byte[]>> one = produced.get(1).subList(3, 9);
        KafkaFailureRecord record = Batches.failureRecords(one, Kind.SQS_SNS, "r-one").get(0);
        FetchRange range = FetchRange.of(record).get(0);
        assertThat(range.basis()).isEqualTo(FetchRange.Basis.BATCH_SIZE);
        assertThat(range.expected()).isEqualTo(6);
        assertSameRecords(fetchAll(record), one);
    }

    @Test
    void overlappingRanges_eachGetTheirRecords() {
        List<FetchRange> ranges = List.of(
                new FetchRange("a", new TopicPartition(TOPIC, 1), 0, 20, 21, FetchRange.Basis.SPAN),
                new FetchRange("b", new TopicPartition(TOPIC, 1), 5, 7, 3, FetchRange.Basis.SPAN),
                new FetchRange("c", new TopicPartition(TOPIC, 1), 18, 25, 8, FetchRange.Basis.SPAN),
                new FetchRange("d", new TopicPartition(TOPIC, 0), 29, 29, 1, FetchRange.Basis.SPAN));
        try (RangeFetcher f = fetcher()) {
            List<FetchedRange> got = f.fetch(ranges);
            assertSameRecords(got.get(0).records(), produced.get(1).subList(0, 21));
            assertSameRecords(got.get(1).records(), produced.get(1).subList(5, 8));
            assertSameRecords(got.get(2).records(), produced.get(1).subList(18, 26));
            assertSameRecords(got.get(3).records(), produced.get(0).subList(29, 30));
        }
    }

    @Test
    void rangeBeyondTheEnd_stopsAtTheEndOffset_andReportsTheRest() {
        FetchRange range = new FetchRange("x", new TopicPartition(TOPIC, 2), 25, 1_000_000, 1_000_000 - 24,
                FetchRange.Basis.SPAN);
        long started = System.nanoTime();
        try (RangeFetcher f = fetcher()) {
            FetchedRange r = f.fetch(List.of(range)).get(0);
            assertSameRecords(r.records(), produced.get(2).subList(25, 30));
            assertThat(r.absent()).containsExactly(new Absence(30, 1_000_000, Absence.Reason.BEYOND_END));
            assertThat(r.endOffset()).isEqualTo(30);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void rangeToTheLargestOffset_readsUpToTheEndOffset() {
        // last + 1 is past int64 here: the records must still be read, not reported absent (nor "aborted")
        FetchRange range = new FetchRange("x", new TopicPartition(TOPIC, 2), 25, Long.MAX_VALUE, 30,
                FetchRange.Basis.BATCH_SIZE);
        FetchRange whole = new FetchRange("y", new TopicPartition(TOPIC, 1), 0, Long.MAX_VALUE, Long.MAX_VALUE,
                FetchRange.Basis.SPAN);
        try (RangeFetcher f = fetcher()) {
            List<FetchedRange> got = f.fetch(List.of(range, whole));
            assertSameRecords(got.get(0).records(), produced.get(2).subList(25, 30));
            assertThat(got.get(0).absent()).containsExactly(new Absence(30, Long.MAX_VALUE,
                    Absence.Reason.BEYOND_END));
            assertSameRecords(got.get(1).records(), produced.get(1));
            assertThat(got.get(1).absentCount()).isEqualTo(Long.MAX_VALUE - 29);
        }
        assertThat(whole.span()).isEqualTo(Long.MAX_VALUE);
        assertThat(new FetchedRange(whole, List.of(), 5, 10, List.of(new Absence(0, 4, Absence.Reason.DELETED),
                new Absence(5, Long.MAX_VALUE, Absence.Reason.BEYOND_END))).absentCount()).isEqualTo(Long.MAX_VALUE);
        assertThat(new Absence(0, Long.MAX_VALUE, Absence.Reason.DELETED).count()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void deletedRecords_areReportedAsDeleted() throws Exception {
        broker.createTopic("deleted-part", 1, Map.of());
        List<ConsumerRecord<byte[], byte[]>> records;
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            records = Batches.produce(p, "deleted-part", 0, 20, 7);
        }
        KafkaFailureRecord record = Batches.failureRecords(records.subList(3, 13), Kind.SQS_SNS, "r-del")
                .get(0);
        broker.admin().deleteRecords(Map.of(new org.apache.kafka.common.TopicPartition("deleted-part", 0),
                RecordsToDelete.beforeOffset(8))).all().get(30, TimeUnit.SECONDS);
        try (RangeFetcher f = fetcher()) {
            FetchedRange r = f.fetch(FetchRange.of(record)).get(0);
            assertThat(r.expected()).isEqualTo(10);
            assertThat(r.found()).isEqualTo(5);
            assertThat(r.logStartOffset()).isEqualTo(8);
            assertThat(r.absent()).containsExactly(new Absence(3, 7, Absence.Reason.DELETED));
            assertSameRecords(r.records(), records.subList(8, 13));
        }
    }

    @Test
    void abortedTransaction_insideARange_isReported() throws Exception {
        broker.createTopic("tx-topic", 1, Map.of());
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of("transactional.id", "tx-test"))) {
            p.initTransactions();
            sendInTransaction(p, 0, 5, true);      // offsets 0-4, commit marker 5
            sendInTransaction(p, 5, 3, false);     // offsets 6-8, abort marker 9
            sendInTransaction(p, 8, 4, true);      // offsets 10-13, commit marker 14
        }
        FetchRange range = new FetchRange("tx", new TopicPartition("tx-topic", 0), 0, 14, 12, FetchRange.Basis.SPAN);
        try (RangeFetcher f = fetcher()) {
            FetchedRange r = f.fetch(List.of(range)).get(0);
            assertThat(r.records()).extracting(ConsumerRecord::offset)
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 10L, 11L, 12L, 13L);
            assertThat(r.absent()).containsExactly(
                    new Absence(5, 5, Absence.Reason.COMPACTED_OR_MARKER),
                    new Absence(6, 8, Absence.Reason.ABORTED),
                    new Absence(9, 9, Absence.Reason.COMPACTED_OR_MARKER),
                    new Absence(14, 14, Absence.Reason.COMPACTED_OR_MARKER));
        }
        try (RangeFetcher f = RangeFetcher.connect(Map.of("bootstrap.servers", broker.bootstrap(),
                "isolation.level", "read_uncommitted"), TIMEOUT)) {
            assertThat(f.fetch(List.of(range)).get(0).found()).isEqualTo(12);
        }
    }

    private static void sendInTransaction(KafkaProducer<byte[], byte[]> p, int from, int n, boolean commit) {
        p.beginTransaction();
        for (int i = from; i < from + n; i++) {
            p.send(new ProducerRecord<>("tx-topic", 0, null, ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        if (commit) {
            p.commitTransaction();
        } else {
            p.flush();
            p.abortTransaction();
        }
    }

    @Test
    void compactedTopic_reportsCompactedOffsets() throws Exception {
        broker.createTopic("compacted-topic", 1, Map.of("cleanup.policy", "compact", "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01", "delete.retention.ms", "100"));
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>("compacted-topic", 0, "same".getBytes(StandardCharsets.UTF_8),
                        ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
            // Later records roll the segment, so the cleaner may compact the first one.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            FetchRange range = new FetchRange("c", new TopicPartition("compacted-topic", 0), 0, 9, 10,
                    FetchRange.Basis.SPAN);
            try (RangeFetcher f = fetcher()) {
                while (true) {
                    p.send(new ProducerRecord<>("compacted-topic", 0, "other".getBytes(StandardCharsets.UTF_8),
                            new byte[] {1})).get();
                    FetchedRange r = f.fetch(List.of(range)).get(0);
                    if (r.found() < 10) {
                        assertThat(r.absent()).allMatch(a -> a.reason() == Absence.Reason.COMPACTED_OR_MARKER);
                        assertThat(r.found() + r.absentCount()).isEqualTo(10);
                        assertThat(r.records()).extracting(ConsumerRecord::offset).contains(9L);
                        return;
                    }
                    assertThat(System.nanoTime()).as("compaction within 90 s").isLessThan(deadline);
                    Thread.sleep(300);
                }
            }
        }
    }

    @Test
    void unknownTopic_andMissingPartition_areOneClearLine() {
        try (RangeFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(List.of(new FetchRange("x", new TopicPartition("no-such-topic", 0), 0,
                    1, 2, FetchRange.Basis.SPAN))))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessageStartingWith("topic no-such-topic does not exist on " + broker.bootstrap());
            assertThatThrownBy(() -> f.fetch(List.of(new FetchRange("x", new TopicPartition(TOPIC, 7), 0, 1, 2,
                    FetchRange.Basis.SPAN))))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessage("topic orders-eu-west-1 has no partition 7 (it has 3)");
            // unreadable names the same, range by range, without refusing anything
            assertThat(f.unreadable(new FetchRange("x", new TopicPartition("no-such-topic", 0), 0, 1, 2,
                    FetchRange.Basis.SPAN))).hasValue("topic no-such-topic does not exist on " + broker.bootstrap()
                            + " (or this client may not Describe it)");
            assertThat(f.unreadable(new FetchRange("x", new TopicPartition(TOPIC, 7), 0, 1, 2,
                    FetchRange.Basis.SPAN))).hasValue("topic orders-eu-west-1 has no partition 7 (it has 3)");
            FetchRange there = new FetchRange("x", new TopicPartition(TOPIC, 2), 0, 1, 2, FetchRange.Basis.SPAN);
            assertThat(f.unreadable(there)).isEmpty();
            assertThat(f.fetch(List.of(there))).hasSize(1);
        }
    }

    @Test
    void aControllerListener_isOneLineAskingForABrokers() {
        try (RangeFetcher f = RangeFetcher.connect(Map.of("bootstrap.servers", broker.controllers()),
                Duration.ofSeconds(10))) {
            assertThatThrownBy(() -> f.fetch(List.of(new FetchRange("x", new TopicPartition(TOPIC, 0), 0, 1, 2,
                    FetchRange.Basis.SPAN))))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessage(broker.controllers() + " is a controller listener, not a broker's: give a broker"
                            + " listener in --bootstrap-server");
        }
    }

    @Test
    void brokerDown_givesUpWithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long started = System.nanoTime();
        try (RangeFetcher f = RangeFetcher.connect(Map.of("bootstrap.servers", "127.0.0.1:" + port),
                Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> f.fetch(List.of(new FetchRange("x", new TopicPartition(TOPIC, 0), 0, 1, 2,
                    FetchRange.Basis.SPAN))))
                    .isInstanceOf(RecoveryException.class)
                    .hasMessage("bootstrap server 127.0.0.1:" + port + " did not answer within 2 s (is the cluster"
                            + " up and reachable?)");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    /** A server that is not Kafka: its first bytes, read as a response's size, ask for more than any array holds. */
    @Test
    void serverThatIsNotKafka_isARecoveryExceptionNotAnOutOfMemoryError() throws Exception {
        try (NotKafkaServer s = new NotKafkaServer()) {
            String at = s.address();
            try (RangeFetcher f = RangeFetcher.connect(Map.of("bootstrap.servers", at), Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> f.fetch(List.of(new FetchRange("x", new TopicPartition(TOPIC, 0), 0, 1, 2,
                        FetchRange.Basis.SPAN))))
                        .isInstanceOf(RecoveryException.class)
                        .hasMessage(at + " answered with something that is not Kafka (its first bytes, read as the"
                                + " size of a response, asked for more memory than there is): is it the address of a"
                                + " Kafka listener?");
            }
        }
    }

    @Test
    void offsetBeyondInt64_isRefusedBeforeAnyRead() {
        SqsSnsRecord record = (SqsSnsRecord) Batches.failureRecords(batch(), Kind.SQS_SNS, "r-big").get(0);
        String key = record.batchInfo().recordsInfo().keySet().iterator().next();
        RecordRange range = record.batchInfo().recordsInfo().get(key).toBuilder()
                .lastRecordOffset(Offset.of("49601189658422359378836298521827638475320189012309704722")).build();
        SqsSnsRecord big = record.toBuilder().batchInfo(record.batchInfo().toBuilder()
                .putRecordsInfo(key, range).build()).build();
        assertThatThrownBy(() -> FetchRange.of(big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(key + "/lastRecordOffset: offset 49601189658422359378836298521827638475320189012309704722"
                        + " has 56 digits: Kafka offsets are int64, at most 9223372036854775807 (19 digits)");
    }

    @Test
    void misuse_isRefusedNamingTheArgument() {
        assertThatThrownBy(() -> RangeFetcher.connect(null, TIMEOUT)).isInstanceOf(NullPointerException.class)
                .hasMessage("config");
        assertThatThrownBy(() -> RangeFetcher.connect(Map.of("bootstrap.servers", broker.bootstrap()),
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive: PT-1S");
        assertThatThrownBy(() -> Redriver.builder().config(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("settings");
    }
}
