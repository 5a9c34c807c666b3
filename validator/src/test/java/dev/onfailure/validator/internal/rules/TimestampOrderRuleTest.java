package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Severity;
import org.junit.jupiter.api.Test;

final class TimestampOrderRuleTest {

    private final Rule rule = new TimestampOrderRule();

    @Test
    void firstLaterThanLast_warnsInBothProfiles() {
        String json = replaceOnce(text("record-age-no-response.sqs-sns.json"), 
                "\"firstRecordTimestamp\": \"2024-04-30T09:40:00.000Z\"",
                "\"firstRecordTimestamp\": \"2024-04-30T09:41:00.000Z\"");
        for (Profile p : Profile.values()) {
            assertThat(run(rule, json, p)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.pointer()).isEqualTo("/KafkaBatchInfo/recordsInfo/inventory-1/firstRecordTimestamp");
                assertThat(f.message()).isEqualTo("firstRecordTimestamp 2024-04-30T09:41:00.000Z is later than"
                        + " lastRecordTimestamp 2024-04-30T09:40:03.000Z in inventory-1 (possible with CREATE_TIME,"
                        + " which producers set)");
            });
        }
    }

    @Test
    void textualComparison_agreesWithInstants() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < 5000; i++) {
            String a = dev.onfailure.model.Timestamp.ofEpochMilli(r.nextLong(0, 253_000_000_000_000L)).text();
            String b = r.nextBoolean() ? dev.onfailure.model.Timestamp.ofEpochMilli(r.nextLong(0, 253_000_000_000_000L))
                    .text() : java.time.Instant.ofEpochMilli(r.nextLong(0, 253_000_000_000_000L)).toString();
            boolean expected = java.time.Instant.parse(a).isAfter(java.time.Instant.parse(b));
            assertThat(TimestampOrderRule.later(a, b)).as(a + " vs " + b).isEqualTo(expected);
            assertThat(TimestampOrderRule.later(dev.onfailure.model.Timestamp.of(a), dev.onfailure.model.Timestamp.of(b)))
                    .as(a + " vs " + b).isEqualTo(expected);
        }
        assertThat(TimestampOrderRule.later("2024-01-01T00:00:00.000+01:00", "2023-12-31T23:30:00.000Z")).isFalse();
        assertThat(TimestampOrderRule.later("yesterday", "2024-01-01T00:00:00.000Z")).isFalse();
    }

    @Test
    void comparedAsInstants_acrossOffsets() {
        String json = replaceOnce(text("record-age-no-response.sqs-sns.json"), 
                "\"firstRecordTimestamp\": \"2024-04-30T09:40:00.000Z\"",
                "\"firstRecordTimestamp\": \"2024-04-30T10:40:00.000+01:00\"");
        assertThat(run(rule, json)).isEmpty();
        assertThat(run(rule, text("edge-values.sqs-sns.json"))).isEmpty();
    }
}
