package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single-record form emulators write (recordInfo where AWS documents recordsInfo) is a batch of one. */
final class FetchRangeTest {

    private static final String SINGLE_S3 = """
            {"payload":"{\\"records\\":{\\"audit-log-11\\":[{\\"topic\\":\\"audit-log\\",\\"timestampType\\":\\"CREATE_TIME\\",\
            \\"key\\":\\"a2V5\\",\\"value\\":\\"PGI+\\",\\"headers\\":[],\\"offset\\":90210,\\"timestamp\\":1741944412001,\
            \\"partition\\":11}]},\\"eventSource\\":\\"SelfManagedKafka\\",\\"bootstrapServers\\":\\"kafka-1:9092\\"}",\
            "requestContext":{"requestId":"316aa6d0-8154-4b1c-9af7-85d5f4a6bc81",\
            "functionArn":"arn:aws:lambda:us-east-1:000000000000:function:f","condition":"RetryAttemptsExhausted",\
            "approximateInvokeCount":3},"responseContext":{"statusCode":200},"version":"1.0",\
            "timestamp":"2025-03-14T09:27:00.000Z","KafkaBatchInfo":{"recordInfo":{"offset":"90210",\
            "timestamp":"2025-03-14T09:26:52.001Z"},"bootstrapServers":"kafka-1:9092","batchSize":1,"payloadSize":300}}""";

    @Test
    void singleRecordForm_withPayload_isOneOffsetAtThePayloadsTopicPartition() {
        KafkaFailureRecord record = RecordCodec.defaults().read(SINGLE_S3);

        List<FetchRange> ranges = FetchRange.of(record);

        assertThat(ranges).hasSize(1);
        FetchRange range = ranges.get(0);
        assertThat(range.topicPartition().topic()).isEqualTo("audit-log");
        assertThat(range.topicPartition().partition()).isEqualTo(11);
        assertThat(range.first()).isEqualTo(90210L);
        assertThat(range.last()).isEqualTo(90210L);
    }

    @Test
    void singleRecordForm_withoutPayload_saysItNamesNoTopicPartition() {
        String noPayload = SINGLE_S3.substring(SINGLE_S3.indexOf("\"requestContext\""));
        KafkaFailureRecord record = RecordCodec.defaults().read("{" + noPayload);

        assertThatThrownBy(() -> FetchRange.of(record)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names its topic-partition only through its payload");
    }
}
