package dev.onfailure.validator.internal;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.fixtures.HandMadeRecord;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas against the documented examples and the hand-made records, through networknt (the engine the validator
 * uses) and dev.harrel (an independent implementation): both must give the same verdict every time.
 */
final class SchemaConformanceTest {

    private static SchemaEngine networknt;
    private static HarrelEngine harrel;

    @BeforeAll
    static void load() {
        networknt = new SchemaEngine();
        harrel = new HarrelEngine();
    }

    static List<ExampleInstance> documented() {
        return DocumentedExamples.allInstances();
    }

    static List<HandMadeRecord> handMade() {
        return HandMadeRecords.all();
    }

    /** Validates with both engines, checks they agree, and returns networknt's violations. */
    public static List<SchemaEngine.Violation> check(Kind kind, Profile profile, String json) {
        JsonNode tree = JacksonTrees.toJackson(Json.parse(json));
        List<SchemaEngine.Violation> a = networknt.validate(kind, profile, tree);
        List<String> b = harrel.validate(kind, profile, json);
        assertThat(b.isEmpty()).as("harrel agrees with networknt on %s/%s: networknt %s, harrel %s", kind, profile,
                a, b).isEqualTo(a.isEmpty());
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documented")
    void documentedInstances_passTolerant_failStrict(ExampleInstance instance) {
        Kind kind = Kind.fromId(instance.name().split("/")[0]).orElseThrow();
        assertThat(check(kind, Profile.TOLERANT, instance.json())).as(instance.name()).isEmpty();
        List<SchemaEngine.Violation> strict = check(kind, Profile.STRICT, instance.json());
        // The Kafka-topic example has a real broker string but a placeholder cluster id (abc123).
        String placeholder = kind == Kind.TOPIC ? "/KafkaBatchInfo/eventSourceArn"
                : "/KafkaBatchInfo/bootstrapServers";
        assertThat(strict).as(instance.name()).extracting(SchemaEngine.Violation::pointer)
                .contains("/requestContext/requestId", placeholder);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handMade")
    void handMadeRecords_haveTheirVerdicts(HandMadeRecord r) {
        Kind kind = r.kind();
        assertThat(check(kind, Profile.TOLERANT, r.json())).as(r.name()).isEmpty();
        List<SchemaEngine.Violation> strict = check(kind, Profile.STRICT, r.json());
        if (r.strictValid()) {
            assertThat(strict).as(r.name()).isEmpty();
        } else {
            assertThat(strict).as(r.name()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handMade")
    void payloadEvents_passTheEventSchema(HandMadeRecord r) {
        KafkaFailureRecord record = RecordCodec.defaults().read(r.json());
        record.payloadIfAny().ifPresent(p -> {
            String event = p.text().orElseGet(() -> Json.write(p.object().orElseThrow()));
            assertThat(check(Kind.EVENT, Profile.TOLERANT, event)).as(r.name()).isEmpty();
            if (r.strictValid()) {
                assertThat(check(Kind.EVENT, Profile.STRICT, event)).as(r.name()).isEmpty();
            }
        });
    }

    static List<CorpusCase> corpus() {
        return Corpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusCases_bothEnginesAgree(CorpusCase c) {
        JsonValue doc;
        try {
            doc = Json.parse(c.text());
        } catch (ReadException e) {
            return; // not JSON: no schema verdict to compare
        }
        if (doc instanceof JsonObject o) {
            for (JsonObject record : records(o)) {
                RecordCodec.kindOf(record).ifPresent(kind -> {
                    for (Profile p : Profile.values()) {
                        check(Kind.fromId(kind.id()).orElseThrow(), p, Json.write(record));
                    }
                });
            }
        }
    }

    /**
     * A record the validator finds valid under a profile passes that profile's schema: a schema's keyword is an error,
     * and what the validator only warns of under tolerant (an inference, such as Kafka's naming rules or a request id
     * that is no UUID) the tolerant schema must not refuse, or contract tests that use the schemas and those that use
     * the validator disagree on the same record. Over every corpus case, wild record, hand-made record and
     * documented instance that is one record.
     */
    @Test
    void aRecordTheValidatorFindsValid_passesTheSchemaOfThatProfile() {
        dev.onfailure.validator.Validator validator = dev.onfailure.validator.Validator.create();
        List<String[]> docs = new ArrayList<>();
        Corpus.cases().forEach(c -> docs.add(new String[] {c.file(), c.text()}));
        dev.onfailure.fixtures.WildRecords.all().forEach(w -> docs.add(new String[] {"wild/" + w.name(), w.json()}));
        HandMadeRecords.all().forEach(h -> docs.add(new String[] {"records/" + h.name(), h.json()}));
        DocumentedExamples.allInstances().forEach(i -> docs.add(new String[] {i.name(), i.json()}));
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (String[] doc : docs) {
            for (Profile p : Profile.values()) {
                dev.onfailure.validator.DocumentReport report = validator.validate(doc[1],
                        dev.onfailure.validator.ValidationOptions.of(p));
                if (!report.valid() || report.records().size() != 1 || report.records().get(0).envelope().isPresent()
                        || report.records().get(0).kind().isEmpty()) {
                    continue;
                }
                Kind kind = report.records().get(0).kind().get();
                List<SchemaEngine.Violation> violations = check(kind, p, doc[1]);
                checked++;
                if (!violations.isEmpty()) {
                    refused.add(doc[0] + " under " + p.id() + ": " + violations);
                }
            }
        }
        assertThat(checked).as("records checked").isGreaterThan(50);
        assertThat(refused).isEmpty();
    }

    /** The records of a document: itself, or what its envelope holds. */
    private static List<JsonObject> records(JsonObject o) {
        List<JsonObject> out = new ArrayList<>();
        Optional<dev.onfailure.validator.Envelope.Unwrapped> u = dev.onfailure.validator.Envelope.unwrap(o);
        if (u.isEmpty()) {
            out.add(o);
            return out;
        }
        for (dev.onfailure.validator.Envelope.Message m : u.get().messages()) {
            m.text().ifPresent(t -> {
                try {
                    if (Json.parse(t) instanceof JsonObject inner) {
                        out.addAll(records(inner));
                    }
                } catch (ReadException e) {
                    // not JSON: nothing to compare
                }
            });
        }
        return out;
    }

    @Test
    void strict_rejectsEachPlaceholderAndImpossibleValue() {
        String good = HandMadeRecords.named("string-payload.s3.json").json();
        assertThat(check(Kind.S3, Profile.STRICT, good)).isEmpty();
        assertStrictFails(replaceOnce(good, "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "2b3c4d5e-6f7a-xmpl-9d0e-1f2a3b4c5d6e"),
                "/requestContext/requestId");
        String bootstrap = "b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098";
        assertStrictFails(replaceOnce(good, "\"bootstrapServers\": \"" + bootstrap + "\"", "\"bootstrapServers\": \"...\""),
                "/KafkaBatchInfo/bootstrapServers");
        assertStrictFails(good.replaceFirst("\"payload\": \".*\",\n", "\"payload\": \"<Whole Event>\",\n"), "/payload");
        assertStrictFails(replaceOnce(good, "\"firstRecordOffset\": \"1200\"", "\"firstRecordOffset\": \"9223372036854775808\""),
                "/KafkaBatchInfo/recordsInfo/orders-0/firstRecordOffset");
        assertStrictFails(replaceOnce(good, "\"firstRecordOffset\": \"1200\"",
                "\"firstRecordOffset\": \"49601189658422359378836298521827638475320189012309704722\""),
                "/KafkaBatchInfo/recordsInfo/orders-0/firstRecordOffset");
        assertStrictFails(replaceOnce(good, "\"timestamp\": \"2024-05-01T10:00:09.999Z\"", "\"timestamp\": \"2024-05-01T10:00:09Z\""),
                "/timestamp");
        assertStrictFails(replaceOnce(good, "\"timestamp\": \"2024-05-01T10:00:09.999Z\"", "\"timestamp\": \"2024-02-30T10:00:09.999Z\""),
                "/timestamp");
        assertStrictFails(replaceOnce(good, "\"version\": \"1.0\"", "\"version\": \"1.1\""), "/version");
        assertStrictFails(replaceOnce(good, "\"version\": \"1.0\"", "\"version\": \"1.0\", \"extra\": 1"), "");
    }

    @Test
    void tolerant_acceptsTheDocumentedQuirks_butNotWrongTypes() {
        String good = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        assertThat(check(Kind.SQS_SNS, Profile.TOLERANT, replaceOnce(good, "6f1c2a9e-3b4d-4c5e-8f7a-9b0c1d2e3f4a",
                "316aa6d0-8154-xmpl-9af7-85d5f4a6bc81"))).isEmpty();
        assertThat(check(Kind.SQS_SNS, Profile.TOLERANT, replaceOnce(good, "\"batchSize\": 4", "\"batchSize\": \"4\"")))
                .extracting(SchemaEngine.Violation::keyword).contains("type");
        // that a request id is a UUID is inference: the validator warns of an empty one under tolerant
        String emptyId = replaceOnce(good, "6f1c2a9e-3b4d-4c5e-8f7a-9b0c1d2e3f4a", "");
        assertThat(check(Kind.SQS_SNS, Profile.TOLERANT, emptyId)).isEmpty();
        assertThat(dev.onfailure.validator.Validator.create().validate(emptyId).valid()).isTrue();
        assertThat(check(Kind.SQS_SNS, Profile.STRICT, emptyId)).extracting(SchemaEngine.Violation::pointer)
                .contains("/requestContext/requestId");
        // a key is a topic, a hyphen and a partition, as AWS says; a topic Kafka would refuse is inference (strict)
        assertThat(check(Kind.SQS_SNS, Profile.TOLERANT, replaceOnce(good, "\"orders-eu-west-1-12\":",
                "\"orders eu-12\":"))).isEmpty();
        assertThat(check(Kind.SQS_SNS, Profile.STRICT, replaceOnce(good, "\"orders-eu-west-1-12\":",
                "\"orders eu-12\":"))).extracting(SchemaEngine.Violation::keyword).contains("propertyNames");
        for (String key : List.of("orders", "orders-", "-12", "orders-12x")) {
            assertThat(check(Kind.SQS_SNS, Profile.TOLERANT, replaceOnce(good, "\"orders-eu-west-1-12\":",
                    "\"" + key + "\":"))).as(key).extracting(SchemaEngine.Violation::keyword).contains("propertyNames");
        }
        assertThat(check(Kind.SQS_SNS, Profile.TOLERANT, replaceOnce(good, "\"firstRecordOffset\": \"88120\"",
                "\"firstRecordOffset\": 88120"))).extracting(SchemaEngine.Violation::pointer)
                .contains("/KafkaBatchInfo/recordsInfo/orders-eu-west-1-12/firstRecordOffset");
    }

    @Test
    void conditionResponseRule_inBothProfiles() {
        String retry = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        JsonObject o = (JsonObject) Json.parse(retry);
        String withoutResponse = Json.write(without(o, "responseContext"));
        String nullResponse = retry.replaceFirst("\"responseContext\": \\{[^}]*\\}", "\"responseContext\": null");
        String max = replaceOnce(retry, "RetryAttemptsExhausted", "MaximumPayloadSizeExceeded");
        for (Profile p : Profile.values()) {
            // that a function that ran leaves a responseContext is inferred: only the strict schema requires it
            assertThat(check(Kind.SQS_SNS, p, withoutResponse).isEmpty()).as(p.id())
                    .isEqualTo(p == Profile.TOLERANT);
            assertThat(check(Kind.SQS_SNS, p, nullResponse).isEmpty()).as(p.id())
                    .isEqualTo(p == Profile.TOLERANT);
            assertThat(check(Kind.SQS_SNS, p, max)).as(p.id()).extracting(SchemaEngine.Violation::pointer)
                    .contains("/responseContext");
            assertThat(check(Kind.SQS_SNS, p, max.replaceFirst("\"responseContext\": \\{[^}]*\\}",
                    "\"responseContext\": null"))).as(p.id()).isEmpty();
        }
    }

    @Test
    void longHostileStrings_doNotOverflowTheRegexEngine() {
        String good = HandMadeRecords.named("string-payload.s3.json").json();
        String servers = "a:1,".repeat(500_000) + "a:1";
        String bootstrap = "b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098,b-2.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098";
        String big = replaceOnce(good, "\"bootstrapServers\": \"" + bootstrap + "\"", "\"bootstrapServers\": \"" + servers + "\"");
        assertThat(check(Kind.S3, Profile.STRICT, big)).isEmpty();
        assertThat(check(Kind.S3, Profile.STRICT, replaceOnce(big, servers, servers + ","))).isNotEmpty();
    }

    private static void assertStrictFails(String json, String pointer) {
        assertThat(check(Kind.S3, Profile.STRICT, json)).extracting(SchemaEngine.Violation::pointer)
                .contains(pointer);
        assertThat(check(Kind.S3, Profile.TOLERANT, json)).isEmpty();
    }

    private static JsonObject without(JsonObject o, String name) {
        JsonObject.Builder b = JsonObject.builder();
        o.members().forEach((k, v) -> {
            if (!k.equals(name)) {
                b.put(k, v);
            }
        });
        return b.build();
    }

    static List<String> names(List<SchemaEngine.Violation> violations) {
        List<String> out = new ArrayList<>();
        violations.forEach(v -> out.add(v.keyword() + "@" + v.pointer()));
        return out;
    }
}
