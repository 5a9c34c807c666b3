package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.Condition;
import dev.onfailure.schema.Kind;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.Json;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * What {@link RecordBuilder} makes of any batch and any {@link FailureContext}: the metadata describes the batch, the
 * condition becomes {@code MaximumPayloadSizeExceeded} exactly when the batch is over 6 MB (for every destination),
 * and a Kafka-topic destination gets one record per Kafka record with its payload sorted and keyed by the original key.
 */
final class RecordBuilderProperties {

    private static final RecordCodec CODEC = RecordCodec.defaults();
    private static final List<Condition> CONDITIONS = List.of(Condition.RETRY_ATTEMPTS_EXHAUSTED,
            Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, Condition.RECORD_AGE_EXCEEDED, Condition.RETRIES_EXHAUSTED,
            Condition.of("MaximumRecordAgeExceeded"), Condition.of("Ünknown \"new\" condition"));

    /** Any context: every condition, every responseContext state, times from 1970 to 2100, odd request ids. */
    static Generator<FailureContext> contexts() {
        return e -> {
            JsonField<ResponseContext> response = switch (e.intBetween(0, 2)) {
                case 0 -> JsonField.absent();
                case 1 -> JsonField.ofNull();
                default -> JsonField.of(ResponseContext.builder().statusCode(e.intBetween(100, 599))
                        .executedVersion(e.chance(80) ? JsonField.of(e.pick(List.of("$LATEST", "7", "ü"))) : JsonField.absent())
                        .functionError(e.chance(80) ? JsonField.of(e.pick(List.of("Unhandled", "Handled"))) : JsonField.ofNull())
                        .build());
            };
            String id = e.chance(80) ? RecordGenerators.uuid(e) : e.pick(List.of("e4b46cbf-b738-xmpl-8880-a18cdf61200e",
                    "", "\"quoted\"", "ünïcode"));
            return new FailureContext(e.pick(CONDITIONS), "arn:aws:lambda:us-east-1:123456789012:function:"
                    + e.pick(List.of("f", "my-function:$LATEST", "g:7")), id, e.between(0, 10_000), response,
                    Instant.ofEpochMilli(e.between(0, 4_102_444_800_000L)));
        };
    }

    private static Gen<Built> built(Generator<KafkaEvent> events) {
        return QtEntropy.gen(e -> new Built(events.generate(e), contexts().generate(e),
                e.pick(List.of(Kind.SQS_SNS, Kind.S3, Kind.TOPIC))));
    }

    record Built(KafkaEvent event, FailureContext ctx, Kind destination) {
    }

    @Test
    void metadataDescribesTheBatch_forAnyContext() {
        qt().withFixedSeed(DocumentedExampleProperties.SEED).withExamples(300)
                .forAll(built(RecordGenerators.events(GeneratorOptions.defaults()))).checkAssert(RecordBuilderProperties::check);
    }

    @Test
    void oversizedBatches_areMaximumPayloadSizeExceeded_forEveryDestination() {
        // Two to four records of 1.5 to 3.2 MB each: sometimes every record alone is under 6 MB and the batch over.
        Generator<KafkaEvent> large = e -> {
            KafkaEvent small = RecordGenerators.events(GeneratorOptions.defaults()).generate(e);
            KafkaRecord first = small.allRecords().get(0);
            Map<String, List<KafkaRecord>> records = new LinkedHashMap<>();
            int n = e.intBetween(2, 4);
            List<KafkaRecord> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(first.toBuilder().offset(Math.max(0, first.offset() - n) + i)
                        .value(JsonField.of("QUFB".repeat(e.intBetween(400_000, 800_000)))).build());
            }
            records.put(first.topic() + "-" + first.partition(), list);
            return small.toBuilder().records(records).build();
        };
        java.util.concurrent.atomic.AtomicInteger over = new java.util.concurrent.atomic.AtomicInteger();
        qt().withFixedSeed(DocumentedExampleProperties.SEED).withExamples(6).forAll(built(large))
                .checkAssert(b -> {
                    if (check(b)) {
                        over.incrementAndGet();
                    }
                });
        assertThat(over.get()).as("examples over 6 MB").isPositive();
    }

    /** Checks what was built; returns whether the batch was over the limit. */
    private static boolean check(Built b) {
        KafkaEvent event = b.event();
        long size = RecordBuilder.payloadSize(event);
        boolean over = size > RecordBuilder.MAX_PAYLOAD_BYTES;
        List<KafkaFailureRecord> records = RecordBuilder.build(event, b.ctx(), b.destination());
        for (KafkaFailureRecord r : records) {
            if (over) {
                assertThat(r.requestContext().condition()).isEqualTo(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
                assertThat(r.responseContext().isNull()).isTrue();
            } else {
                assertThat(r.requestContext().condition()).isEqualTo(b.ctx().condition());
                assertThat(r.responseContext()).isEqualTo(b.ctx().response());
            }
            assertThat(r.requestContext().requestId()).isEqualTo(b.ctx().requestId());
            assertThat(CODEC.read(CODEC.write(r))).isEqualTo(r);
        }
        if (b.destination() != Kind.TOPIC) {
            assertThat(records).hasSize(1);
            KafkaBatchInfo info = (KafkaBatchInfo) records.get(0).batchInfo();
            assertThat(info.batchSize()).isEqualTo(event.recordCount());
            assertThat(info.payloadSize()).isEqualTo(size);
            assertThat(info.recordsInfo().keySet()).containsExactlyElementsOf(RecordBuilder.ranges(event).keySet());
            return over;
        }
        List<KafkaRecord> all = event.allRecords();
        List<TopicMessage> messages = RecordBuilder.topicMessages(event, b.ctx());
        assertThat(records).hasSize(all.size());
        assertThat(messages).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            TopicRecord t = (TopicRecord) records.get(i);
            assertThat(messages.get(i).value()).isEqualTo(t);
            assertThat(messages.get(i).key()).isEqualTo(all.get(i).key().value());
            assertThat(t.batchInfo().batchSize()).isEqualTo(1);
            assertThat(t.batchInfo().recordInfo().offset().text()).isEqualTo(Long.toString(all.get(i).offset()));
            assertThat(t.payload().event().allRecords()).containsExactly(all.get(i));
            String payload = Json.write(t.payload().toJson());
            assertThat(payload).isEqualTo(Json.write(t.payload().toJson(), WriteOptions.of(KeyOrder.SORTED,
                    Layout.COMPACT)));
        }
        return over;
    }
}
