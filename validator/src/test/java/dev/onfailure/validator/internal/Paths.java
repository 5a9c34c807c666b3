package dev.onfailure.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Envelope;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The law of the ways into the validator: text, UTF-8 bytes (in an array or a stream) and an already parsed tree (which never takes the
 * straight-from-bytes path) give the same report, under both profiles; and a document carried as the body of a Lambda
 * SQS event gets the same findings there, at its place in the envelope. Keeping the records
 * ({@link ValidationOptions#keepingRecords()}) changes nothing else in a report, every way in gives the same record, and
 * for a bare record it is the record the model reads from the document, present exactly when the model can read one.
 */
public final class Paths {

    private static final Validator VALIDATOR = Validator.create();

    private Paths() {
    }

    /**
     * Checks the law on {@code text}; returns how many of its reports came from the straight-from-bytes path (any
     * kind, {@code RecordCodec.readBytes}).
     */
    public static int agree(String text) {
        int plain = 0;
        for (Profile profile : Profile.values()) {
            ValidationOptions options = ValidationOptions.of(profile);
            DocumentReport fromText = VALIDATOR.validate(text, options);
            DocumentReport fromBytes = VALIDATOR.validate(text.getBytes(StandardCharsets.UTF_8), options);
            try {
                assertThat(VALIDATOR.validate(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        options)).as("stream vs bytes under %s: %s", profile.id(), text).isEqualTo(fromBytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            JsonValue tree;
            try {
                tree = Json.parse(text);
            } catch (ReadException e) {
                // not JSON: Jackson words its syntax errors differently for text and bytes; the finding is the same
                assertThat(fromBytes.findings()).extracting(f -> f.code() + " " + f.pointer())
                        .as("bytes vs text under %s: %s", profile.id(), text)
                        .isEqualTo(fromText.findings().stream().map(f -> f.code() + " " + f.pointer()).toList());
                continue;
            }
            assertThat(fromBytes).as("bytes vs text under %s: %s", profile.id(), text).isEqualTo(fromText);
            DocumentReport fromTree = VALIDATOR.validate(tree, options);
            assertThat(fromText).as("text vs tree under %s: %s", profile.id(), text).isEqualTo(fromTree);
            keptRecords(text, tree, options, fromTree);
            if (dev.onfailure.model.RecordCodec.defaults().readBytes(text.getBytes(StandardCharsets.UTF_8)).isPresent()) {
                plain++;
            }
            if (fromTree.records().size() == 1 && fromTree.records().get(0).envelope().isEmpty()) {
                String sqsEvent = "{\"Records\":[{\"messageId\":\"m\",\"body\":" + Json.write(
                        dev.onfailure.json.JsonString.of(text)) + "}]}";
                List<RecordReport> expected = new ArrayList<>();
                for (RecordReport r : fromTree.records()) {
                    expected.add(new RecordReport("/Records/0/body" + r.location(), Optional.of(Envelope.SQS_EVENT),
                            r.kind(), r.profile(), r.findings()));
                }
                assertThat(VALIDATOR.validate(sqsEvent, options).records()).as("inside an SQS event under %s: %s",
                        profile.id(), text).isEqualTo(expected);
            }
        }
        return plain;
    }

    /** The law of {@link ValidationOptions#keepingRecords()} on {@code text}, whose report is {@code report}. */
    private static void keptRecords(String text, JsonValue tree, ValidationOptions options, DocumentReport report) {
        ValidationOptions keeping = options.keepingRecords();
        String profile = options.profile().id();
        DocumentReport fromText = VALIDATOR.validate(text, keeping);
        DocumentReport fromBytes = VALIDATOR.validate(text.getBytes(StandardCharsets.UTF_8), keeping);
        DocumentReport fromTree = VALIDATOR.validate(tree, keeping);
        assertThat(withoutRecords(fromTree)).as("kept records, otherwise as without, under %s: %s", profile, text)
                .isEqualTo(report);
        assertThat(fromBytes).as("kept records, bytes vs text under %s: %s", profile, text).isEqualTo(fromText);
        assertThat(fromText).as("kept records, text vs tree under %s: %s", profile, text).isEqualTo(fromTree);
        assertThat(report.records()).as("records kept only when asked: %s", text)
                .allMatch(r -> r.record().isEmpty());
        if (fromTree.records().size() == 1 && fromTree.records().get(0).location().isEmpty()) {
            Optional<dev.onfailure.model.KafkaFailureRecord> read;
            try {
                read = Optional.of(dev.onfailure.model.RecordCodec.defaults().read(text));
            } catch (ReadException e) {
                read = Optional.empty();
            }
            assertThat(fromTree.records().get(0).record()).as("the record kept under %s: %s", profile, text)
                    .isEqualTo(fromTree.records().get(0).kind().isPresent() ? read : Optional.empty());
        }
    }

    private static DocumentReport withoutRecords(DocumentReport report) {
        return new DocumentReport(report.records().stream().map(r -> new RecordReport(r.location(), r.envelope(),
                r.kind(), r.profile(), r.findings())).toList());
    }
}
