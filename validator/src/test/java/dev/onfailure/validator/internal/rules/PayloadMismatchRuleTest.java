package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.Severity;
import org.junit.jupiter.api.Test;

final class PayloadMismatchRuleTest {

    private final Rule rule = new PayloadMismatchRule();

    @Test
    void isKeyOf_agreesWithTheKeyMadeAsAString() {
        String[] topics = {"orders", "orders-1", "o", "a-0-0", "12", "t.x_y", "orders-"};
        int[] partitions = {0, 1, 7, 10, 12, 99, 100, 2147483647, -1, -12};
        java.util.List<String> keys = new java.util.ArrayList<>(java.util.List.of("", "-", "orders", "orders-", "orders-0",
                "orders-00", "orders-01", "orders-1-0", "orders--1", "orders-2147483647", "orders-2147483648", "o-7",
                "a-0-0-12", "12-12", "orders-1-", "orders-10", "orders-100", "orders-0-0", "t.x_y-99", "orders--12",
                "orders---1"));
        for (String topic : topics) {
            for (int partition : partitions) {
                keys.add(topic + "-" + partition);
                dev.onfailure.model.KafkaRecord k = dev.onfailure.model.KafkaRecord.builder().topic(topic)
                        .partition(partition).offset(1).timestamp(1).timestampType("CREATE_TIME").build();
                for (String key : keys) {
                    assertThat(PayloadMismatchRule.isKeyOf(key, k)).as("%s for %s/%d", key, topic, partition)
                            .isEqualTo(key.equals(topic + "-" + partition));
                }
            }
        }
    }

    @Test
    void recordsUnderAnotherKeyInThePayload_areComparedByTheirOwnTopicAndPartition() {
        String object = text("object-payload.s3.json");
        assertThat(run(rule, replaceOnce(object, "\"telemetry.raw-4\": [", "\"telemetry.raw-9\": ["))).isEmpty();
        assertThat(run(rule, replaceOnce(object, "\"partition\": 4", "\"partition\": 5"))).extracting(Finding::message)
                .containsExactly("recordsInfo has telemetry.raw-4 but the payload holds no record of it",
                        "the payload holds records of telemetry.raw-5 but recordsInfo has no entry for it");
    }

    @Test
    void consistentPayloads_areQuiet() {
        assertThat(run(rule, text("string-payload.s3.json"))).isEmpty();
        assertThat(run(rule, text("object-payload.s3.json"))).isEmpty();
        assertThat(run(rule, text("retries.topic.json"))).isEmpty();
    }

    @Test
    void eachContradiction_isReportedWhereItIs() {
        String s3 = text("string-payload.s3.json");
        assertThat(run(rule, replaceOnce(s3, "\"batchSize\": 3", "\"batchSize\": 4"))).extracting(Finding::message)
                .containsExactly("batchSize is 4 but the payload holds 3 records");
        assertThat(run(rule, replaceOnce(s3, "\"firstRecordOffset\": \"1200\"", "\"firstRecordOffset\": \"1199\"")))
                .extracting(Finding::pointer).containsExactly("/KafkaBatchInfo/recordsInfo/orders-0/firstRecordOffset");
        assertThat(run(rule, replaceOnce(s3, "\"lastRecordTimestamp\": \"2024-05-01T10:00:00.950Z\"",
                "\"lastRecordTimestamp\": \"2024-05-01T10:00:00.951Z\""))).extracting(Finding::message).containsExactly(
                "lastRecordTimestamp 2024-05-01T10:00:00.951Z of orders-0 differs from the payload's"
                        + " 2024-05-01T10:00:00.950Z (1714557600950)");
        assertThat(run(rule, replaceOnce(s3, "\"orders-1\": {", "\"orders-9\": {"))).extracting(Finding::message)
                .containsExactly("recordsInfo has orders-9 but the payload holds no record of it",
                        "the payload holds records of orders-1 but recordsInfo has no entry for it");
        String object = text("object-payload.s3.json");
        assertThat(run(rule, replaceOnce(object, "\"bootstrapServers\": \"broker.local:9092\",\n    \"payloadSize\"",
                "\"bootstrapServers\": \"other:9092\",\n    \"payloadSize\""))).extracting(Finding::message)
                .containsExactly("bootstrapServers is \"other:9092\" but the payload's is \"broker.local:9092\"");
    }

    @Test
    void offsets_areComparedByValue_pastALongToo() {
        String s3 = text("string-payload.s3.json");
        String first = "\"firstRecordOffset\": \"1200\"";
        assertThat(run(rule, replaceOnce(s3, first, "\"firstRecordOffset\": \"0000000000000000001200\""))).isEmpty();
        assertThat(run(rule, replaceOnce(s3, first, "\"firstRecordOffset\": \"x1200\""))).isEmpty();
        for (String past : new String[] {"9223372036854775808", "18446744073709552816", "1000000000000000001200"}) {
            assertThat(run(rule, replaceOnce(s3, first, "\"firstRecordOffset\": \"" + past + "\"")))
                    .extracting(Finding::message)
                    .containsExactly("firstRecordOffset " + past + " of orders-0 differs from the payload's 1200");
        }
    }

    @Test
    void topicRecordInfo_warnsTolerant_failsStrict() {
        String json = replaceOnce(text("retries.topic.json"), "\"offset\": \"4242\"", "\"offset\": \"4243\"");
        assertThat(run(rule, json, Profile.TOLERANT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(run(rule, json, Profile.STRICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void isAwsText_agreesWithTheTextWritten_forInstantsAcrossTheFourDigitYears() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(16);
        long min = java.time.Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long max = java.time.Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        java.util.List<Long> millis = new java.util.ArrayList<>(java.util.List.of(min, max, 0L, -1L, 1L,
                951_782_400_000L, 951_868_799_999L, 4_107_542_399_999L, 1_714_557_609_999L));
        for (int i = 0; i < 20_000; i++) {
            millis.add(r.nextLong(min, max + 1));
        }
        for (long m : millis) {
            String text = dev.onfailure.model.Timestamp.ofEpochMilli(m).text();
            assertThat(PayloadMismatchRule.isAwsText(text, m)).as(text).isTrue();
            // a millisecond, a second, a day and a year away are other texts
            for (long other : new long[] {m + 1, m - 1, m + 1000, m + 86_400_000L, m - 366L * 86_400_000L}) {
                assertThat(PayloadMismatchRule.isAwsText(text, other)).as(text + " vs " + other).isFalse();
            }
        }
        assertThat(PayloadMismatchRule.isAwsText("9999-12-31T23:59:59.999Z", max + 1)).isFalse();
        assertThat(PayloadMismatchRule.isAwsText("0000-01-01T00:00:00.000Z", min - 1)).isFalse();
    }
}
