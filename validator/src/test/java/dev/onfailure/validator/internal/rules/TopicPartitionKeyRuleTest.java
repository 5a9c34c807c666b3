package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TopicPartitionKeyRuleTest {

    private final Rule rule = new TopicPartitionKeyRule();

    @Test
    void badKeys_areReportedWithAReason() {
        String json = replaceOnce(replaceOnce(text("self-managed.sqs-sns.json"), "\"orders-eu-west-1-12\":", "\"orders eu-12\":"), "\"payments.v2-0\":", "\"payments.v2-01\":");
        assertThat(run(rule, json)).extracting(f -> f.pointer() + " | " + f.message()).containsExactly(
                "/KafkaBatchInfo/recordsInfo/orders eu-12 | \"orders eu-12\" is not \"<topic>-<partition>\": the topic"
                        + " name has characters outside [a-zA-Z0-9._-]",
                "/KafkaBatchInfo/recordsInfo/payments.v2-01 | \"payments.v2-01\" is not \"<topic>-<partition>\":"
                        + " partition \"01\" has a leading zero");
    }

    @Test
    void explain_coversEveryWayAKeyCanBeWrong() {
        assertThat(TopicPartitionKeyRule.explain("orders-eu-west-1-12")).isEmpty();
        assertThat(TopicPartitionKeyRule.explain("Topic")).contains("it has no hyphen before a partition number");
        assertThat(TopicPartitionKeyRule.explain("t-x")).contains("\"x\" after the last hyphen is not a partition number");
        assertThat(TopicPartitionKeyRule.explain("t-")).get().asString().contains("not a partition number");
        assertThat(TopicPartitionKeyRule.explain("t-2147483648")).contains("partition 2147483648 is beyond int32");
        assertThat(TopicPartitionKeyRule.explain("-3")).contains("the topic name is empty");
        assertThat(TopicPartitionKeyRule.explain("..-3")).contains("\"..\" is not a legal topic name");
        assertThat(TopicPartitionKeyRule.explain("x".repeat(250) + "-0")).contains(
                "the topic name is 250 characters, over Kafka's 249");
        assertThat(TopicPartitionKeyRule.explain("x".repeat(2_000_000) + "-0")).isPresent();
    }

    @Test
    void payloadObjectKeys_areCheckedToo() {
        String json = replaceOnce(text("object-payload.s3.json"), "\"telemetry.raw-4\": [", "\"telemetry raw-4\": [");
        assertThat(run(rule, json)).extracting(f -> f.pointer()).contains("/payload/records/telemetry raw-4");
    }
}
