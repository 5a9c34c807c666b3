package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Severity;
import org.junit.jupiter.api.Test;

final class UnknownConditionRuleTest {

    private final Rule rule = new UnknownConditionRule();

    @Test
    void unknownCondition_warnsInBothProfiles() {
        String json = replaceOnce(text("record-age-no-response.sqs-sns.json"), "RecordAgeExceeded", "BatchTooOld");
        for (Profile p : Profile.values()) {
            assertThat(run(rule, json, p)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.pointer()).isEqualTo("/requestContext/condition");
                assertThat(f.message()).startsWith("condition \"BatchTooOld\" is none of the known values");
            });
        }
    }

    @Test
    void knownConditions_areQuiet() {
        for (String c : new String[] {"RetryAttemptsExhausted", "MaximumPayloadSizeExceeded", "RecordAgeExceeded",
                "RetriesExhausted"}) {
            String json = replaceOnce(text("record-age-no-response.sqs-sns.json"), "RecordAgeExceeded", c);
            assertThat(run(rule, json)).as(c).isEmpty();
        }
    }
}
