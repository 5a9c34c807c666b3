package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Member;
import dev.onfailure.model.MemberTable;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.RecordInfo;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.RequestContext;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.SchemaMetadata;
import dev.onfailure.model.TopicBatchInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Holds the generators to the member tables: over a few thousand seeded records, every member of every table is
 * generated present, every optional member also absent, and every member that may be null also null. A member added
 * to a table and not to the generators fails here, so contract tests downstream see it.
 */
final class GeneratorCoverageTest {

    private static final int RECORDS = 3000;

    /**
     * What no valid record holds. An event is only ever inside a payload, where it is compared with the record's
     * {@code KafkaBatchInfo.bootstrapServers}, a required string: an event without one is a {@code payload.mismatch}
     * error under both profiles, so the generators of valid records never make it.
     */
    private static final Set<String> NEVER_IN_A_VALID_RECORD = Set.of(
            "event.bootstrapServers absent", "event.bootstrapServers null");

    private final Map<String, Seen> seen = new LinkedHashMap<>();

    @Test
    void everyMemberOfEveryTable_isGeneratedPresent_absentWhenOptional_nullWhenNullable() {
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
        Entropy e = SeededEntropy.of(11);
        RecordCodec codec = RecordCodec.defaults();
        for (int i = 0; i < RECORDS; i++) {
            KafkaFailureRecord r = gen.generate(e).record();
            record(r.table(), codec.toJson(r));
        }
        List<String> missing = new ArrayList<>();
        for (Seen s : seen.values()) {
            for (Member m : s.table.members()) {
                Member.Spec spec = spec(s.table, m);
                String name = s.label + "." + m.jsonName();
                if (!s.present.contains(m.jsonName())) {
                    missing.add(name + " present");
                }
                if (!spec.required(false) && !s.absent.contains(m.jsonName())) {
                    missing.add(name + " absent");
                }
                if (spec.nullable(false) && !s.nulls.contains(m.jsonName())) {
                    missing.add(name + " null");
                }
            }
        }
        assertThat(seen.keySet()).as("every table is met").hasSize(12);
        assertThat(missing).as("members the generators never made so, in " + RECORDS + " records")
                .containsExactlyInAnyOrderElementsOf(NEVER_IN_A_VALID_RECORD);
    }

    private void record(MemberTable<?> table, JsonObject o) {
        note(kind(table), table, o);
        object(o, "requestContext").ifPresent(v -> note("requestContext", RequestContext.TABLE, v));
        object(o, "responseContext").ifPresent(v -> note("responseContext", ResponseContext.TABLE, v));
        object(o, "KafkaBatchInfo").ifPresent(b -> {
            if (isTopic(table)) {
                note("TopicBatchInfo", TopicBatchInfo.TABLE, b);
            } else {
                note("KafkaBatchInfo", KafkaBatchInfo.TABLE, b);
            }
            object(b, "recordsInfo").ifPresent(ranges -> ranges.members().values().forEach(range -> {
                if (range instanceof JsonObject ro) {
                    note("recordRange", RecordRange.TABLE, ro);
                }
            }));
            object(b, "recordInfo").ifPresent(ri -> note("recordInfo", RecordInfo.TABLE, ri));
        });
        o.get("payload").ifPresent(p -> {
            JsonValue event = p instanceof JsonString s ? Json.parse(s.value()) : p;
            if (event instanceof JsonObject eo) {
                event(eo);
            }
        });
    }

    private void event(JsonObject e) {
        note("event", KafkaEvent.TABLE, e);
        object(e, "records").ifPresent(records -> records.members().values().forEach(list -> {
            if (list instanceof JsonArray a) {
                for (JsonValue r : a.elements()) {
                    if (r instanceof JsonObject ro) {
                        note("event record", KafkaRecord.TABLE, ro);
                        object(ro, "keySchemaMetadata").ifPresent(m -> note("schemaMetadata", SchemaMetadata.TABLE, m));
                        object(ro, "valueSchemaMetadata").ifPresent(m -> note("schemaMetadata", SchemaMetadata.TABLE, m));
                    }
                }
            }
        }));
    }

    private static boolean isTopic(MemberTable<?> table) {
        return table == dev.onfailure.model.TopicRecord.TABLE;
    }

    private static String kind(MemberTable<?> table) {
        if (table == dev.onfailure.model.SqsSnsRecord.TABLE) {
            return "SQS/SNS record";
        }
        return table == dev.onfailure.model.S3Record.TABLE ? "S3 record" : "Kafka-topic record";
    }

    private void note(String label, MemberTable<?> table, JsonObject o) {
        Seen s = seen.computeIfAbsent(label, k -> new Seen(label, table));
        for (Member m : table.members()) {
            JsonValue v = o.members().get(m.jsonName());
            if (v == null) {
                s.absent.add(m.jsonName());
            } else if (v == JsonNull.INSTANCE) {
                s.nulls.add(m.jsonName());
            } else {
                s.present.add(m.jsonName());
            }
        }
    }

    private static java.util.Optional<JsonObject> object(JsonObject o, String name) {
        return o.get(name).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Member.Spec spec(MemberTable<?> table, Member m) {
        return ((MemberTable) table).spec((Enum) m);
    }

    private static final class Seen {
        final String label;
        final MemberTable<?> table;
        final Set<String> present = new LinkedHashSet<>();
        final Set<String> absent = new LinkedHashSet<>();
        final Set<String> nulls = new LinkedHashSet<>();

        Seen(String label, MemberTable<?> table) {
            this.label = label;
            this.table = table;
        }
    }
}
