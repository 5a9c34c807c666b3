package dev.onfailure.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.onfailure.json.ReadLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a Kafka invocation event straight from Jackson's tokens, without the lossless tree in between: the common
 * case of a large payload, at about the cost of the parse alone. It handles exactly the shape Lambda sends; anything
 * else (a member it does not know, a null, a wrong type, a repeated name, a non-canonical number, a limit) returns
 * null, and the caller reads the event through the tree, which keeps what is unknown and explains what is wrong. So
 * the two paths always agree: this one only ever succeeds with the event the tree path would give.
 */
final class EventStreamReader {

    private final ReadLimits limits;

    EventStreamReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Returns the event, or null to let the tree path decide. */
    KafkaEvent read(byte[] bytes) {
        return StreamReading.read(bytes, limits, this::event);
    }

    private KafkaEvent event(JsonParser p) throws IOException {
        KafkaEvent.Builder b = KafkaEvent.builder();
        Set<String> seen = new HashSet<>();
        boolean source = false;
        boolean records = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                return null;
            }
            JsonToken t = p.nextToken();
            switch (name) {
                case "eventSource" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.eventSource(p.getText());
                    source = true;
                }
                case "eventSourceArn" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.eventSourceArn(JsonField.of(p.getText()));
                }
                case "bootstrapServers" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.bootstrapServers(JsonField.of(p.getText()));
                }
                case "records" -> {
                    Map<String, List<KafkaRecord>> map = records(p, t);
                    if (map == null) {
                        return null;
                    }
                    b.records(map);
                    records = true;
                }
                default -> {
                    return null;
                }
            }
        }
        return source && records && p.currentToken() == JsonToken.END_OBJECT ? b.build() : null;
    }

    private Map<String, List<KafkaRecord>> records(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, List<KafkaRecord>> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (map.containsKey(key) || map.size() >= limits.maxObjectMembers() || p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<KafkaRecord> list = new ArrayList<>();
            JsonToken e;
            while ((e = p.nextToken()) == JsonToken.START_OBJECT) {
                if (list.size() >= limits.maxArrayElements()) {
                    return null;
                }
                KafkaRecord r = record(p);
                if (r == null) {
                    return null;
                }
                list.add(r);
            }
            if (e != JsonToken.END_ARRAY) {
                return null;
            }
            map.put(key, list);
        }
        return p.currentToken() == JsonToken.END_OBJECT ? map : null;
    }

    private KafkaRecord record(JsonParser p) throws IOException {
        KafkaRecord.Builder b = KafkaRecord.builder();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "topic" -> {
                    bit = 1;
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.topic(p.getText());
                }
                case "partition" -> {
                    bit = 2;
                    Long v = StreamReading.integer(p, t);
                    if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        return null;
                    }
                    b.partition(v.intValue());
                }
                case "offset" -> {
                    bit = 4;
                    Long v = StreamReading.integer(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.offset(v);
                }
                case "timestamp" -> {
                    bit = 8;
                    Long v = StreamReading.integer(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.timestamp(v);
                }
                case "timestampType" -> {
                    bit = 16;
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.timestampType(p.getText());
                }
                case "key" -> {
                    bit = 32;
                    JsonField<String> v = StreamReading.optionalString(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.key(v);
                }
                case "value" -> {
                    bit = 64;
                    JsonField<String> v = StreamReading.optionalString(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.value(v);
                }
                case "headers" -> {
                    bit = 128;
                    List<Header> headers = headers(p, t);
                    if (headers == null) {
                        return null;
                    }
                    b.headers(JsonField.of(headers));
                }
                case "keySchemaMetadata" -> {
                    bit = 256;
                    SchemaMetadata m = metadata(p, t);
                    if (m == null) {
                        return null;
                    }
                    b.keySchemaMetadata(JsonField.of(m));
                }
                case "valueSchemaMetadata" -> {
                    bit = 512;
                    SchemaMetadata m = metadata(p, t);
                    if (m == null) {
                        return null;
                    }
                    b.valueSchemaMetadata(JsonField.of(m));
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
        // topic, partition, offset, timestamp and timestampType are required
        return (seen & 31) == 31 && p.currentToken() == JsonToken.END_OBJECT ? b.build() : null;
    }

    private List<Header> headers(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            return null;
        }
        List<Header> headers = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) == JsonToken.START_OBJECT) {
            if (headers.size() >= limits.maxArrayElements() || p.nextToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String name = p.currentName();
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            byte[] buffer = new byte[16];
            int n = 0;
            JsonToken v;
            while ((v = p.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
                Long x = StreamReading.integer(p, v);
                if (x == null || x < -128 || x > 127 || n >= limits.maxArrayElements()) {
                    return null;
                }
                if (n == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = (byte) (long) x;
            }
            if (v != JsonToken.END_ARRAY || p.nextToken() != JsonToken.END_OBJECT) {
                return null;
            }
            headers.add(Header.of(name, java.util.Arrays.copyOf(buffer, n)));
        }
        return e == JsonToken.END_ARRAY ? headers : null;
    }

    private SchemaMetadata metadata(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        String format = null;
        String id = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            if (name.equals("dataFormat") && format == null) {
                format = p.getText();
            } else if (name.equals("schemaId") && id == null) {
                id = p.getText();
            } else {
                return null;
            }
        }
        return format != null && id != null ? SchemaMetadata.builder().dataFormat(format).schemaId(id).build() : null;
    }
}
