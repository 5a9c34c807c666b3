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
import dev.onfailure.validator.FindingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The payload must agree with the metadata beside it. What rests on AWS's text (an S3 record's payload is "the entire
 * invocation record" of the batch its {@code KafkaBatchInfo} describes) is an error in both profiles: a
 * topic-partition on one side only, other first or last offsets, an S3 record whose {@code batchSize} is not the
 * payload's record count. What is inferred is a warning under tolerant and an error under strict: the timestamps of
 * the lowest and highest offsets (AWS does not say which record's timestamp {@code firstRecordTimestamp} is), a
 * different {@code eventSourceArn} or {@code bootstrapServers}, a Kafka-topic record's {@code batchSize} against its
 * payload (AWS: the metadata gives "details about the original batch") and its {@code recordInfo} against its payload
 * (AWS's own example disagrees with itself there).
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
                    + event.recordCount() + " record" + (event.recordCount() == 1 ? "" : "s"),
                    info instanceof TopicBatchInfo);
        }
        compare(ctx, "eventSourceArn", info.eventSourceArn(), event.eventSourceArn());
        compare(ctx, "bootstrapServers", JsonField.of(info.bootstrapServers()), event.bootstrapServers());
        if (info instanceof KafkaBatchInfo batch && batch.isSingleRecord()) {
            // The single-record form emulators write: compared as a Kafka-topic record's recordInfo.
            recordInfo(ctx, batch.recordInfo().get(), event);
        } else if (info instanceof KafkaBatchInfo batch) {
            ranges(ctx, batch, event);
        } else if (info instanceof TopicBatchInfo topic) {
            recordInfo(ctx, topic.recordInfo(), event);
        }
    }

    private static void ranges(RuleContext ctx, KafkaBatchInfo info, KafkaEvent event) {
        Map<String, List<KafkaRecord>> byKey = byKey(event);
        info.recordsInfo().forEach((key, range) -> {
            List<KafkaRecord> records = byKey.get(key);
            if (records == null) {
                report(ctx, JsonPointer.append("/KafkaBatchInfo/recordsInfo", key),
                        "recordsInfo has " + Texts.abbreviate(key) + " but the payload holds no record of it");
                return;
            }
            KafkaRecord first = records.get(0);
            KafkaRecord last = records.get(0);
            for (KafkaRecord k : records) {
                first = k.offset() < first.offset() ? k : first;
                last = k.offset() > last.offset() ? k : last;
            }
            offset(ctx, key, "firstRecordOffset", range.firstRecordOffset(), first.offset(), false);
            offset(ctx, key, "lastRecordOffset", range.lastRecordOffset(), last.offset(), false);
            timestamp(ctx, key, "firstRecordTimestamp", range.firstRecordTimestamp(), first.timestamp(), true);
            timestamp(ctx, key, "lastRecordTimestamp", range.lastRecordTimestamp(), last.timestamp(), true);
        });
        for (String key : byKey.keySet()) {
            if (!info.recordsInfo().containsKey(key)) {
                report(ctx, "/KafkaBatchInfo/recordsInfo", "the payload holds records of " + Texts.abbreviate(key)
                        + " but recordsInfo has no entry for it");
            }
        }
    }

    /**
     * The payload's records by the key of their own topic and partition, in the order first seen: the event's own map
     * when every record sits under its own key (as Lambda writes it), else grouped anew.
     */
    private static Map<String, List<KafkaRecord>> byKey(KafkaEvent event) {
        if (underOwnKeys(event)) {
            return event.records();
        }
        Map<String, List<KafkaRecord>> byKey = new LinkedHashMap<>();
        for (KafkaRecord k : event.allRecords()) {
            byKey.computeIfAbsent(k.topic() + "-" + k.partition(), x -> new ArrayList<>()).add(k);
        }
        return byKey;
    }

    /** Whether every list of the event's records is non-empty and every record in it is under its own key. */
    private static boolean underOwnKeys(KafkaEvent event) {
        for (Map.Entry<String, List<KafkaRecord>> e : event.records().entrySet()) {
            if (e.getValue().isEmpty()) {
                return false;
            }
            for (KafkaRecord k : e.getValue()) {
                if (!isKeyOf(e.getKey(), k)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code key} is {@code k.topic() + "-" + k.partition()}, without making that string. */
    static boolean isKeyOf(String key, KafkaRecord k) {
        String topic = k.topic();
        int t = topic.length();
        if (key.length() <= t + 1 || key.charAt(t) != '-' || !key.startsWith(topic)) {
            return false;
        }
        int partition = k.partition();
        if (partition < 0) {
            return key.equals(topic + "-" + partition);
        }
        int end = key.length();
        // the partition's decimal digits, from the last
        for (int i = end - 1; i > t; i--) {
            if (key.charAt(i) != '0' + partition % 10) {
                return false;
            }
            partition /= 10;
            if (partition == 0) {
                return i == t + 1;
            }
        }
        return false;
    }

    private static void recordInfo(RuleContext ctx, dev.onfailure.model.RecordInfo info, KafkaEvent event) {
        List<KafkaRecord> all = event.allRecords();
        if (all.size() != 1) {
            return;
        }
        KafkaRecord only = all.get(0);
        offset(ctx, null, "offset", info.offset(), only.offset(), true);
        timestamp(ctx, null, "timestamp", info.timestamp(), only.timestamp(), true);
    }

    /**
     * The pointer to {@code member} of the recordsInfo entry {@code key}, or of recordInfo when {@code key} is null;
     * made only when there is something to report (most records have nothing).
     */
    private static String pointer(String key, String member) {
        return key == null ? JsonPointer.append("/KafkaBatchInfo/recordInfo", member)
                : JsonPointer.append(JsonPointer.append("/KafkaBatchInfo/recordsInfo", key), member);
    }

    private static String label(String key) {
        return key == null ? "" : " of " + Texts.abbreviate(key);
    }

    private static void offset(RuleContext ctx, String key, String member, Offset declared, long actual,
            boolean inferred) {
        // as a long when it fits (every offset Kafka has); a decimal offset past Long.MAX_VALUE differs from any
        // payload offset, which is a long
        OptionalLong value = declared.toLong();
        if (value.isPresent() ? value.getAsLong() != actual : declared.isDecimal()) {
            report(ctx, pointer(key, member), member + " " + Texts.abbreviate(declared.text()) + label(key)
                    + " differs from the payload's " + actual, inferred);
        }
    }

    private static void timestamp(RuleContext ctx, String key, String member, Timestamp declared, long actualMillis,
            boolean inferred) {
        if (declared.isAwsForm() && isAwsText(declared.text(), actualMillis)) {
            return;   // the common case, told without parsing
        }
        Optional<Instant> value = declared.toInstant();
        if (value.isPresent() && !value.get().equals(Instant.ofEpochMilli(actualMillis))) {
            report(ctx, pointer(key, member), member + " " + declared.text() + label(key)
                    + " differs from the payload's " + Timestamp.ofEpochMilli(actualMillis).text() + " ("
                    + actualMillis + ")", inferred);
        }
    }

    /**
     * Whether {@code text}, a timestamp in AWS's form ({@link Timestamp#isAwsForm()}), is the instant {@code millis}
     * since the epoch: the date worked out from the day number (the proleptic Gregorian calendar, in eras of 400
     * years) and compared digit by digit, with nothing parsed or made.
     */
    static boolean isAwsText(String text, long millis) {
        long day = Math.floorDiv(millis, 86_400_000L);
        long ms = Math.floorMod(millis, 86_400_000L);
        long z = day + 719_468;   // days from 0000-03-01
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long dayOfMonth = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year >= 0 && year <= 9999 && digitsAre(text, 0, 4, year) && digitsAre(text, 5, 2, month)
                && digitsAre(text, 8, 2, dayOfMonth) && digitsAre(text, 11, 2, ms / 3_600_000)
                && digitsAre(text, 14, 2, ms / 60_000 % 60) && digitsAre(text, 17, 2, ms / 1000 % 60)
                && digitsAre(text, 20, 3, ms % 1000);
    }

    /** Whether the {@code count} characters of {@code text} at {@code from} are {@code value}'s decimal digits. */
    private static boolean digitsAre(String text, int from, int count, long value) {
        for (int i = from + count - 1; i >= from; i--) {
            if (text.charAt(i) != '0' + value % 10) {
                return false;
            }
            value /= 10;
        }
        return value == 0;
    }

    private static void compare(RuleContext ctx, String member, JsonField<String> declared, JsonField<String> payload) {
        String a = declared.value().orElse(null);
        String b = payload.value().orElse(null);
        if (!Objects.equals(a, b)) {
            report(ctx, "/KafkaBatchInfo/" + member, member + " is " + describe(a) + " but the payload's is "
                    + describe(b), true);
        }
    }

    private static String describe(String value) {
        return value == null ? "missing" : "\"" + Texts.abbreviate(value) + "\"";
    }

    private static void report(RuleContext ctx, String pointer, String detail) {
        report(ctx, pointer, detail, false);
    }

    private static void report(RuleContext ctx, String pointer, String detail, boolean inferred) {
        if (inferred) {
            ctx.reportInferred(FindingCode.PAYLOAD_MISMATCH, pointer, "detail", detail);
        } else {
            ctx.report(FindingCode.PAYLOAD_MISMATCH, pointer, "detail", detail);
        }
    }

}
