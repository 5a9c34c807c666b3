package dev.onfailure.model;

import dev.onfailure.json.JsonTokens;
import dev.onfailure.json.JsonTokens.Token;
import dev.onfailure.json.ReadLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a Kafka invocation event straight from its tokens ({@link JsonTokens}), without the lossless tree in between:
 * the common case of a large payload, at about the cost of the parse alone. It handles exactly the shape Lambda
 * sends; anything else (a member it does not know, a null, a wrong type, a repeated name, a non-canonical number, a
 * limit) returns null, and the caller reads the event through the tree, which keeps what is unknown and explains what
 * is wrong. So the two paths always agree: this one only ever succeeds with the event the tree path would give.
 *
 * <p>Member names are looked up in each type's {@link MemberTable}, and which members are required comes from it.
 */
final class KafkaEventReader {

    private final ReadLimits limits;
    /** Whether the event and its records must have their members in AWS's order or sorted. */
    private boolean ordered;

    KafkaEventReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Returns the event, or null to let the tree path decide. */
    KafkaEvent read(byte[] bytes) {
        return StreamReading.read(bytes, limits, this::event);
    }

    /**
     * {@link #read(byte[])} of an event that is a record's object payload, where the validator reports member order:
     * also null when the event or one of its records has its members in neither AWS's order nor sorted, the two
     * orders that report nothing.
     */
    KafkaEvent readInOrder(byte[] bytes) {
        ordered = true;
        return StreamReading.read(bytes, limits, this::event);
    }

    /** Returns the order bookkeeping with {@code m} read next; -1 when it is in neither order (in ordered reading). */
    private long order(long order, Enum<?> m, MemberTable<?> table) {
        if (!ordered || order < 0) {
            return order;
        }
        long next = table.order(order, m) | MemberTable.bit(m);
        long both = MemberTable.NOT_AWS_ORDER | MemberTable.NOT_SORTED;
        return (next & both) == both ? -1 : next;
    }

    private KafkaEvent event(JsonTokens p) {
        KafkaEvent.Builder b = KafkaEvent.builder();
        long seen = 0;
        long order = 0;
        while (p.next() == Token.NAME) {
            KafkaEvent.Members m = KafkaEvent.TABLE.get(p.name());
            seen = StreamReading.see(seen, m);
            if (seen < 0 || (order = order(order, m, KafkaEvent.TABLE)) < 0) {
                return null;
            }
            Token t = p.next();
            switch (m) {
                case EVENT_SOURCE -> {
                    if (t != Token.STRING) {
                        return null;
                    }
                    b.eventSource(p.text());
                }
                case EVENT_SOURCE_ARN -> {
                    if (t != Token.STRING) {
                        return null;
                    }
                    b.eventSourceArn(JsonField.of(p.text()));
                }
                case BOOTSTRAP_SERVERS -> {
                    if (t != Token.STRING) {
                        return null;
                    }
                    b.bootstrapServers(JsonField.of(p.text()));
                }
                case RECORDS -> {
                    Map<String, List<KafkaRecord>> map = records(p, t);
                    if (map == null) {
                        return null;
                    }
                    b.records(map);
                }
                default -> {
                    return null;   // a member this reader does not bind: the tree path reads the event
                }
            }
        }
        long required = KafkaEvent.TABLE.requiredBits();
        return (seen & required) == required && p.current() == Token.END_OBJECT ? b.build() : null;
    }

    private Map<String, List<KafkaRecord>> records(JsonTokens p, Token t) {
        if (t != Token.START_OBJECT) {
            return null;
        }
        Map<String, List<KafkaRecord>> map = new LinkedHashMap<>();
        while (p.next() == Token.NAME) {
            String key = p.name();
            if (map.containsKey(key) || map.size() >= limits.maxObjectMembers() || p.next() != Token.START_ARRAY) {
                return null;
            }
            List<KafkaRecord> list = new ArrayList<>();
            Token e;
            while ((e = p.next()) == Token.START_OBJECT) {
                if (list.size() >= limits.maxArrayElements()) {
                    return null;
                }
                KafkaRecord r = record(p);
                if (r == null) {
                    return null;
                }
                list.add(r);
            }
            if (e != Token.END_ARRAY) {
                return null;
            }
            map.put(key, list);
        }
        return p.current() == Token.END_OBJECT ? map : null;
    }

