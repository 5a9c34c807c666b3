package dev.onfailure.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.onfailure.model.json.ReadLimits;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds an SQS/SNS failure record straight from Jackson's tokens, without the lossless tree in between: the common case
 * of a consumer reading message bodies. Like {@link EventStreamReader} it handles exactly the shape Lambda sends (no
 * payload, no member it does not know, no null where the model has none, canonical numbers) and returns null for
 * anything else, which the tree path then reads, keeps and explains. So both paths always agree.
 */
final class RecordStreamReader {

    private final ReadLimits limits;

    RecordStreamReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Returns the record, or null to let the tree path decide. */
    SqsSnsRecord read(byte[] bytes) {
        return StreamReading.read(bytes, limits, this::record);
    }

    private SqsSnsRecord record(JsonParser p) throws IOException {
        SqsSnsRecord.Builder b = SqsSnsRecord.builder();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "requestContext" -> {
                    bit = 1;
                    RequestContext rc = requestContext(p, t);
                    if (rc == null) {
                        return null;
                    }
                    b.requestContext(rc);
                }
                case "responseContext" -> {
                    bit = 2;
                    if (t == JsonToken.VALUE_NULL) {
                        b.responseContext(JsonField.ofNull());
                    } else {
                        ResponseContext rc = responseContext(p, t);
                        if (rc == null) {
                            return null;
                        }
                        b.responseContext(JsonField.of(rc));
                    }
                }
                case "version" -> {
                    bit = 4;
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.version(p.getText());
                }
                case "timestamp" -> {
                    bit = 8;
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.timestamp(Timestamp.of(p.getText()));
                }
                case "KafkaBatchInfo" -> {
                    bit = 16;
                    KafkaBatchInfo info = batchInfo(p, t);
                    if (info == null) {
                        return null;
                    }
                    b.batchInfo(info);
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        return (seen & 29) == 29 ? b.build() : null;
    }

    private RequestContext requestContext(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        RequestContext.Builder b = RequestContext.builder();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            switch (name) {
                case "requestId" -> {
                    bit = 1;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.requestId(p.getText());
                }
                case "functionArn" -> {
                    bit = 2;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.functionArn(p.getText());
                }
                case "condition" -> {
                    bit = 4;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.condition(Condition.of(p.getText()));
                }
                case "approximateInvokeCount" -> {
                    bit = 8;
                    Long n = StreamReading.integer(p, v);
                    if (n == null) {
                        return null;
                    }
                    b.approximateInvokeCount(n);
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        return seen == 15 ? b.build() : null;
    }

    private ResponseContext responseContext(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        ResponseContext.Builder b = ResponseContext.builder();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            switch (name) {
                case "statusCode" -> {
                    bit = 1;
                    Long n = StreamReading.integer(p, v);
                    if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                        return null;
                    }
                    b.statusCode(n.intValue());
                }
                case "executedVersion" -> {
                    bit = 2;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.executedVersion(JsonField.of(p.getText()));
                }
                case "functionError" -> {
                    bit = 4;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.functionError(JsonField.of(p.getText()));
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        return (seen & 1) == 1 ? b.build() : null;
    }

    private KafkaBatchInfo batchInfo(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        KafkaBatchInfo.Builder b = KafkaBatchInfo.builder();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int bit;
            switch (name) {
                case "batchSize" -> {
                    bit = 1;
                    Long n = StreamReading.integer(p, v);
                    if (n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                        return null;
                    }
                    b.batchSize(n.intValue());
                }
                case "eventSourceArn" -> {
                    bit = 2;
                    JsonField<String> arn = StreamReading.optionalString(p, v);
                    if (arn == null) {
                        return null;
                    }
                    b.eventSourceArn(arn);
                }
                case "bootstrapServers" -> {
                    bit = 4;
                    if (v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.bootstrapServers(p.getText());
                }
                case "payloadSize" -> {
                    bit = 8;
                    Long n = StreamReading.integer(p, v);
                    if (n == null) {
                        return null;
                    }
                    b.payloadSize(n);
                }
                case "recordsInfo" -> {
                    bit = 16;
                    Map<String, RecordRange> ranges = ranges(p, v);
                    if (ranges == null) {
                        return null;
                    }
                    b.recordsInfo(ranges);
                }
                default -> {
                    return null;
                }
            }
            if ((seen & bit) != 0) {
                return null;
            }
            seen |= bit;
        }
        return (seen & 29) == 29 ? b.build() : null;
    }

    private Map<String, RecordRange> ranges(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, RecordRange> ranges = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (ranges.containsKey(key) || ranges.size() >= limits.maxObjectMembers()
                    || p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String[] values = new String[4];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int i = switch (p.currentName()) {
                    case "firstRecordOffset" -> 0;
                    case "lastRecordOffset" -> 1;
                    case "firstRecordTimestamp" -> 2;
                    case "lastRecordTimestamp" -> 3;
                    default -> -1;
                };
                if (i < 0 || values[i] != null || p.nextToken() != JsonToken.VALUE_STRING) {
                    return null;
                }
                values[i] = p.getText();
            }
            if (values[0] == null || values[1] == null || values[2] == null || values[3] == null) {
                return null;
            }
            ranges.put(key, RecordRange.builder()
                    .firstRecordOffset(Offset.of(values[0])).lastRecordOffset(Offset.of(values[1]))
                    .firstRecordTimestamp(Timestamp.of(values[2])).lastRecordTimestamp(Timestamp.of(values[3]))
                    .build());
        }
        return ranges;
    }
}
