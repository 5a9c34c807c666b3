package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Holds every member table to the JSON Schemas in {@code schema/}: the same member names, the same required sets and
 * the same JSON types, tolerant and strict. A member added to a table and not to the schema script (or the other way
 * round) fails here.
 *
 * <p>The schemas compose: a definition's members are those of its {@code properties}, of what it {@code $ref}s and of
 * its {@code allOf}; a strict definition applies the tolerant one it narrows. A member's types are what every schema
 * that applies to it allows ({@code if/then/else} on a type counts as its two branches); conditional requirements
 * ({@code if/then}) are not a member's presence, and are left out.
 */
final class MemberTableTest {

    private static final Set<String> ALL_TYPES = Set.of("string", "integer", "number", "object", "array", "boolean",
            "null");

    /** Where each table's type is defined: the tolerant locations, then what strict adds. */
    private static final List<Place> PLACES = List.of(
            new Place(SqsSnsRecord.TABLE, List.of("tolerant/kafka.sqs-sns.json#"),
                    List.of("strict/kafka.sqs-sns.json#")),
            new Place(S3Record.TABLE, List.of("tolerant/kafka.s3.json#"), List.of("strict/kafka.s3.json#")),
            new Place(TopicRecord.TABLE, List.of("tolerant/kafka.topic.json#"), List.of("strict/kafka.topic.json#")),
            new Place(RequestContext.TABLE, List.of("tolerant/kafka.common.json#/$defs/requestContext"),
                    List.of("strict/kafka.common.json#/$defs/requestContext")),
            new Place(ResponseContext.TABLE, List.of("tolerant/kafka.common.json#/$defs/responseContext"),
                    List.of("strict/kafka.common.json#/$defs/responseContext")),
            new Place(KafkaBatchInfo.TABLE, List.of("tolerant/kafka.common.json#/$defs/batchInfo"),
                    List.of("strict/kafka.common.json#/$defs/batchInfo")),
            new Place(TopicBatchInfo.TABLE, List.of("tolerant/kafka.common.json#/$defs/topicBatchInfo"),
                    List.of("strict/kafka.common.json#/$defs/topicBatchInfo")),
            new Place(RecordRange.TABLE, List.of("tolerant/kafka.common.json#/$defs/recordRange"),
                    List.of("strict/kafka.common.json#/$defs/recordRange")),
            new Place(RecordInfo.TABLE, List.of("tolerant/kafka.common.json#/$defs/recordInfo"),
                    List.of("strict/kafka.common.json#/$defs/topicBatchInfo/properties/recordInfo")),
            new Place(KafkaEvent.TABLE, List.of("tolerant/kafka.event.json#"), List.of("strict/kafka.event.json#")),
            new Place(KafkaRecord.TABLE, List.of("tolerant/kafka.event.json#/$defs/record"),
                    List.of("strict/kafka.event.json#/$defs/record")),
            new Place(SchemaMetadata.TABLE, List.of("tolerant/kafka.event.json#/$defs/schemaMetadata"),
                    List.of("strict/kafka.event.json#/$defs/schemaMetadata")));

    private final Schemas schemas = new Schemas();

    @Test
    void everyTable_matchesTheSchemas_tolerantAndStrict() {
        for (Place place : PLACES) {
            assertThat(differences(place, schemas)).as(place.table.title() + " " + place.table.names()).isEmpty();
        }
    }

    @Test
    void everyTable_isHeldToTheSchemas() {
        assertThat(PLACES.stream().map(p -> (Object) p.table).toList()).containsExactlyInAnyOrder(
                SqsSnsRecord.TABLE, S3Record.TABLE, TopicRecord.TABLE, RequestContext.TABLE, ResponseContext.TABLE, KafkaBatchInfo.TABLE,
                TopicBatchInfo.TABLE, RecordRange.TABLE, RecordInfo.TABLE, KafkaEvent.TABLE, KafkaRecord.TABLE,
                SchemaMetadata.TABLE);
    }

    @Test
    void aTableThatDrifted_isCaught() {
        Place place = PLACES.get(3);   // requestContext
        MemberTable<RequestContext.Members> optionalCondition = RequestContext.TABLE.with(
                RequestContext.Members.CONDITION, Member.Spec.optional(JsonType.STRING));
        MemberTable<RequestContext.Members> countAsString = RequestContext.TABLE.with(
                RequestContext.Members.APPROXIMATE_INVOKE_COUNT, Member.Spec.required(JsonType.STRING));
        MemberTable<RequestContext.Members> shorter = MemberTable.of("requestContext", java.util.EnumSet.range(
                RequestContext.Members.REQUEST_ID, RequestContext.Members.CONDITION));

        assertThat(differences(new Place(optionalCondition, place.tolerant, place.strict), schemas))
                .anySatisfy(d -> assertThat(d).contains("required"));
        assertThat(differences(new Place(countAsString, place.tolerant, place.strict), schemas))
                .anySatisfy(d -> assertThat(d).contains("approximateInvokeCount").contains("types"));
        assertThat(differences(new Place(shorter, place.tolerant, place.strict), schemas))
                .anySatisfy(d -> assertThat(d).contains("names"));
    }

