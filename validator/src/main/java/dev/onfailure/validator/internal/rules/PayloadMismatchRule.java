package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.BatchInfo;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Timestamp;
import dev.onfailure.model.TopicBatchInfo;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.Severity;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload must agree with the metadata beside it: the same topic-partitions, the same first and last offsets and
 * timestamps, as many records as {@code batchSize}, the same {@code eventSourceArn} and {@code bootstrapServers}.
 *
 * <p>One documented exception: AWS's own Kafka-topic example disagrees with itself between {@code recordInfo} and
 * its payload, so under the tolerant profile that comparison only warns.
 */
final class PayloadMismatchRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        Optional<KafkaEvent> maybe = ctx.payloadEvent();
        if (maybe.isEmpty()) {
            return;
        }
        KafkaEvent event = maybe.get();
        BatchInfo info = r.batchInfo();
        if (info.batchSize() != event.recordCount()) {
            report(ctx, "/KafkaBatchInfo/batchSize", "batchSize is " + info.batchSize() + " but the payload holds "
                    + event.recordCount() + " record" + (event.recordCount() == 1 ? "" : "s"));
        }
        compare(ctx, "eventSourceArn", info.eventSourceArn(), event.eventSourceArn());
        compare(ctx, "bootstrapServers", JsonField.of(info.bootstrapServers()), event.bootstrapServers());
        if (info instanceof KafkaBatchInfo batch) {
            ranges(ctx, batch, event);
        } else if (info instanceof TopicBatchInfo topic) {
            recordInfo(ctx, topic, event);
        }
    }

    private static void ranges(RuleContext ctx, KafkaBatchInfo info, KafkaEvent event) {
        Map<String, List<KafkaRecord>> byKey = new LinkedHashMap<>();
        for (KafkaRecord k : event.allRecords()) {
            byKey.computeIfAbsent(k.topic() + "-" + k.partition(), x -> new ArrayList<>()).add(k);
        }
        info.recordsInfo().forEach((key, range) -> {
            String at = JsonPointer.append("/KafkaBatchInfo/recordsInfo", key);
            List<KafkaRecord> records = byKey.get(key);
            if (records == null) {
                report(ctx, at, "recordsInfo has " + Texts.abbreviate(key) + " but the payload holds no record of it");
                return;
            }
            KafkaRecord first = records.get(0);
            KafkaRecord last = records.get(0);
            for (KafkaRecord k : records) {
                first = k.offset() < first.offset() ? k : first;
                last = k.offset() > last.offset() ? k : last;
            }
            String label = " of " + Texts.abbreviate(key);
            offset(ctx, at, "firstRecordOffset", range.firstRecordOffset(), first.offset(), label, false);
            offset(ctx, at, "lastRecordOffset", range.lastRecordOffset(), last.offset(), label, false);
            timestamp(ctx, at, "firstRecordTimestamp", range.firstRecordTimestamp(), first.timestamp(), label, false);
            timestamp(ctx, at, "lastRecordTimestamp", range.lastRecordTimestamp(), last.timestamp(), label, false);
        });
        for (String key : byKey.keySet()) {
            if (!info.recordsInfo().containsKey(key)) {
                report(ctx, "/KafkaBatchInfo/recordsInfo", "the payload holds records of " + Texts.abbreviate(key)
                        + " but recordsInfo has no entry for it");
            }
        }
    }

    private static void recordInfo(RuleContext ctx, TopicBatchInfo info, KafkaEvent event) {
        List<KafkaRecord> all = event.allRecords();
        if (all.size() != 1) {
            return;
        }
        KafkaRecord only = all.get(0);
        offset(ctx, "/KafkaBatchInfo/recordInfo", "offset", info.recordInfo().offset(), only.offset(), "", true);
        timestamp(ctx, "/KafkaBatchInfo/recordInfo", "timestamp", info.recordInfo().timestamp(), only.timestamp(), "",
                true);
    }

    private static void offset(RuleContext ctx, String at, String member, Offset declared, long actual, String label,
            boolean topic) {
        Optional<BigInteger> value = declared.toBigInteger();
        if (value.isPresent() && !value.get().equals(BigInteger.valueOf(actual))) {
            report(ctx, JsonPointer.append(at, member), member + " " + Texts.abbreviate(declared.text()) + label
                    + " differs from the payload's " + actual, topic);
        }
    }

    private static void timestamp(RuleContext ctx, String at, String member, Timestamp declared, long actualMillis,
            String label, boolean topic) {
        Optional<Instant> value = declared.toInstant();
        if (value.isPresent() && !value.get().equals(Instant.ofEpochMilli(actualMillis))) {
            report(ctx, JsonPointer.append(at, member), member + " " + declared.text() + label
                    + " differs from the payload's " + Timestamp.ofEpochMilli(actualMillis).text() + " ("
                    + actualMillis + ")", topic);
        }
    }

    private static void compare(RuleContext ctx, String member, JsonField<String> declared, JsonField<String> payload) {
        String a = declared.value().orElse(null);
        String b = payload.value().orElse(null);
        if (!Objects.equals(a, b)) {
            report(ctx, "/KafkaBatchInfo/" + member, member + " is " + describe(a) + " but the payload's is "
                    + describe(b));
        }
    }

    private static String describe(String value) {
        return value == null ? "missing" : "\"" + Texts.abbreviate(value) + "\"";
    }

    private static void report(RuleContext ctx, String pointer, String detail) {
        report(ctx, pointer, detail, false);
    }

    private static void report(RuleContext ctx, String pointer, String detail, boolean topicRecordInfo) {
        if (topicRecordInfo && ctx.profile() == Profile.TOLERANT) {
            ctx.report(FindingCode.PAYLOAD_MISMATCH, Severity.WARNING, pointer, "detail", detail);
        } else {
            ctx.report(FindingCode.PAYLOAD_MISMATCH, pointer, "detail", detail);
        }
    }

}
