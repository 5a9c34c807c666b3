package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.WildRecords;
import dev.onfailure.fixtures.WildRecords.WildRecord;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Profile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Records as the Go emulator gopherstack writes them: read losslessly, told apart, each difference named. */
final class WildRecordsTest {

    private static final Set<String> VARIANT_CODES = Set.of("kafka.single-record-info", "kafka.header-unsigned",
            "record.member-order");

    private static Validator validator;

    @BeforeAll
    static void create() {
        validator = Validator.create();
    }

    static List<WildRecord> wild() {
        return WildRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wild")
    void tolerant_validWithItsKind_andOnlyItsVariantsCodes(WildRecord w) {
        RecordReport r = single(validator.validate(w.json()));
        assertThat(r.valid()).as("%s", r.findings()).isTrue();
        assertThat(r.kind().map(dev.onfailure.schema.Kind::id)).contains(w.kind());
        assertThat(r.codes()).as("%s", r.findings()).isNotEmpty().allMatch(VARIANT_CODES::contains);
        assertThat(r.findings()).allMatch(f -> f.severity() == Severity.WARNING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wild")
    void strict_invalid_withTheSameCodesAsErrors(WildRecord w) {
        RecordReport tolerant = single(validator.validate(w.json()));
        RecordReport strict = single(validator.validate(w.json(), ValidationOptions.of(Profile.STRICT)));
        assertThat(strict.valid()).isFalse();
        assertThat(strict.codes()).as("%s", strict.findings()).containsAll(tolerant.codes());
        assertThat(tolerant.codes()).noneMatch(c -> c.startsWith("schema."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wild")
    void model_readsEachLosslessly_andTellsItsForm(WildRecord w) {
        RecordCodec codec = RecordCodec.defaults();
        KafkaFailureRecord r = codec.read(w.json());
        assertThat(r.kind().id()).isEqualTo(w.kind());
        assertThat(codec.read(codec.write(r))).isEqualTo(r);
        if (r.batchInfo() instanceof KafkaBatchInfo info) {
            assertThat(info.isSingleRecord()).isTrue();
            assertThat(info.recordsInfo()).isEmpty();
            assertThat(codec.write(r)).contains("\"recordInfo\":").doesNotContain("recordsInfo");
        }
        r.payloadIfAny().filter(p -> p.isEvent()).ifPresent(p -> assertThat(p.event().recordCount()).isOne());
    }

    @Test
    void codes_nameEachDifference() {
        assertThat(single(validator.validate(WildRecords.named("gopherstack.msk.sqs-sns.json").orElseThrow().json()))
                .codes()).containsOnly("kafka.single-record-info", "record.member-order");
        assertThat(single(validator.validate(WildRecords.named("gopherstack.msk.s3.json").orElseThrow().json()))
                .codes()).containsOnly("kafka.single-record-info", "record.member-order", "kafka.header-unsigned");
        RecordReport topic = single(validator.validate(WildRecords.named("gopherstack.self-managed.topic.json")
                .orElseThrow().json()));
        assertThat(topic.codes()).containsOnly("record.member-order", "kafka.header-unsigned");
        assertThat(topic.findings()).filteredOn(f -> f.code().equals("kafka.header-unsigned"))
                .extracting(Finding::pointer).containsExactly("/payload/records/clicks-1/0/headers/0/<trace>&");
    }

    @Test
    void awsOwnForms_haveNoneOfTheseCodes() {
        for (dev.onfailure.fixtures.ExampleInstance i : dev.onfailure.fixtures.DocumentedExamples.allInstances()) {
            assertThat(single(validator.validate(i.json())).codes()).as(i.name()).noneMatch(VARIANT_CODES::contains);
        }
        for (dev.onfailure.fixtures.HandMadeRecord h : dev.onfailure.fixtures.HandMadeRecords.all()) {
            assertThat(single(validator.validate(h.json())).codes()).as(h.name()).noneMatch(VARIANT_CODES::contains);
        }
    }

    private static RecordReport single(DocumentReport d) {
        assertThat(d.records()).hasSize(1);
        return d.records().get(0);
    }
}
