package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class OffsetOrderRuleTest {

    private final Rule rule = new OffsetOrderRule();

    @Test
    void firstAfterLast_isReported() {
        String json = replaceOnce(text("record-age-no-response.sqs-sns.json"), "\"firstRecordOffset\": \"3001\"",
                "\"firstRecordOffset\": \"3100\"");
        assertThat(run(rule, json)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("kafka.offset-order");
            assertThat(f.pointer()).isEqualTo("/KafkaBatchInfo/recordsInfo/inventory-1/firstRecordOffset");
            assertThat(f.message()).isEqualTo("firstRecordOffset 3100 is after lastRecordOffset 3050 in inventory-1");
        });
    }

    @Test
    void comparedAsNumbers_notAsText() {
        // "900" > "1000" as text, but not as numbers; 56-digit values compare too
        String json = replaceOnce(replaceOnce(text("record-age-no-response.sqs-sns.json"), "\"firstRecordOffset\": \"3001\"",
                "\"firstRecordOffset\": \"900\""), "\"lastRecordOffset\": \"3050\"", "\"lastRecordOffset\": \"1000\"");
        assertThat(run(rule, json)).isEmpty();
        String big = replaceOnce(replaceOnce(text("record-age-no-response.sqs-sns.json"), "\"firstRecordOffset\": \"3001\"", "\"firstRecordOffset\": \"49601189658422359378836298522902373528957594348623495187\""), "\"lastRecordOffset\": \"3050\"", "\"lastRecordOffset\": \"49601189658422359378836298522902373528957594348623495186\"");
        assertThat(run(rule, big)).hasSize(1);
    }

    @Test
    void equalOrNonDecimal_isQuiet() {
        assertThat(run(rule, text("max-payload-null-response.sqs-sns.json"))).isEmpty();
        String letters = replaceOnce(text("record-age-no-response.sqs-sns.json"), "\"firstRecordOffset\": \"3001\"",
                "\"firstRecordOffset\": \"zzz\"");
        assertThat(run(rule, letters)).isEmpty();
    }
}
