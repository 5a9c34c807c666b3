package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Severity;
import org.junit.jupiter.api.Test;

final class OffsetInt64RuleTest {

    private final Rule rule = new OffsetInt64Rule();

    @Test
    void beyondInt64_warnsTolerant_failsStrict() {
        String json = replaceOnce(text("record-age-no-response.sqs-sns.json"), "\"lastRecordOffset\": \"3050\"",
                "\"lastRecordOffset\": \"9223372036854775808\"");
        assertThat(run(rule, json, Profile.TOLERANT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.pointer()).isEqualTo("/KafkaBatchInfo/recordsInfo/inventory-1/lastRecordOffset");
            assertThat(f.message()).isEqualTo("lastRecordOffset 9223372036854775808 is beyond Kafka's int64 offsets"
                    + " (at most 9223372036854775807) in inventory-1");
        });
        assertThat(run(rule, json, Profile.STRICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void int64Max_passes_andTopicRecordInfoIsChecked() {
        assertThat(run(rule, text("edge-values.sqs-sns.json"))).isEmpty();
        String topic = replaceOnce(text("retries.topic.json"), "\"offset\": \"4242\"", "\"offset\": \"99999999999999999999\"");
        assertThat(run(rule, topic)).singleElement().satisfies(f ->
                assertThat(f.pointer()).isEqualTo("/KafkaBatchInfo/recordInfo/offset"));
    }
}
