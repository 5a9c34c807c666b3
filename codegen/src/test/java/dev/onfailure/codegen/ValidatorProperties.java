package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.schema.Kind;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.S3Record;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The producers' laws, through the whole validator: schema and semantic rules alike. */
final class ValidatorProperties {

    private static Validator validator;

    @BeforeAll
    static void create() {
        validator = Validator.create();
    }

    @Test
    void generatedValidRecords_haveNoError_strictOnesUnderStrict() {
        qt().withExamples(300).forAll(QtEntropy.gen(RecordGenerators.records(GeneratorOptions.defaults())))
                .checkAssert(g -> {
                    String text = RecordCodec.defaults().write(g.record());
                    DocumentReport tolerant = validator.validate(text, ValidationOptions.of(Profile.TOLERANT));
                    assertThat(tolerant.findings()).as("%s", g.traits()).noneMatch(Finding::isError);
                    if (g.strict()) {
                        DocumentReport strict = validator.validate(text, ValidationOptions.of(Profile.STRICT));
                        assertThat(strict.findings()).as("%s", g.traits()).noneMatch(Finding::isError);
                    }
                });
    }

    @Test
    void builtRecords_haveNoErrorUnderStrict_andS3PayloadsReadBackToTheEvent() {
        qt().withExamples(200).forAll(QtEntropy.gen(RecordGenerators.events(GeneratorOptions.defaults())))
                .checkAssert(event -> {
                    FailureContext ctx = new FailureContext(dev.onfailure.model.Condition.RECORD_AGE_EXCEEDED,
                            "arn:aws:lambda:us-east-1:123456789012:function:f", "316aa6d0-8154-4b1c-9af7-85d5f4a6bc81",
                            2, dev.onfailure.model.JsonField.absent(), Instant.parse("2030-01-01T00:00:00Z"));
                    for (Kind d : Kind.records()) {
                        for (KafkaFailureRecord r : RecordBuilder.build(event, ctx, d)) {
                            String text = RecordCodec.defaults().write(r);
                            assertThat(validator.validate(text, ValidationOptions.of(Profile.STRICT)).findings())
                                    .as("%s", d).noneMatch(Finding::isError);
                            if (r instanceof S3Record) {
                                KafkaEvent back = ((S3Record) RecordCodec.defaults().read(text)).payload().event();
                                assertThat(back).isEqualTo(event);
                            }
                        }
                    }
                });
    }
}
