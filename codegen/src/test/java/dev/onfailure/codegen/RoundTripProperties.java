package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import org.junit.jupiter.api.Test;

/** The lossless laws of the codec on generated records of every shape. */
final class RoundTripProperties {

    private static final RecordCodec CODEC = RecordCodec.defaults();

    @Test
    void readOfWrite_isTheRecord_andWriteIsStable() {
        qt().withExamples(400).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> {
                    KafkaFailureRecord x = g.record();
                    for (Layout layout : Layout.values()) {
                        String written = CODEC.write(x, WriteOptions.of(KeyOrder.AWS, layout));
                        KafkaFailureRecord back = CODEC.read(written);
                        assertThat(back).isEqualTo(x);
                        assertThat(CODEC.write(back, WriteOptions.of(KeyOrder.AWS, layout))).isEqualTo(written);
                    }
                    WriteOptions sorted = WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT);
                    String s = CODEC.write(x, sorted);
                    assertThat(CODEC.write(CODEC.read(s), sorted)).isEqualTo(s);
                    assertThat(CODEC.read(s).kind()).isEqualTo(x.kind());
                });
    }

    @Test
    void payloadEvents_roundTrip() {
        qt().withExamples(200).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> g.record().payloadIfAny().filter(p -> p.isEvent()).ifPresent(p -> {
                    KafkaEvent event = p.event();
                    String written = CODEC.write(event, WriteOptions.COMPACT);
                    assertThat(CODEC.readEvent(written)).isEqualTo(event);
                    assertThat(CODEC.write(CODEC.readEvent(written), WriteOptions.COMPACT)).isEqualTo(written);
                }));
    }

    @Test
    void records_fromBytes_equalRecordsThroughTheTree() {
        java.util.concurrent.atomic.AtomicInteger plain = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger all = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger general = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger withPayload = new java.util.concurrent.atomic.AtomicInteger();
        qt().withExamples(400).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> {
                    byte[] bytes = CODEC.write(g.record()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    KafkaFailureRecord viaTree = CODEC.read(Json.parse(bytes));
                    assertThat(CODEC.read(bytes)).isEqualTo(viaTree).isEqualTo(g.record());
                    if (g.record().kind() == dev.onfailure.schema.Kind.SQS_SNS) {
                        all.incrementAndGet();
                    }
                    java.util.Optional<? extends KafkaFailureRecord> fast = CODEC.readPlain(bytes);
                    if (fast.isPresent()) {
                        plain.incrementAndGet();
                        assertThat(fast.get()).isEqualTo(viaTree);
                    }
                    java.util.Optional<KafkaFailureRecord> any = CODEC.readBytes(bytes);
                    if (any.isPresent()) {
                        assertThat(any.get()).isEqualTo(viaTree);
                        assertThat(any.get().payloadIfAny().map(p -> p.toJson()))
                                .isEqualTo(viaTree.payloadIfAny().map(p -> p.toJson()));
                        if (g.record().kind() != dev.onfailure.schema.Kind.SQS_SNS) {
                            general.incrementAndGet();
                        }
                    } else if (fast.isPresent()) {
                        throw new AssertionError("the general byte reader declined a record the plain one read");
                    }
                    if (g.record().kind() != dev.onfailure.schema.Kind.SQS_SNS) {
                        withPayload.incrementAndGet();
                    }
                });
        assertThat(general.get()).as("S3 and Kafka-topic records read straight from bytes, of %d",
                withPayload.get()).isGreaterThan(withPayload.get() / 4);
        // the comparison above means nothing if the straight-from-bytes path declines every record
        assertThat(plain.get()).as("SQS/SNS records read straight from bytes, of %d", all.get())
                .isGreaterThan(all.get() / 4);
    }

    @Test
    void events_fromBytes_equalEventsThroughTheTree() {
        qt().withExamples(300).forAll(QtEntropy.gen(RecordGenerators.events(GeneratorOptions.defaults())))
                .checkAssert(event -> {
                    byte[] bytes = CODEC.write(event, WriteOptions.COMPACT).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(CODEC.readEvent(bytes)).isEqualTo(CODEC.readEvent(Json.parse(bytes))).isEqualTo(event);
                });
    }

    @Test
    void anyJsonValue_roundTripsThroughText() {
        qt().withExamples(1000).forAll(QtEntropy.gen(RecordGenerators.jsonValues(4))).checkAssert(v -> {
            for (Layout layout : Layout.values()) {
                String text = Json.write(v, WriteOptions.of(KeyOrder.AWS, layout));
                JsonValue back = Json.parse(text);
                assertThat(back).isEqualTo(v);
                assertThat(Json.write(back, WriteOptions.of(KeyOrder.AWS, layout))).isEqualTo(text);
            }
        });
    }
}
