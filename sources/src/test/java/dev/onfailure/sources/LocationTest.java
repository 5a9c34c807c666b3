package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class LocationTest {

    @Test
    void parse_s3_bucketAndPrefix() {
        assertThat(Location.parse("s3://dlq-bucket/aws/lambda/")).isEqualTo(new Location.S3("dlq-bucket",
                "aws/lambda/"));
        assertThat(Location.parse("s3://dlq-bucket")).isEqualTo(new Location.S3("dlq-bucket", ""));
        assertThat(Location.parse("S3://dlq-bucket/x").uri()).isEqualTo("s3://dlq-bucket/x");
    }

    @Test
    void parse_sqs_nameOrUrl() {
        Location.Sqs byName = (Location.Sqs) Location.parse("sqs://orders-dlq");
        assertThat(byName.isUrl()).isFalse();
        assertThat(byName.name()).isEqualTo("orders-dlq");
        Location.Sqs byUrl = (Location.Sqs) Location.parse(
                "sqs://https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq");
        assertThat(byUrl.isUrl()).isTrue();
        assertThat(byUrl.name()).isEqualTo("orders-dlq");
        assertThat(byUrl.queue()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq");
    }

    @Test
    void parse_kafka_topic() {
        assertThat(Location.parse("kafka://orders.failures-v2")).isEqualTo(new Location.Kafka("orders.failures-v2"));
    }

    @Test
    void parse_badLocations_sayWhatIsExpected() {
        assertThatThrownBy(() -> Location.parse("s3://Bad_Bucket/x")).hasMessageStartingWith(
                "s3://Bad_Bucket/x: not an S3 location: the bucket name must be");
        assertThatThrownBy(() -> Location.parse("sqs://")).hasMessageStartingWith("sqs://: not an SQS location");
        assertThatThrownBy(() -> Location.parse("kafka://a/b")).hasMessageStartingWith(
                "kafka://a/b: not a Kafka location");
        assertThatThrownBy(() -> Location.parse("kafka://..")).hasMessageStartingWith("kafka://..: not a Kafka");
        assertThatThrownBy(() -> Location.parse("http://x")).hasMessage(
                "http://x: not a location: expected s3://bucket/prefix, sqs://queue or kafka://topic");
    }

    @Test
    void isLocation_onlyTheThreeSchemes() {
        assertThat(Location.isLocation("s3://b")).isTrue();
        assertThat(Location.isLocation("SQS://q")).isTrue();
        assertThat(Location.isLocation("kafka://t")).isTrue();
        assertThat(Location.isLocation("records/s3.json")).isFalse();
        assertThat(Location.isLocation("-")).isFalse();
    }

    @Test
    void mappingKey_followsTheAwsLayout() {
        assertThat(Origin.MappingKey.parse("aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-eu-1-12/2026/02/"
                + "28/2026-02-28T10.00.00-9d1b3c55-0a3f-4c4e-9a55-0b8c7d6e5f4a"))
                .contains(new Origin.MappingKey("3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b", "orders-eu-1-12",
                        LocalDate.of(2026, 2, 28)));
        assertThat(Origin.MappingKey.parse("aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/s/2026/02/30/x"))
                .as("no such date").isEmpty();
        assertThat(Origin.MappingKey.parse("aws/lambda/not-a-uuid/s/2026/02/28/x")).isEmpty();
        assertThat(Origin.MappingKey.parse("aws/lambda/async/f/2026/02/28/x")).isEmpty();
    }

    @Test
    void origins_readAsReportsShowThem() {
        assertThat(new Origin.S3Object("b", "k/x.json", Instant.EPOCH, 3).source()).isEqualTo("s3://b/k/x.json");
        assertThat(new Origin.SqsMessage("http://h/000/q", "q", "m-1", java.util.Optional.empty()).source())
                .isEqualTo("sqs://q#m-1");
        assertThat(new Origin.KafkaMessage("t", 3, 1200, Instant.EPOCH, java.util.Optional.empty(),
                java.util.List.of()).source()).isEqualTo("kafka://t/3@1200");
    }

    @Test
    void options_refuseWhatCannotWork() {
        assertThatThrownBy(() -> SourceOptions.builder().since(Instant.parse("2026-01-02T00:00:00Z"))
                .until(Instant.parse("2026-01-01T00:00:00Z")).build())
                .hasMessageContaining("must be before until");
        assertThatThrownBy(() -> SourceOptions.builder().fromOffset(1).fromTime(Instant.EPOCH).build())
                .hasMessage("give fromOffset or fromTime, not both");
        assertThatThrownBy(() -> SourceOptions.builder().timeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> SourceOptions.builder().concurrency(0)).hasMessageContaining("at least 1");
        SourceOptions o = SourceOptions.builder().region("eu-west-1").maxMessages(5).build();
        assertThat(o.toBuilder().build().region()).contains("eu-west-1");
        assertThat(o.maxMessages()).hasValue(5);
    }

    @Test
    void open_null_isRefusedNamingTheArgument() {
        assertThatThrownBy(() -> Source.open(null, SourceOptions.defaults())).isInstanceOf(NullPointerException.class)
                .hasMessage("location");
        assertThatThrownBy(() -> Source.open(Location.parse("s3://dlq-bucket/"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("options");
    }
}
