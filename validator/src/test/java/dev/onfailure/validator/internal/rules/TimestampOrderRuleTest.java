package dev.onfailure.validator.internal.rules;

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
        String json = text("record-age-no-response.sqs-sns.json").replace(
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
    void comparedAsInstants_acrossOffsets() {
        String json = text("record-age-no-response.sqs-sns.json").replace(
                "\"firstRecordTimestamp\": \"2024-04-30T09:40:00.000Z\"",
                "\"firstRecordTimestamp\": \"2024-04-30T10:40:00.000+01:00\"");
        assertThat(run(rule, json)).isEmpty();
        assertThat(run(rule, text("edge-values.sqs-sns.json"))).isEmpty();
    }
}
