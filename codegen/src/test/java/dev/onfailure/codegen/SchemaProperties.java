package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.internal.JacksonTrees;
import dev.onfailure.validator.internal.SchemaEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every generated valid record passes the tolerant schema; the strict-conformant ones pass the strict schema. */
final class SchemaProperties {

    private static SchemaEngine engine;

    @BeforeAll
    static void load() {
        engine = new SchemaEngine();
    }

    private static List<SchemaEngine.Violation> validate(KafkaFailureRecord r, Profile p) {
        Kind kind = Kind.fromId(r.kind().id()).orElseThrow();
        return engine.validate(kind, p, JacksonTrees.toJackson(RecordCodec.defaults().toJson(r)));
    }

    @Test
    void generatedRecords_passTolerant_andStrictOnesPassStrict() {
        qt().withExamples(300).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> {
                    assertThat(validate(g.record(), Profile.TOLERANT)).as("%s", g.traits()).isEmpty();
                    if (g.strict()) {
                        assertThat(validate(g.record(), Profile.STRICT)).as("%s", g.traits()).isEmpty();
                    } else if (!g.traits().contains("no-headers") && !g.traits().contains("event-source-arn-null")) {
                        // every tolerant-only quirk at record level is something the strict schema rejects (the
                        // two in the payload's event are not, where the payload is a string)
                        assertThat(validate(g.record(), Profile.STRICT)).as("%s", g.traits()).isNotEmpty();
                    }
                });
    }

    @Test
    void strictOnlyRecords_passStrict_payloadEventsIncluded() {
        qt().withExamples(200)
                .forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults().strictOnly(true))))
                .checkAssert(g -> {
                    assertThat(g.strict()).isTrue();
                    assertThat(validate(g.record(), Profile.STRICT)).as("%s", g.traits()).isEmpty();
                    g.record().payloadIfAny().ifPresent(p -> assertThat(engine.validate(Kind.EVENT,
                            Profile.STRICT, JacksonTrees.toJackson(p.text().map(Json::parse).orElseGet(() ->
                                    p.object().orElseThrow())))).isEmpty());
                });
    }

    @Test
    void generatedEvents_passTheStrictEventSchema() {
        qt().withExamples(200).forAll(QtEntropy.gen(RecordGenerators.events(GeneratorOptions.defaults())))
                .checkAssert(e -> assertThat(engine.validate(Kind.EVENT, Profile.STRICT,
                        JacksonTrees.toJackson(RecordCodec.defaults().toJson(e)))).isEmpty());
    }
}
