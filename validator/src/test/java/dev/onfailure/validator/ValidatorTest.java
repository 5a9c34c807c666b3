package dev.onfailure.validator;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.fixtures.HandMadeRecord;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.json.Json;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.JsonValue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ValidatorTest {

    static Validator validator;

    @BeforeAll
    static void create() {
        validator = Validator.create();
    }

    static final ValidationOptions STRICT = ValidationOptions.of(Profile.STRICT);

    static List<ExampleInstance> documented() {
        return DocumentedExamples.allInstances();
    }

    static List<HandMadeRecord> handMade() {
        return HandMadeRecords.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documented")
    void documentedInstances_validTolerantWithWarnings_invalidStrict(ExampleInstance i) {
        RecordReport tolerant = single(validator.validate(i.json()));
        assertThat(tolerant.valid()).as("%s", tolerant.findings()).isTrue();
        assertThat(tolerant.findings()).isNotEmpty().allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(tolerant.codes()).contains("record.request-id");
        if (!i.name().startsWith("kafka.topic")) {
            assertThat(tolerant.codes()).contains("kafka.offset-int64");
        }
        RecordReport strict = single(validator.validate(i.json(), STRICT));
        assertThat(strict.valid()).isFalse();
        assertThat(strict.findings()).filteredOn(f -> f.code().equals("record.request-id"))
                .allMatch(Finding::isError).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handMade")
    void handMadeRecords_haveTheirVerdicts(HandMadeRecord r) {
        RecordReport tolerant = single(validator.validate(r.json()));
        assertThat(tolerant.kind()).contains(r.kind());
        assertThat(tolerant.findings()).as(r.name()).noneMatch(Finding::isError);
        RecordReport strict = single(validator.validate(r.json(), STRICT));
        assertThat(strict.valid()).as("%s", strict.findings()).isEqualTo(r.strictValid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"approximateInvokeCount\": 3.0", "\"batchSize\": 3E0", "\"payloadSize\": 1.782e3",
        "\"statusCode\": 2.00E2", "\"approximateInvokeCount\": 30E-1"})
    void integersInOtherForms_areIntegers_forTheModelAsForTheSchema(String member) {
        String record = HandMadeRecords.named("string-payload.s3.json").json();
        String name = member.substring(0, member.indexOf(':') + 1);
        String changed = record.replaceFirst(java.util.regex.Pattern.quote(name) + " [0-9]+", member);
        assertThat(changed).as(member).isNotEqualTo(record);
        for (ValidationOptions o : List.of(ValidationOptions.TOLERANT, STRICT)) {
            RecordReport r = single(validator.validate(changed, o));
            assertThat(r.findings()).as("%s %s", member, r.findings()).isEmpty();
        }
    }

    @Test
    void serverlessMskArn_passesStrict() {
        String provisioned = HandMadeRecords.named("string-payload.s3.json").json();
        assertThat(provisioned).contains("7d6e5f4a3b2c-3");
        String serverless = provisioned.replace("7d6e5f4a3b2c-3", "7d6e5f4a3b2c-s2");
        RecordReport strict = single(validator.validate(serverless, STRICT));
        assertThat(strict.findings()).as("%s", strict.findings()).isEmpty();
        assertThat(single(validator.validate(provisioned.replace("7d6e5f4a3b2c-3", "7d6e5f4a3b2c-x2"), STRICT))
                .codes()).contains("schema.pattern");
    }

    @Test
    void s3Example_placeholderPayload_isNotAnEvent_warningThenError() {
        String s3 = DocumentedExamples.s3().instances().get(0).json();
        Finding tolerant = find(single(validator.validate(s3)), "kafka.payload-not-event");
        assertThat(tolerant.severity()).isEqualTo(Severity.WARNING);
        assertThat(tolerant.pointer()).isEqualTo("/payload");
        assertThat(find(single(validator.validate(s3, STRICT)), "kafka.payload-not-event").severity())
                .isEqualTo(Severity.ERROR);
        // the strict schema's pattern on /payload says the same as the rule: only the rule's finding is reported
        assertThat(single(validator.validate(s3, STRICT)).findings()).filteredOn(f -> f.pointer().equals("/payload"))
                .extracting(Finding::code).containsExactly("kafka.payload-not-event");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":1,}", "// x\n{}", "{\"a\":NaN}", "[1 2]", "{} {}"})
    void malformed_isJsonSyntax(String text) {
        RecordReport r = single(validator.validate(text));
        assertThat(r.codes()).containsExactly("json.syntax");
        assertThat(r.valid()).isFalse();
        assertThat(r.kind()).isEmpty();
    }

    @Test
    void jsonProblems_haveTheirCodes() {
        assertThat(single(validator.validate("{\"a\":1,\"a\":2}")).codes()).containsExactly("json.duplicate-key");
        assertThat(single(validator.validate("[".repeat(10_000))).codes()).containsExactly("json.limit");
        assertThat(single(validator.validate("[1]")).codes()).containsExactly("json.not-object");
        assertThat(single(validator.validate("\"x\"")).findings().get(0).message()).contains("a JSON string");
        assertThat(single(validator.validate("{\"hello\":1}")).codes()).containsExactly("record.unknown-kind");
        assertThat(single(validator.validate("{\"KinesisBatchInfo\":{}}")).findings().get(0).message())
                .contains("Kinesis");
        byte[] badUtf8 = {'{', '"', (byte) 0xFF, '"', ':', '1', '}'};
        assertThat(single(validator.validate(badUtf8)).codes()).containsExactly("json.syntax");
    }

    /** A date that does not exist (February 30) reads as one sentence, not networknt's two run together. */
    @Test
    void formatFinding_isOneSentence() {
        String record = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        String feb30 = record.replaceFirst("\"timestamp\"\\s*:\\s*\"[^\"]*\"",
                "\"timestamp\": \"2024-02-30T10:00:00.000Z\"");
        assertThat(feb30).isNotEqualTo(record);
        Finding f = validator.validate(feb30, STRICT).findings().stream()
                .filter(x -> x.code().equals("schema.format")).findFirst().orElseThrow();
        assertThat(f.pointer()).isEqualTo("/timestamp");
        assertThat(f.message()).startsWith("timestamp is not a valid RFC 3339 date-time (expected: ")
                .doesNotContain("pattern must");
    }

    @Test
    void syntaxFinding_saysWhere() {
        Finding f = single(validator.validate("{\n\"a\": 1,\n}")).findings().get(0);
        assertThat(f.message()).contains("line 3, column 1");
        assertThat(f.args()).containsEntry("line", "3");
    }

    @Test
    void snsNotification_isUnwrapped() {
        String record = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\","
                + "\"Message\":" + Json.quote(record) + ",\"Timestamp\":\"2024-05-01T10:00:00.000Z\"}";
        RecordReport r = single(validator.validate(envelope));
        assertThat(r.location()).isEqualTo("/Message");
        assertThat(r.envelope()).contains(Envelope.SNS_NOTIFICATION);
        assertThat(r.kind()).contains(dev.onfailure.schema.Kind.SQS_SNS);
        assertThat(r.valid()).isTrue();
    }

    @Test
    void sqsEvent_eachBodyValidated_snsInsideSqsToo() {
        String good = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        String notification = "{\"Type\":\"Notification\",\"Message\":" + Json.quote(good) + "}";
        String event = "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":" + Json.quote(good) + "},"
                + "{\"eventSource\":\"aws:sqs\",\"body\":\"not json\"},"
                + "{\"eventSource\":\"aws:sqs\",\"body\":" + Json.quote(notification) + "},"
                + "{\"eventSource\":\"aws:sqs\"}]}";
        DocumentReport report = validator.validate(event);
        assertThat(report.records()).extracting(RecordReport::location)
                .containsExactly("/Records/0/body", "/Records/1/body", "/Records/2/body/Message", "/Records/3/body");
        assertThat(report.records().get(0).valid()).isTrue();
        assertThat(report.records().get(1).codes()).containsExactly("envelope.message-not-json");
        assertThat(report.records().get(2).envelope()).contains(Envelope.SNS_NOTIFICATION);
        assertThat(report.records().get(2).valid()).isTrue();
        assertThat(report.records().get(3).codes()).containsExactly("envelope.message-not-json");
        assertThat(report.valid()).isFalse();
    }

    @Test
    void snsEvent_isUnwrapped_andEmptyEnvelopeWarns() {
        String good = HandMadeRecords.named("retries.topic.json").json();
        String event = "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":" + Json.quote(good) + "}}]}";
        RecordReport r = single(validator.validate(event));
        assertThat(r.location()).isEqualTo("/Records/0/Sns/Message");
        assertThat(r.envelope()).contains(Envelope.SNS_EVENT);
        assertThat(r.kind()).contains(dev.onfailure.schema.Kind.TOPIC);
        assertThat(single(validator.validate("{\"Records\":[]}")).codes()).containsExactly("envelope.empty");
    }

    @Test
    void forcedKind_skipsDetection() {
        String sqs = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        RecordReport asS3 = single(validator.validate(sqs, ValidationOptions.TOLERANT.asKind(Kind.S3)));
        assertThat(asS3.kind()).contains(dev.onfailure.schema.Kind.S3);
        assertThat(asS3.codes()).contains("schema.required");
        String event = "{\"eventSource\":\"aws:kafka\",\"records\":{\"bad key\":[]}}";
        RecordReport ev = single(validator.validate(event, ValidationOptions.TOLERANT.asKind(Kind.EVENT)));
        assertThat(ev.codes()).containsExactly("kafka.topic-partition-key");
    }

    @Test
    void keepingRecords_reportsHoldTheBoundRecord_withItsEventParsed_onlyWhenAsked() {
        String s3 = HandMadeRecords.named("string-payload.s3.json").json();
        ValidationOptions keeping = ValidationOptions.TOLERANT.keepingRecords();
        assertThat(single(validator.validate(s3)).record()).isEmpty();
        RecordReport fromText = single(validator.validate(s3, keeping));
        dev.onfailure.model.KafkaFailureRecord record = fromText.record().orElseThrow();
        assertThat(record).isInstanceOf(dev.onfailure.model.S3Record.class)
                .isEqualTo(dev.onfailure.model.RecordCodec.defaults().read(s3));
        assertThat(record.payloadIfAny().orElseThrow().event().allRecords()).hasSize(3);
        RecordReport fromTree = single(validator.validate(Json.parse(s3), keeping));
        assertThat(fromTree.record()).contains(record);
        assertThat(fromTree).isEqualTo(fromText);
        String sqs = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        String event = "{\"Records\":[{\"body\":" + Json.write(dev.onfailure.json.JsonString.of(sqs)) + "},"
                + "{\"body\":\"not json\"},{\"body\":\"{}\"}]}";
        List<RecordReport> inEvent = validator.validate(event, keeping).records();
        assertThat(inEvent).extracting(RecordReport::location)
                .containsExactly("/Records/0/body", "/Records/1/body", "/Records/2/body");
        assertThat(inEvent.get(0).record()).contains(dev.onfailure.model.RecordCodec.defaults().read(sqs));
        assertThat(inEvent.get(1).record()).isEmpty();
        assertThat(inEvent.get(2).record()).isEmpty();
        assertThat(single(validator.validate(s3, keeping.asKind(Kind.EVENT))).record()).isEmpty();
        assertThat(single(validator.validate(s3.replace("\"batchSize\": 3", "\"batchSize\": \"3\""), keeping))
                .record()).as("a member of the wrong type: no record the model can bind").isEmpty();
    }

    @Test
    void options_keepRecordsThroughAsKind_andOnlyWhenAsked() {
        assertThat(ValidationOptions.TOLERANT.keepRecords()).isFalse();
        assertThat(STRICT.keepRecords()).isFalse();
        ValidationOptions both = STRICT.keepingRecords().asKind(Kind.S3);
        assertThat(both).isEqualTo(STRICT.asKind(Kind.S3).keepingRecords())
                .isEqualTo(new ValidationOptions(Profile.STRICT, Optional.of(Kind.S3), true));
        assertThat(new ValidationOptions(Profile.STRICT, Optional.of(Kind.S3))).isEqualTo(STRICT.asKind(Kind.S3))
                .extracting(ValidationOptions::keepRecords).isEqualTo(false);
    }

    @Test
    void findings_areSortedByPointerThenCode() {
        String bad = replaceOnce(replaceOnce(replaceOnce(HandMadeRecords.named("self-managed.sqs-sns.json").json(), "\"batchSize\": 4", "\"batchSize\": 0"), "6f1c2a9e-3b4d-4c5e-8f7a-9b0c1d2e3f4a", "nope"), "\"firstRecordOffset\": \"88120\"", "\"firstRecordOffset\": \"99999\"");
        RecordReport r = single(validator.validate(bad, STRICT));
        assertThat(r.findings()).isSortedAccordingTo(Finding.ORDER);
        assertThat(r.codes()).contains("schema.minimum", "record.request-id", "kafka.offset-order");
    }

    @Test
    void inputStreamAndPath() throws Exception {
        String good = HandMadeRecords.named("edge-values.sqs-sns.json").json();
        assertThat(validator.validate(new java.io.ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)),
                STRICT).valid()).isTrue();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("rec", ".json");
        java.nio.file.Files.writeString(tmp, good);
        assertThat(validator.validate(tmp, STRICT).valid()).isTrue();
        java.nio.file.Files.delete(tmp);
    }

    @Test
    void aStreamOverTheDocumentLimit_endsInTheLimitFinding_andIsNotReadToItsEnd() throws Exception {
        Validator small = Validator.create(dev.onfailure.json.ReadLimits.builder().maxDocumentBytes(100).build());
        String good = HandMadeRecords.named("edge-values.sqs-sns.json").json();
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        RecordReport fromBytes = single(small.validate(bytes));
        assertThat(fromBytes.codes()).containsExactly("json.limit");
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return ' ';
            }
        };
        RecordReport fromStream = single(small.validate(new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(bytes), endless), ValidationOptions.TOLERANT));
        assertThat(fromStream.codes()).containsExactly("json.limit");
        assertThat(read.get()).as("bytes read past the document").isLessThan(1 << 20);
        RecordReport exact = single(small.validate(new java.io.ByteArrayInputStream(bytes), ValidationOptions.TOLERANT));
        assertThat(exact.codes()).containsExactly("json.limit");
    }

    static RecordReport single(DocumentReport report) {
        assertThat(report.records()).hasSize(1);
        return report.records().get(0);
    }

    static Finding find(RecordReport r, String code) {
        Optional<Finding> f = r.findings().stream().filter(x -> x.code().equals(code)).findFirst();
        assertThat(f).as("%s in %s", code, r.findings()).isPresent();
        return f.get();
    }

    @Test
    void nullArgument_isRefusedNamingIt() {
        byte[] bytes = HandMadeRecords.all().get(0).json().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> validator.validate((byte[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("json");
        assertThatThrownBy(() -> validator.validate((String) null)).hasMessage("json");
        assertThatThrownBy(() -> validator.validate(bytes, null)).hasMessage("options");
        assertThatThrownBy(() -> validator.validate("{}", null)).hasMessage("options");
        assertThatThrownBy(() -> validator.validate((JsonValue) null, STRICT)).hasMessage("document");
        assertThatThrownBy(() -> validator.validate((InputStream) null, STRICT)).hasMessage("in");
        assertThatThrownBy(() -> validator.validate((Path) null, STRICT)).hasMessage("path");
    }
}