    @Test
    void aSchemaThatDrifted_isCaught() {
        // the schema script gains a member the table does not have, and stops requiring one it does
        Schemas drifted = new Schemas();
        JsonObject common = (JsonObject) drifted.file("tolerant/kafka.common.json");
        JsonObject defs = (JsonObject) common.get("$defs").orElseThrow();
        JsonObject range = (JsonObject) defs.get("recordRange").orElseThrow();
        JsonObject properties = (JsonObject) range.get("properties").orElseThrow();
        Map<String, JsonValue> moreProperties = new LinkedHashMap<>(properties.members());
        moreProperties.put("recordCount", JsonObject.builder().put("type", JsonString.of("integer")).build());
        JsonObject changed = with(with(range, "properties", JsonObject.of(moreProperties)), "required",
                JsonArray.of(JsonString.of("firstRecordOffset"), JsonString.of("lastRecordOffset")));
        drifted.files.put("tolerant/kafka.common.json", with(common, "$defs", with(defs, "recordRange", changed)));
        Place place = PLACES.get(7);   // recordRange

        assertThat(differences(place, drifted))
                .anySatisfy(d -> assertThat(d).contains("names").contains("recordCount"))
                .anySatisfy(d -> assertThat(d).contains("required"));
    }

    @Test
    void positions_areTheOrderAwsWrites() {
        // the documented SQS/SNS example, compact: members in table order at every level
        RequestContext rc = RequestContext.builder().requestId("r").functionArn("arn:f").condition(
                Condition.of("RetryAttemptsExhausted")).approximateInvokeCount(1).build();
        assertThat(Json.write(RecordCodec.defaults().toJson(SqsSnsRecord.builder().requestContext(rc).version("1.0")
                .timestamp(Timestamp.of("2024-05-01T10:00:03.000Z")).batchInfo(KafkaBatchInfo.builder().batchSize(1)
                        .bootstrapServers("b:9092").payloadSize(1).build()).build())))
                .isEqualTo("{\"requestContext\":{\"requestId\":\"r\",\"functionArn\":\"arn:f\",\"condition\":"
                        + "\"RetryAttemptsExhausted\",\"approximateInvokeCount\":1},\"version\":\"1.0\",\"timestamp\":"
                        + "\"2024-05-01T10:00:03.000Z\",\"KafkaBatchInfo\":{\"batchSize\":1,\"bootstrapServers\":"
                        + "\"b:9092\",\"payloadSize\":1,\"recordsInfo\":{}}}");
        assertThat(RequestContext.TABLE.members()).extracting(Member::jsonName)
                .containsExactly("requestId", "functionArn", "condition", "approximateInvokeCount");
    }

    @Test
    void lookups_byNameAndRequired_comeFromTheTable() {
        assertThat(ResponseContext.TABLE.member("functionError")).contains(ResponseContext.Members.FUNCTION_ERROR);
        assertThat(ResponseContext.TABLE.member("FunctionError")).isEmpty();
        assertThat(ResponseContext.TABLE.required(false)).containsExactly(ResponseContext.Members.STATUS_CODE);
        assertThat(ResponseContext.TABLE.required(true)).containsExactly(ResponseContext.Members.STATUS_CODE,
                ResponseContext.Members.EXECUTED_VERSION);
        assertThat(TopicRecord.TABLE.spec(KafkaFailureRecord.Members.PAYLOAD).types(true))
                .containsExactly(JsonType.OBJECT);
        assertThat(S3Record.TABLE.spec(KafkaFailureRecord.Members.PAYLOAD).types(true))
                .containsExactlyInAnyOrder(JsonType.STRING, JsonType.OBJECT);
    }

    private static JsonObject with(JsonObject o, String name, JsonValue value) {
        Map<String, JsonValue> members = new LinkedHashMap<>(o.members());
        members.put(name, value);
        return JsonObject.of(members);
    }

