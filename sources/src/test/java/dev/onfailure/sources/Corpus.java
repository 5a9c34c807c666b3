package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Kind;
import dev.onfailure.codegen.FailureContext;
import dev.onfailure.codegen.GeneratedRecord;
import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.InvalidRecord;
import dev.onfailure.codegen.InvalidRecords;
import dev.onfailure.codegen.RecordBuilder;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.model.Condition;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents the sources tests write to the servers: records {@link RecordBuilder} makes for a destination,
 * generated valid records of the destination's kind (for S3 both payload forms), labelled invalid records, and text
 * that is not JSON. Each has a name, used as an S3 key suffix, a Kafka key or an SQS message attribute.
 */
public final class Corpus {

    private static final RecordCodec CODEC = RecordCodec.defaults();

    private Corpus() {
    }

    /** The documents for {@code destination}, by name, in a fixed order. */
    public static Map<String, byte[]> of(Kind destination) {
        Kind kind = destination;
        WriteOptions order = WriteOptions.of(kind == Kind.S3 ? KeyOrder.SORTED : KeyOrder.AWS, Layout.COMPACT);
        Map<String, byte[]> docs = new LinkedHashMap<>();
        FailureContext ctx = new FailureContext(Condition.RETRY_ATTEMPTS_EXHAUSTED,
                "arn:aws:lambda:us-east-1:123456789012:function:orders", "316aa6d0-8154-4b1c-9af7-85d5f4a6bc81", 3,
                JsonField.of(ResponseContext.builder().statusCode(200).executedVersion(JsonField.of("$LATEST"))
                        .functionError(JsonField.of("Unhandled")).build()),
                Instant.parse("2026-11-30T10:00:05Z"));
        for (int seed = 1; seed <= 2; seed++) {
            KafkaEvent event = RecordGenerators.events(GeneratorOptions.defaults().strictOnly(true).maxRecords(4))
                    .generate(SeededEntropy.of(seed));
            List<KafkaFailureRecord> built = RecordBuilder.build(event, ctx, destination);
            for (int i = 0; i < built.size() && i < 3; i++) {
                docs.put("built-" + seed + "-" + i, bytes(CODEC.write(built.get(i), order)));
            }
        }
        Set<String> forms = new HashSet<>();
        var records = RecordGenerators.records(GeneratorOptions.defaults().kinds(Set.of(kind)).maxRecords(3));
        for (int seed = 0; seed < 200 && (seed < 8 || kind == Kind.S3 && forms.size() < 2); seed++) {
            GeneratedRecord r = records.generate(SeededEntropy.of(seed));
            r.traits().stream().filter(t -> t.startsWith("payload:")).forEach(forms::add);
            docs.put("generated-" + seed, bytes(CODEC.write(r.record(), order)));
        }
        if (kind == Kind.S3) {
            assertThat(forms).as("both S3 payload forms").contains("payload:string", "payload:object");
        }
        var invalid = InvalidRecords.generator(GeneratorOptions.defaults().kinds(Set.of(kind)).maxRecords(3), false);
        for (int seed = 0; seed < 6; seed++) {
            InvalidRecord r = invalid.generate(SeededEntropy.of(seed));
            docs.put("invalid-" + seed, bytes(r.text()));
        }
        docs.put("not-json", bytes("{\"requestContext\": {\"requestId\": "));
        return docs;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The report the same bytes give when read from a file, as the command reads files. */
    public static DocumentReport fromFile(Validator validator, byte[] bytes) {
        try {
            Path file = Files.createTempFile("onfailure-corpus", ".json");
            try {
                Files.write(file, bytes);
                return validator.validate(file, dev.onfailure.validator.ValidationOptions.TOLERANT);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drains a source. */
    public static List<Document> read(Source source) {
        List<Document> out = new ArrayList<>();
        source.documents().forEachRemaining(out::add);
        return out;
    }
}