    private KafkaRecord record(JsonTokens p) {
        KafkaRecord.Builder b = KafkaRecord.builder();
        long seen = 0;
        long order = 0;
        while (p.next() == Token.NAME) {
            KafkaRecord.Members m = KafkaRecord.TABLE.get(p.name());
            seen = StreamReading.see(seen, m);
            if (seen < 0 || (order = order(order, m, KafkaRecord.TABLE)) < 0) {
                return null;
            }
            Token t = p.next();
            switch (m) {
                case TOPIC -> {
                    if (t != Token.STRING) {
                        return null;
                    }
                    b.topic(p.text());
                }
                case PARTITION -> {
                    Long v = StreamReading.integer(p, t);
                    if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        return null;
                    }
                    b.partition(v.intValue());
                }
                case OFFSET -> {
                    Long v = StreamReading.integer(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.offset(v);
                }
                case TIMESTAMP -> {
                    Long v = StreamReading.integer(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.timestamp(v);
                }
                case TIMESTAMP_TYPE -> {
                    if (t != Token.STRING) {
                        return null;
                    }
                    b.timestampType(p.text());
                }
                case KEY -> {
                    JsonField<String> v = StreamReading.optionalString(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.key(v);
                }
                case KEY_SCHEMA_METADATA -> {
                    SchemaMetadata md = metadata(p, t);
                    if (md == null) {
                        return null;
                    }
                    b.keySchemaMetadata(JsonField.of(md));
                }
                case VALUE -> {
                    JsonField<String> v = StreamReading.optionalString(p, t);
                    if (v == null) {
                        return null;
                    }
                    b.value(v);
                }
                case VALUE_SCHEMA_METADATA -> {
                    SchemaMetadata md = metadata(p, t);
                    if (md == null) {
                        return null;
                    }
                    b.valueSchemaMetadata(JsonField.of(md));
                }
                case HEADERS -> {
                    List<Header> headers = headers(p, t);
                    if (headers == null) {
                        return null;
                    }
                    b.headers(JsonField.of(List.copyOf(headers)));   // immutable: the value keeps it, no second build
                }
                default -> {
                    return null;   // a member this reader does not bind: the tree path reads the event
                }
            }
        }
        long required = KafkaRecord.TABLE.requiredBits();
        return (seen & required) == required && p.current() == Token.END_OBJECT ? b.build() : null;
    }

    private List<Header> headers(JsonTokens p, Token t) {
        if (t != Token.START_ARRAY) {
            return null;
        }
        List<Header> headers = new ArrayList<>();
        Token e;
        while ((e = p.next()) == Token.START_OBJECT) {
            if (headers.size() >= limits.maxArrayElements() || p.next() != Token.NAME) {
                return null;
            }
            String name = p.name();
            if (p.next() != Token.START_ARRAY) {
                return null;
            }
            byte[] buffer = new byte[16];
            int n = 0;
            Token v;
            while ((v = p.next()) == Token.INTEGER) {
                Long x = StreamReading.integer(p, v);
                if (x == null || x < -128 || x > 127 || n >= limits.maxArrayElements()) {
                    return null;
                }
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = (byte) (long) x;
            }
            if (v != Token.END_ARRAY || p.next() != Token.END_OBJECT) {
                return null;
            }
            headers.add(Header.of(name, Arrays.copyOf(buffer, n)));
        }
        return e == Token.END_ARRAY ? headers : null;
    }

    private SchemaMetadata metadata(JsonTokens p, Token t) {
        if (t != Token.START_OBJECT) {
            return null;
        }
        SchemaMetadata.Builder b = SchemaMetadata.builder();
        long seen = 0;
        while (p.next() == Token.NAME) {
            SchemaMetadata.Members m = SchemaMetadata.TABLE.get(p.name());
            seen = StreamReading.see(seen, m);
            if (seen < 0 || p.next() != Token.STRING) {
                return null;
            }
            switch (m) {
                case DATA_FORMAT -> b.dataFormat(p.text());
                case SCHEMA_ID -> b.schemaId(p.text());
                default -> {
                    return null;   // a member this reader does not bind: the tree path reads the event
                }
            }
        }
        long required = SchemaMetadata.TABLE.requiredBits();
        return (seen & required) == required && p.current() == Token.END_OBJECT ? b.build() : null;
    }
}
