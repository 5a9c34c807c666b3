package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

final class VerificationTest {

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] key, byte[] value, long ts,
            byte[] header) {
        RecordHeaders h = new RecordHeaders();
        h.add("h", header);
        return new ConsumerRecord<>("t-1", 2, offset, ts, TimestampType.CREATE_TIME, -1, -1, key, value, h,
                Optional.empty(), Optional.empty());
    }

    @Test
    void sameRecords_haveNoDifference() {
        var a = record(1, null, new byte[] {1}, 5, new byte[] {-1});
        var b = record(1, null, new byte[] {1}, 5, new byte[] {-1});
        assertThat(Verification.compare(List.of(a), List.of(b))).isEmpty();
    }

    @Test
    void everyKindOfDifference_isReported() {
        var payload = List.of(record(1, new byte[] {1}, new byte[] {1}, 5, new byte[] {-1}),
                record(2, null, null, 5, new byte[] {0}));
        var cluster = List.of(record(1, null, new byte[] {1, 2}, 6, new byte[] {1}),
                record(3, null, null, 5, new byte[] {0}));
        assertThat(Verification.compare(payload, cluster)).extracting(Object::toString).containsExactly(
                "t-1-2@1: key differs (1 bytes in the payload, null in the cluster); value differs (1 bytes in the "
                        + "payload, 2 bytes in the cluster); headers differ (1 in the payload, 1 in the cluster); "
                        + "timestamp differs (5 CREATE_TIME in the payload, 6 CREATE_TIME in the cluster)",
                "t-1-2@2: in the payload, not in the cluster",
                "t-1-2@3: in the cluster, not in the payload");
    }
}
