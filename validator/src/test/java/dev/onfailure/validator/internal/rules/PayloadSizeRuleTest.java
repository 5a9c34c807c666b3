package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PayloadSizeRuleTest {

    private final Rule rule = new PayloadSizeRule();

    @Test
    void maxPayload_atOrUnderSixMegabytes_warns() {
        String at = replaceOnce(text("max-payload-null-response.sqs-sns.json"), "\"payloadSize\": 7340032",
                "\"payloadSize\": 6291456");
        assertThat(run(rule, at)).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/KafkaBatchInfo/payloadSize");
            assertThat(f.message()).isEqualTo("the condition is MaximumPayloadSizeExceeded but payloadSize 6291456 is"
                    + " not above 6291456 bytes (6 MB)");
        });
    }

    @Test
    void overTheLimit_orOtherConditions_areQuiet() {
        assertThat(run(rule, replaceOnce(text("max-payload-null-response.sqs-sns.json"), "\"payloadSize\": 7340032",
                "\"payloadSize\": 6291457"))).isEmpty();
        assertThat(run(rule, text("self-managed.sqs-sns.json"))).isEmpty();
    }
}
