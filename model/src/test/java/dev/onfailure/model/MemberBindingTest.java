package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.SoftAssertions;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Holds every reader to every member table, member by member: for each table and each of its members, on a document
 * that has every member of every type, the tree reader binds the member (a value of a type no member allows, {@code
 * true}, is refused at the member's pointer, so the member is not taken for an unknown one), absence is refused
 * exactly when the table says the member is required, {@code null} exactly when the table allows neither null nor
 * absence (an optional member's null is kept, for the schema check to report), and the document writes back as it
 * came. The readers straight from bytes and from tokens give the same value as the tree,
 * or decline; never a different value, and never a value for a document the tree refuses.
 *
 * <p>A member added to a table and not bound by a reader, or bound with another presence or nullability than its
 * table says, fails here; {@code MemberTableTest} holds the tables to the schemas.
 */
final class MemberBindingTest {

    private static final String REQUEST_CONTEXT = """
            "requestContext":{"requestId":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",\
            "functionArn":"arn:aws:lambda:eu-west-1:210987654321:function:orders-consumer",\
            "condition":"RetryAttemptsExhausted","approximateInvokeCount":11},\
            "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},\
            "version":"1.0","timestamp":"2024-05-01T10:05:00.250Z",""";
    private static final String BATCH = """
            "batchSize":1,\
            "eventSourceArn":"arn:aws:kafka:eu-west-1:210987654321:cluster/orders-prod/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3",\
            "bootstrapServers":"b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098","payloadSize":492,""";
    private static final String RANGES = """
            "recordsInfo":{"orders-3":{"firstRecordOffset":"4242","lastRecordOffset":"4242",\
            "firstRecordTimestamp":"2024-05-01T10:00:00.777Z","lastRecordTimestamp":"2024-05-01T10:00:00.777Z"}}""";
    private static final String RECORD_INFO = """
            "recordInfo":{"offset":"4242","timestamp":"2024-05-01T10:00:00.777Z"}""";
    /** An invocation event with every member of the event, its records and their schema metadata. */
    static final String EVENT = """
            {"eventSource":"aws:kafka",\
            "eventSourceArn":"arn:aws:kafka:eu-west-1:210987654321:cluster/orders-prod/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3",\
            "bootstrapServers":"b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098",\
            "records":{"orders-3":[{"topic":"orders","partition":3,"offset":4242,"timestamp":1714557600777,\
            "timestampType":"CREATE_TIME","key":"b3JkZXItNDI0Mg==",\
            "keySchemaMetadata":{"dataFormat":"AVRO","schemaId":"1234"},"value":"eyJpZCI6NDI0Mn0=",\
            "valueSchemaMetadata":{"dataFormat":"JSON","schemaId":"5678"},"headers":[{"retry":[49]}]}]}}""";

    static final String SQS_SNS = "{" + REQUEST_CONTEXT + "\"KafkaBatchInfo\":{" + BATCH + RANGES + "," + RECORD_INFO
            + "}}";
    static final String S3 = "{" + REQUEST_CONTEXT + "\"KafkaBatchInfo\":{" + BATCH + RANGES + "},\"payload\":"
            + Json.quote(EVENT) + "}";
    static final String TOPIC = "{" + REQUEST_CONTEXT + "\"KafkaBatchInfo\":{" + BATCH + RECORD_INFO + "},\"payload\":"
            + EVENT + "}";

    /** Where each table's type is, in which document, read as a record or as an event. */
    private static final List<Place> PLACES = List.of(
            new Place(SqsSnsRecord.TABLE, SQS_SNS, false, List.of()),
            new Place(S3Record.TABLE, S3, false, List.of()),
            new Place(TopicRecord.TABLE, TOPIC, false, List.of()),
            new Place(RequestContext.TABLE, SQS_SNS, false, List.of("requestContext")),
            new Place(ResponseContext.TABLE, SQS_SNS, false, List.of("responseContext")),
            new Place(KafkaBatchInfo.TABLE, SQS_SNS, false, List.of("KafkaBatchInfo")),
            new Place(TopicBatchInfo.TABLE, TOPIC, false, List.of("KafkaBatchInfo")),
            new Place(RecordRange.TABLE, SQS_SNS, false, List.of("KafkaBatchInfo", "recordsInfo", "orders-3")),
            new Place(RecordInfo.TABLE, TOPIC, false, List.of("KafkaBatchInfo", "recordInfo")),
            new Place(KafkaEvent.TABLE, EVENT, true, List.of()),
            new Place(KafkaRecord.TABLE, EVENT, true, List.of("records", "orders-3", "0")),
            new Place(SchemaMetadata.TABLE, EVENT, true, List.of("records", "orders-3", "0", "keySchemaMetadata")));

    private final RecordCodec codec = RecordCodec.defaults();
    /** Every disagreement of a test at once, so that a new member's every gap shows in one run. */
    private final SoftAssertions soft = new SoftAssertions();

    @AfterEach
    void reportAll() {
        soft.assertAll();
    }

    @Test
    void everyTable_hasAPlace() {
        assertThat(PLACES.stream().map(p -> (Object) p.table).toList()).containsExactlyInAnyOrder(
                SqsSnsRecord.TABLE, S3Record.TABLE, TopicRecord.TABLE, RequestContext.TABLE, ResponseContext.TABLE,
                KafkaBatchInfo.TABLE, TopicBatchInfo.TABLE, RecordRange.TABLE, RecordInfo.TABLE, KafkaEvent.TABLE,
                KafkaRecord.TABLE, SchemaMetadata.TABLE);
    }

    @Test
    void theFullDocuments_haveEveryMember_andWriteBackAsTheyCame() {
        for (Place place : PLACES) {
            JsonObject o = (JsonObject) at(Json.parse(place.document), place.path);
            soft.assertThat(o.names()).as(place.table.title()).containsExactlyElementsOf(place.table.names());
        }
        for (String doc : List.of(SQS_SNS, S3, TOPIC)) {
            soft.assertThat(codec.write(codec.read(Json.parse(doc)))).isEqualTo(doc);
        }
        // the byte reader leaves the single-record form beside recordsInfo to the tree; it takes the rest
        String sqsSns = "{" + REQUEST_CONTEXT + "\"KafkaBatchInfo\":{" + BATCH + RANGES + "}}";
        for (String doc : List.of(sqsSns, S3, TOPIC)) {
            soft.assertThat(codec.readBytes(bytes(doc))).as("the byte reader takes " + doc).isPresent();
        }
        soft.assertThat(codec.readPlain(bytes(sqsSns))).as("the SQS/SNS reader takes " + sqsSns).isPresent();
        soft.assertThat(Json.write(codec.toJson(codec.readEvent(Json.parse(EVENT))))).isEqualTo(EVENT);
        soft.assertThat(EventBytesReader.of(ReadLimits.defaults()).read(bytes(EVENT))).isNotNull();
        soft.assertThat(new KafkaEventReader(ReadLimits.defaults()).read(bytes(EVENT))).isNotNull();
    }

    @Test
    void everyMember_ofAWrongType_isRefusedAtItsPointer_soItIsBound() {
        for (Place place : PLACES) {
            for (Member m : place.table.members()) {
                String doc = place.edit(o -> replaced(o, m.jsonName(), JsonBoolean.of(true)));
                assertThatThrownBy(() -> place.readTree(codec, doc))
                        .as(place.table.title() + "." + m.jsonName())
                        .isInstanceOfSatisfying(ReadException.class, e -> assertThat(e.pointer())
                                .isEqualTo(JsonPointer.append(place.pointer(), m.jsonName())));
                soft.assertThat(place.readFast(codec, doc)).as("fast " + place.table.title() + "." + m.jsonName())
                        .isEmpty();
            }
        }
    }

    @Test
    void everyMember_absent_isRefusedExactlyWhenItsTableRequiresIt() {
        for (Place place : PLACES) {
            for (Member m : place.table.members()) {
                String doc = place.edit(o -> without(o, m.jsonName()));
                String what = place.table.title() + "." + m.jsonName() + " absent";
                if (m == KafkaFailureRecord.Members.PAYLOAD) {
                    // the payload is what makes a record an S3 or Kafka-topic one: without it, it is an SQS/SNS one
                    soft.assertThat(codec.read(Json.parse(doc))).as(what).isInstanceOf(SqsSnsRecord.class);
                    continue;
                }
                checkAgreement(place, doc, !spec(place, m).required(false), what);
            }
        }
    }

    @Test
    void everyMember_null_isRefusedExactlyWhenItsTableNeitherAllowsNullNorAbsence() {
        // The model keeps an optional member's null as JsonField.ofNull() (written back as it came) even where the
        // schema allows no null: the schema check reports it (schema.type), and the record stays readable
        for (Place place : PLACES) {
            for (Member m : place.table.members()) {
                String doc = place.edit(o -> replaced(o, m.jsonName(), JsonNull.INSTANCE));
                String what = place.table.title() + "." + m.jsonName() + " null";
                Member.Spec spec = spec(place, m);
                // recordsInfo's presence chooses between AWS's ranges and the single-record form: a null one is neither
                boolean kept = spec.nullable(false) || !spec.required(false) && m != BatchInfo.Members.RECORDS_INFO;
                checkAgreement(place, doc, kept, what);
            }
        }
    }

    /** The tree reads {@code doc} iff {@code accepted}; the fast readers agree with it or decline. */
    private void checkAgreement(Place place, String doc, boolean accepted, String what) {
        Optional<String> tree;
        try {
            tree = Optional.of(place.readTree(codec, doc));
        } catch (ReadException e) {
            tree = Optional.empty();
        }
        soft.assertThat(tree.isPresent()).as(what + ": read by the tree").isEqualTo(accepted);
        for (String fast : place.readFast(codec, doc)) {
            soft.assertThat(tree).as(what + ": the fast readers give what the tree gives").contains(fast);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Member.Spec spec(Place place, Member m) {
        return ((MemberTable) place.table).spec((Enum) m);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonValue at(JsonValue v, List<String> path) {
        JsonValue cur = v;
        for (String step : path) {
            cur = cur instanceof JsonArray a ? a.get(Integer.parseInt(step)) : ((JsonObject) cur).members().get(step);
        }
        return cur;
    }

    /** {@code v} with the object at {@code path} (from {@code i}) replaced by {@code edit} of it, order kept. */
    private static JsonValue edited(JsonValue v, List<String> path, int i, UnaryOperator<JsonObject> edit) {
        if (i == path.size()) {
            return edit.apply((JsonObject) v);
        }
        String step = path.get(i);
        if (v instanceof JsonArray a) {
            List<JsonValue> out = new ArrayList<>(a.elements());
            int k = Integer.parseInt(step);
            out.set(k, edited(a.get(k), path, i + 1, edit));
            return JsonArray.of(out);
        }
        JsonObject.Builder b = JsonObject.builder();
        ((JsonObject) v).members().forEach((name, value) -> b.put(name,
                name.equals(step) ? edited(value, path, i + 1, edit) : value));
        return b.build();
    }

    private static JsonObject replaced(JsonObject o, String name, JsonValue value) {
        JsonObject.Builder b = JsonObject.builder();
        o.members().forEach((n, v) -> b.put(n, n.equals(name) ? value : v));
        return b.build();
    }

    private static JsonObject without(JsonObject o, String name) {
        JsonObject.Builder b = JsonObject.builder();
        o.members().forEach((n, v) -> {
            if (!n.equals(name)) {
                b.put(n, v);
            }
        });
        return b.build();
    }

    private record Place(MemberTable<?> table, String document, boolean event, List<String> path) {

        String pointer() {
            String p = "";
            for (String step : path) {
                p = JsonPointer.append(p, step);
            }
            return p;
        }

        String edit(UnaryOperator<JsonObject> edit) {
            return Json.write(edited(Json.parse(document), path, 0, edit));
        }

        /** The tree reader's value, written back; throws its {@link ReadException}. */
        String readTree(RecordCodec codec, String doc) {
            if (event) {
                return Json.write(codec.toJson(codec.readEvent(Json.parse(doc))));
            }
            KafkaFailureRecord r = codec.read(Json.parse(doc));
            if (r instanceof S3Record s3) {
                s3.payload().event();   // the event inside is bound as the model binds it
            }
            return codec.write(r);
        }

        /** What each fast reader gives, written back; a reader that declines gives nothing. */
        List<String> readFast(RecordCodec codec, String doc) {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            if (event) {
                KafkaEvent fromBytes = EventBytesReader.of(codec.limits()).read(bytes);
                KafkaEvent fromTokens = new KafkaEventReader(codec.limits()).read(bytes);
                for (KafkaEvent e : new KafkaEvent[] {fromBytes, fromTokens}) {
                    if (e != null) {
                        out.add(Json.write(codec.toJson(e)));
                    }
                }
            } else {
                codec.readBytes(bytes).ifPresent(r -> out.add(codec.write(r)));
                codec.readPlain(bytes).ifPresent(r -> out.add(codec.write(r)));
            }
            return out;
        }
    }
}
