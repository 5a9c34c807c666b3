package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.internal.HarrelEngine;
import dev.onfailure.validator.internal.JacksonTrees;
import dev.onfailure.validator.internal.SchemaEngine;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second draft 2020-12 implementation (dev.harrel) gives the same schema verdict as networknt on every generated
 * record, valid or mutated.
 */
final class IndependentSchemaProperties {

    private static SchemaEngine networknt;
    private static HarrelEngine harrel;

    @BeforeAll
    static void load() {
        networknt = new SchemaEngine();
        harrel = new HarrelEngine();
    }

    private static void agree(String text) {
        JsonValue doc;
        try {
            doc = Json.parse(text);
        } catch (ReadException e) {
            return;
        }
        if (!(doc instanceof JsonObject o) || RecordCodec.kindOf(o).isEmpty()) {
            return;
        }
        Kind kind = Kind.fromId(RecordCodec.kindOf(o).get().id()).orElseThrow();
        String compact = Json.write(o);
        for (Profile p : Profile.values()) {
            List<SchemaEngine.Violation> a = networknt.validate(kind, p, JacksonTrees.toJackson(o));
            List<String> b = harrel.validate(kind, p, compact);
            assertThat(b.isEmpty()).as("%s %s: networknt %s, harrel %s", kind, p, a, b).isEqualTo(a.isEmpty());
        }
    }

    @Test
    void validRecords_bothEnginesAgree() {
        qt().withExamples(200).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> agree(RecordCodec.defaults().write(g.record())));
    }

    @Test
    void mutatedRecords_bothEnginesAgree() {
        qt().withExamples(300).forAll(QtEntropy.gen(InvalidRecords.generator(GeneratorOptions.defaults(), true)))
                .checkAssert(bad -> agree(bad.text()));
    }
}
