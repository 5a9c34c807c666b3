package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TopicPartitionTest {

    @Test
    void parse_splitsAtTheLastHyphen() {
        assertThat(TopicPartition.parse("orders-eu-west-1-12")).contains(new TopicPartition("orders-eu-west-1", 12));
        assertThat(TopicPartition.parse("payments.v2-0")).contains(new TopicPartition("payments.v2", 0));
        assertThat(TopicPartition.parse("a-2147483647")).contains(new TopicPartition("a", Integer.MAX_VALUE));
        assertThat(TopicPartition.parse("--from-beginning-0")).contains(new TopicPartition("--from-beginning", 0));
        assertThat(TopicPartition.parse("orders--1")).contains(new TopicPartition("orders-", 1));
        assertThat(new TopicPartition("orders", 3).key()).isEqualTo("orders-3");
    }

    @Test
    void parse_rejectsWhatKafkaWouldNot() {
        for (String key : List.of("", "orders", "orders-", "-1", "orders-01", "orders-2147483648",
                "bad topic-0", "..-1", ".-1", "t-+1", "t-1 ", "tôpic-1", "x".repeat(250) + "-1")) {
            assertThat(TopicPartition.parse(key)).as(key).isEmpty();
            assertThat(TopicPartition.isKey(key)).as(key).isFalse();
        }
    }

    @Test
    void isKey_agreesWithParse() {
        for (String key : List.of("a-0", "orders-eu-west-1-12", "x".repeat(249) + "-7", "...-3", "a_b.C-9",
                "x".repeat(250) + "-7", "a-00", "a-9999999999", "a-1x")) {
            assertThat(TopicPartition.isKey(key)).as(key).isEqualTo(TopicPartition.parse(key).isPresent());
        }
    }

    @Test
    void isLegalTopic_kafkasRules() {
        assertThat(TopicPartition.isLegalTopic("x".repeat(249))).isTrue();
        assertThat(TopicPartition.isLegalTopic("x".repeat(250))).isFalse();
        assertThat(TopicPartition.isLegalTopic("...")).isTrue();
        for (String t : List.of("", ".", "..", "a b", "a/b", "a:b", "é")) {
            assertThat(TopicPartition.isLegalTopic(t)).as(t).isFalse();
        }
    }

    @Test
    void constructor_rejectsIllegalTopicsAndNegativePartitions() {
        assertThatThrownBy(() -> new TopicPartition("bad topic", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad topic");
        assertThatThrownBy(() -> new TopicPartition("t", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareTo_byTopicThenPartitionNumerically() {
        assertThat(new TopicPartition("a", 2)).isLessThan(new TopicPartition("a", 10));
        assertThat(new TopicPartition("a", 10)).isLessThan(new TopicPartition("b", 0));
    }
}