    /** What differs between a table and its schemas, in words; empty when they agree. */
    private static List<String> differences(Place place, Schemas schemas) {
        List<String> out = new ArrayList<>();
        for (boolean strict : new boolean[] {false, true}) {
            List<String> locations = new ArrayList<>(place.tolerant);
            if (strict) {
                locations.addAll(place.strict);
            }
            Effective e = new Effective();
            for (String location : locations) {
                e.add(schemas, location);
            }
            String profile = strict ? "strict" : "tolerant";
            Set<String> names = new LinkedHashSet<>(place.table.names());
            if (!names.equals(e.properties.keySet())) {
                out.add(profile + " names: table " + names + ", schema " + e.properties.keySet());
            }
            Set<String> required = new TreeSet<>();
            place.table.required(strict).forEach(m -> required.add(m.jsonName()));
            if (!required.equals(new TreeSet<>(e.required))) {
                out.add(profile + " required: table " + required + ", schema " + new TreeSet<>(e.required));
            }
            for (Member m : place.table.members()) {
                List<Located> subs = e.properties.get(m.jsonName());
                if (subs == null) {
                    continue;
                }
                Set<String> types = new TreeSet<>(ALL_TYPES);
                for (Located sub : subs) {
                    types.retainAll(types(schemas, sub));
                }
                Set<String> expected = new TreeSet<>();
                specOf(place.table, m).types(strict).forEach(t -> expected.add(t.schemaName()));
                if (!expected.equals(types)) {
                    out.add(profile + " " + m.jsonName() + " types: table " + expected + ", schema " + types);
                }
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Member.Spec specOf(MemberTable table, Member m) {
        return table.spec((Enum) m);
    }

    /** The JSON types a schema allows: what its type keyword, its $ref and allOf, and its if/then/else leave. */
    private static Set<String> types(Schemas schemas, Located at) {
        Set<String> types = new TreeSet<>(ALL_TYPES);
        if (!(at.node instanceof JsonObject o)) {
            return types;
        }
        o.get("type").ifPresent(t -> types.retainAll(typeNames(t)));
        o.get("$ref").ifPresent(ref -> types.retainAll(types(schemas, schemas.resolve(at.file,
                ((JsonString) ref).value()))));
        o.get("allOf").ifPresent(all -> ((JsonArray) all).elements()
                .forEach(sub -> types.retainAll(types(schemas, new Located(at.file, sub)))));
        if (o.get("if").orElse(null) instanceof JsonObject test && test.size() == 1 && test.has("type")) {
            Set<String> condition = typeNames(test.get("type").orElseThrow());
            Set<String> then = o.get("then").map(t -> types(schemas, new Located(at.file, t)))
                    .orElse(new TreeSet<>(ALL_TYPES));
            Set<String> otherwise = o.get("else").map(t -> types(schemas, new Located(at.file, t)))
                    .orElse(new TreeSet<>(ALL_TYPES));
            Set<String> either = new TreeSet<>(then);
            either.retainAll(condition);
            otherwise.removeAll(condition);
            either.addAll(otherwise);
            types.retainAll(either);
        }
        return types;
    }

    private static Set<String> typeNames(JsonValue type) {
        Set<String> names = new TreeSet<>();
        if (type instanceof JsonString s) {
            names.add(s.value());
        } else {
            ((JsonArray) type).elements().forEach(e -> names.add(((JsonString) e).value()));
        }
        if (names.contains("number")) {
            names.add("integer");
        }
        return names;
    }

    /** A table and where its type is defined. */
    private record Place(MemberTable<?> table, List<String> tolerant, List<String> strict) {
    }

    /** A schema and the file it is in, for resolving its references. */
    private record Located(String file, JsonValue node) {
    }

    /** The members and required names a definition composes, through $ref and allOf. */
    private static final class Effective {
        final Map<String, List<Located>> properties = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();

        void add(Schemas schemas, String location) {
            int hash = location.indexOf('#');
            add(schemas, schemas.resolve(location.substring(0, hash), location.substring(hash)));
        }

        void add(Schemas schemas, Located at) {
            if (!(at.node instanceof JsonObject o)) {
                return;
            }
            o.get("properties").ifPresent(p -> ((JsonObject) p).members().forEach((name, sub) ->
                    properties.computeIfAbsent(name, k -> new ArrayList<>()).add(new Located(at.file, sub))));
            o.get("required").ifPresent(r -> ((JsonArray) r).elements()
                    .forEach(n -> required.add(((JsonString) n).value())));
            o.get("$ref").ifPresent(ref -> add(schemas, schemas.resolve(at.file, ((JsonString) ref).value())));
            o.get("allOf").ifPresent(all -> ((JsonArray) all).elements()
                    .forEach(sub -> add(schemas, new Located(at.file, sub))));
        }
    }

    /** The schema files on the classpath, by path under {@code dev/onfailure/schema/}. */
    private static final class Schemas {
        final Map<String, JsonValue> files = new HashMap<>();

        JsonValue file(String path) {
            return files.computeIfAbsent(path, p -> {
                try (InputStream in = MemberTableTest.class.getResourceAsStream("/dev/onfailure/schema/" + p)) {
                    assertThat(in).as(p).isNotNull();
                    return Json.parse(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** Resolves {@code ref} ({@code file.json}, {@code ../tolerant/file.json#/$defs/x}, {@code #/$defs/x}). */
        Located resolve(String from, String ref) {
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            String file = from;
            if (!target.isEmpty()) {
                String dir = from.substring(0, from.lastIndexOf('/') + 1);
                file = target.startsWith("../") ? target.substring(3) : dir + target;
            }
            JsonValue node = file(file);
            for (String token : pointer.split("/")) {
                if (!token.isEmpty()) {
                    node = ((JsonObject) node).get(token.replace("~1", "/").replace("~0", "~")).orElseThrow(
                            () -> new AssertionError("no " + ref + " from " + from));
                }
            }
            return new Located(file, node);
        }
    }
}
