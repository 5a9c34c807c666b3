package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.validator.Finding;
import dev.onfailure.validator.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ConditionResponseRuleTest {

    private final Rule rule = new ConditionResponseRule();

    @Test
    void maxPayload_withAnObject_isReported() {
        String json = replaceOnce(text("max-payload-null-response.sqs-sns.json"), "\"responseContext\": null",
                "\"responseContext\": {\"statusCode\": 200}");
        List<Finding> f = run(rule, json);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("kafka.condition-response");
            assertThat(x.pointer()).isEqualTo("/responseContext");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("the condition is MaximumPayloadSizeExceeded, so the function never ran"
                    + " and responseContext must be null, but it is an object");
        });
    }

    @Test
    void retryExhausted_withNullOrAbsent_isReported() {
        String json = text("self-managed.sqs-sns.json").replaceFirst("\"responseContext\": \\{[^}]*\\}",
                "\"responseContext\": null");
        assertThat(run(rule, json)).singleElement().extracting(Finding::message).asString().endsWith("but it is null");
        String absent = replaceOnce(text("record-age-no-response.sqs-sns.json"), "RecordAgeExceeded", "RetryAttemptsExhausted");
        assertThat(run(rule, absent)).singleElement().extracting(Finding::message).asString().endsWith("but it is absent");
    }

    @Test
    void consistentRecords_andOtherConditions_areQuiet() {
        assertThat(run(rule, text("self-managed.sqs-sns.json"))).isEmpty();
        assertThat(run(rule, text("max-payload-null-response.sqs-sns.json"))).isEmpty();
        assertThat(run(rule, text("record-age-no-response.sqs-sns.json"))).isEmpty();
        String maxAbsent = replaceOnce(text("record-age-no-response.sqs-sns.json"), "RecordAgeExceeded",
                "MaximumPayloadSizeExceeded");
        assertThat(run(rule, maxAbsent)).isEmpty();
    }
}
