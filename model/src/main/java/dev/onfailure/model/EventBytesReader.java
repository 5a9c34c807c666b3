package dev.onfailure.model;

import dev.onfailure.json.JsonCursor;
import dev.onfailure.json.ReadLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a Kafka invocation event straight from its UTF-8 bytes ({@link JsonCursor}: ASCII strings without escapes,
 * canonical integers of at most 18 digits), the plainest form of what {@link KafkaEventReader} reads from tokens: a
 * payload's event as Lambda writes it (base64 keys and values, header bytes). Anything else returns null, and the
 * caller tries the token reader, then the tree, so this reader only ever gives the event the tree path would give.
 *
 * <p>For an event that is a record's object payload ({@link #inOrder}) it also returns null when the event or one of
 * its records has its members in neither AWS's order nor sorted: the validator reports such an order from the tree.
 */
final class EventBytesReader {

    private final ReadLimits limits;
    private final boolean ordered;
    /** Whether the limits leave room for every shape read here (a record's ten members, headers seven deep). */
    private final boolean roomy;

    private EventBytesReader(ReadLimits limits, boolean ordered) {
        this.limits = limits;
        this.ordered = ordered;
        this.roomy = limits.maxObjectMembers() >= 10 && limits.maxDepth() >= 8;
    }

    /** A reader of events as documents of their own (a string payload's text). */
    static EventBytesReader of(ReadLimits limits) {
        return new EventBytesReader(limits, false);
    }

    /** A reader of events that are object payloads, whose member order the validator checks. */
    static EventBytesReader inOrder(ReadLimits limits) {
        return new EventBytesReader(limits, true);
    }

    /** Returns the event {@code bytes} hold, or null to let the token reader or the tree decide. */
    KafkaEvent read(byte[] bytes) {
        if (!roomy) {
            return null;
        }
        JsonCursor p = JsonCursor.over(bytes, limits);
        if (p.failed()) {
            return null;
        }
        return read(p);
    }

    /** Returns the event the cursor holds (all of it), or null. */
    KafkaEvent read(JsonCursor p) {
        if (!roomy || p.failed()) {
            return null;
        }
        KafkaEvent e = event(p);
        p.end();
        return p.failed() ? null : e;
    }

    private KafkaEvent event(JsonCursor p) {
        KafkaEvent.Builder b = KafkaEvent.builder();
        p.beginObject();
        long seen = 0;
        for (boolean first = true; KafkaEvent.TABLE.next(p, first, seen); first = false) {
            KafkaEvent.Members m = KafkaEvent.TABLE.get(p);
            seen = see(p, seen, m, KafkaEvent.TABLE, ordered);
            if (m == null) {
                break;
            }
            switch (m) {
                case EVENT_SOURCE -> b.eventSource(p.string());
                case EVENT_SOURCE_ARN -> b.eventSourceArn(stringOrNull(p));
                case BOOTSTRAP_SERVERS -> b.bootstrapServers(stringOrNull(p));
                case RECORDS -> {
                    Map<String, List<KafkaRecord>> records = records(p);
                    if (records != null) {
                        b.records(records);
                    }
                }
                default -> p.fail();   // a member this reader does not bind: the tree path reads the event
            }
        }
        return KafkaEvent.TABLE.complete(p, seen) ? b.build() : null;
    }

    private Map<String, List<KafkaRecord>> records(JsonCursor p) {
        Map<String, List<KafkaRecord>> map = new LinkedHashMap<>();
        p.beginObject();
        for (boolean first = true; p.nextMember(first); first = false) {
            String key = p.name();
            if (map.containsKey(key) || map.size() >= limits.maxObjectMembers()) {
                p.fail();
                break;
            }
            List<KafkaRecord> list = new ArrayList<>();
            p.beginArray();
            for (boolean e = true; p.nextElement(e); e = false) {
                if (list.size() >= limits.maxArrayElements()) {
                    p.fail();
                    break;
                }
                KafkaRecord r = record(p);
                if (r != null) {
                    list.add(r);
                }
            }
            map.put(key, list);
        }
        return p.failed() ? null : map;
    }

