package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.TopicPartition;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.validator.FindingCode;
import java.util.Optional;

/**
 * Every {@code recordsInfo} key, and every key of the payload's {@code records}, is {@code <legal topic>-<partition>},
 * split on the last hyphen. A key without a hyphen before a number contradicts AWS's text ("Each of the keys under
 * recordsInfo contains both the Kafka topic and partition, separated by a hyphen"): an error in both profiles. A
 * partition with a leading zero or beyond int32, or a topic name Kafka would refuse, breaks Kafka's rules, which AWS
 * does not restate: a warning under tolerant, an error under strict.
 */
public final class TopicPartitionKeyRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        if (ctx.keysAreVouched()) {
            return;   // the fast schema check has seen every key parse
        }
        if (r.batchInfo() instanceof KafkaBatchInfo info) {
            for (String key : info.recordsInfo().keySet()) {
                explain(key).ifPresent(reason -> report(ctx, key,
                        JsonPointer.append("/KafkaBatchInfo/recordsInfo", key), reason));
            }
        }
        ctx.payloadEvent().ifPresent(event -> {
            boolean object = r.payloadIfAny().map(p -> p.form() == Payload.Form.OBJECT).orElse(false);
            for (String key : event.records().keySet()) {
                explain(key).ifPresent(reason -> report(ctx, key,
                        object ? JsonPointer.append("/payload/records", key) : "/payload",
                        reason + (object ? "" : " (a key of the payload string's records)")));
            }
        });
    }

    private static void report(RuleContext ctx, String key, String pointer, String reason) {
        if (contradictsAws(key)) {
            ctx.report(FindingCode.TOPIC_PARTITION_KEY, pointer, "key", Texts.abbreviate(key), "reason", reason);
        } else {
            ctx.reportInferred(FindingCode.TOPIC_PARTITION_KEY, pointer, "key", Texts.abbreviate(key), "reason",
                    reason);
        }
    }

    /** True when {@code key} is not a topic, a hyphen and a number, as AWS's text describes every key. */
    static boolean contradictsAws(String key) {
        int hyphen = key.lastIndexOf('-');
        if (hyphen <= 0 || hyphen == key.length() - 1) {
            return true;
        }
        for (int i = hyphen + 1; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return true;
            }
        }
        return false;
    }

    /** Returns why {@code key} is not a topic-partition key, or empty when it is one. */
    public static Optional<String> explain(String key) {
        if (TopicPartition.isKey(key)) {
            return Optional.empty();
        }
        int hyphen = key.lastIndexOf('-');
        if (hyphen < 0) {
            return Optional.of("it has no hyphen before a partition number");
        }
        String topic = key.substring(0, hyphen);
        String partition = key.substring(hyphen + 1);
        if (partition.isEmpty() || !partition.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("\"" + Texts.abbreviate(partition) + "\" after the last hyphen is not a partition number");
        }
        if (partition.length() > 1 && partition.charAt(0) == '0') {
            return Optional.of("partition \"" + partition + "\" has a leading zero");
        }
        if (partition.length() > 10 || Long.parseLong(partition) > Integer.MAX_VALUE) {
            return Optional.of("partition " + Texts.abbreviate(partition) + " is beyond int32");
        }
        if (topic.isEmpty()) {
            return Optional.of("the topic name is empty");
        }
        if (topic.length() > TopicPartition.MAX_TOPIC_LENGTH) {
            return Optional.of("the topic name is " + topic.length() + " characters, over Kafka's 249");
        }
        if (topic.equals(".") || topic.equals("..")) {
            return Optional.of("\"" + topic + "\" is not a legal topic name");
        }
        return Optional.of("the topic name has characters outside [a-zA-Z0-9._-]");
    }
}
