package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.JsonString;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Severity;
import org.junit.jupiter.api.Test;

final class PayloadNotEventRuleTest {

    private final Rule rule = new PayloadNotEventRule();

    @Test
    void placeholder_warnsTolerant_failsStrict() {
        String json = RuleTesting.withMember(text("string-payload.s3.json"), "payload", JsonString.of("<Whole Event>"));
        assertThat(run(rule, json, Profile.TOLERANT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.pointer()).isEqualTo("/payload");
            assertThat(f.message()).startsWith("the payload is not a Kafka invocation event: the payload string is not JSON");
        });
        assertThat(run(rule, json, Profile.STRICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void objectPayload_pointsAtTheFault() {
        String json = replaceOnce(text("object-payload.s3.json"), "\"partition\": 4,", "\"partition\": \"4\",");
        assertThat(run(rule, json)).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/payload/records/telemetry.raw-4/0/partition");
            assertThat(f.message()).contains("partition must be an integer, not a string");
        });
    }

    @Test
    void events_andRecordsWithoutPayload_areQuiet() {
        assertThat(run(rule, text("string-payload.s3.json"))).isEmpty();
        assertThat(run(rule, text("retries.topic.json"))).isEmpty();
        assertThat(run(rule, text("self-managed.sqs-sns.json"))).isEmpty();
    }
}