    private KafkaRecord record(JsonCursor p) {
        KafkaRecord.Builder b = KafkaRecord.builder();
        p.beginObject();
        long seen = 0;
        for (boolean first = true; KafkaRecord.TABLE.next(p, first, seen); first = false) {
            KafkaRecord.Members m = KafkaRecord.TABLE.get(p);
            seen = see(p, seen, m, KafkaRecord.TABLE, ordered);
            if (m == null) {
                break;
            }
            switch (m) {
                case TOPIC -> b.topic(p.string());
                case PARTITION -> {
                    long v = p.integer(t -> b.putNumberText(m.jsonName(), t));
                    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        p.fail();
                    }
                    b.partition((int) v);
                }
                case OFFSET -> b.offset(p.integer(t -> b.putNumberText(m.jsonName(), t)));
                case TIMESTAMP -> b.timestamp(p.integer(t -> b.putNumberText(m.jsonName(), t)));
                case TIMESTAMP_TYPE -> b.timestampType(p.string());
                case KEY -> b.key(stringOrNull(p));
                case KEY_SCHEMA_METADATA -> {
                    SchemaMetadata md = metadata(p);
                    if (md != null) {
                        b.keySchemaMetadata(JsonField.of(md));
                    }
                }
                case VALUE -> b.value(stringOrNull(p));
                case VALUE_SCHEMA_METADATA -> {
                    SchemaMetadata md = metadata(p);
                    if (md != null) {
                        b.valueSchemaMetadata(JsonField.of(md));
                    }
                }
                case HEADERS -> {
                    List<Header> headers = headers(p);
                    if (headers != null) {
                        b.headers(JsonField.of(headers));
                    }
                }
                default -> p.fail();   // a member this reader does not bind: the tree path reads the event
            }
        }
        return KafkaRecord.TABLE.complete(p, seen) ? b.build() : null;
    }

    /** Headers as AWS writes them: objects of one member each, whose value is an array of signed bytes. */
    private List<Header> headers(JsonCursor p) {
        List<Header> headers = new ArrayList<>();
        p.beginArray();
        for (boolean first = true; p.nextElement(first); first = false) {
            if (headers.size() >= limits.maxArrayElements()) {
                p.fail();
                break;
            }
            p.beginObject();
            if (!p.nextMember(true)) {
                p.fail();   // a header with no member: the tree path explains
                break;
            }
            String name = p.name();
            byte[] buffer = new byte[16];
            int n = 0;
            p.beginArray();
            for (boolean e = true; p.nextElement(e); e = false) {
                long x = p.integer();
                if (x < -128 || x > 127 || n >= limits.maxArrayElements()) {
                    p.fail();
                    break;
                }
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = (byte) x;
            }
            if (p.nextMember(false)) {
                p.fail();   // a second member
                break;
            }
            headers.add(Header.of(name, Arrays.copyOf(buffer, n)));
        }
        return p.failed() ? null : List.copyOf(headers);
    }

    private static SchemaMetadata metadata(JsonCursor p) {
        SchemaMetadata.Builder b = SchemaMetadata.builder();
        p.beginObject();
        long seen = 0;
        for (boolean first = true; SchemaMetadata.TABLE.next(p, first, seen); first = false) {
            SchemaMetadata.Members m = SchemaMetadata.TABLE.get(p);
            seen = see(p, seen, m, SchemaMetadata.TABLE, false);
            if (m == null) {
                break;
            }
            switch (m) {
                case DATA_FORMAT -> b.dataFormat(p.string());
                case SCHEMA_ID -> b.schemaId(p.string());
                default -> p.fail();   // a member this reader does not bind: the tree path reads the event
            }
        }
        return SchemaMetadata.TABLE.complete(p, seen) ? b.build() : null;
    }

    /**
     * Returns {@code seen} with member {@code m}'s bit (and, when {@code ordered}, the order bookkeeping); fails the
     * cursor for a member the table does not have ({@code m} null), one seen before, or, when {@code ordered}, one in
     * neither AWS's order nor sorted.
     */
    private static long see(JsonCursor p, long seen, Enum<?> m, MemberTable<?> table, boolean ordered) {
        if (m == null) {
            p.fail();
            return seen;
        }
        long bit = MemberTable.bit(m);
        if ((seen & bit) != 0) {
            p.fail();
            return seen;
        }
        if (!ordered) {
            return seen | bit;
        }
        long next = table.order(seen, m) | bit;
        long both = MemberTable.NOT_AWS_ORDER | MemberTable.NOT_SORTED;
        if ((next & both) == both) {
            p.fail();
        }
        return next;
    }

    /** A member that is a plain string or {@code null}, as a {@link JsonField} (absent is the caller's default). */
    static JsonField<String> stringOrNull(JsonCursor p) {
        return p.nullAhead() ? JsonField.ofNull() : JsonField.of(p.string());
    }
}
