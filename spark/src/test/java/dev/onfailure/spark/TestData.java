package dev.onfailure.spark;

import dev.onfailure.codegen.GeneratedRecord;
import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.InvalidRecords;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.fixtures.HostileCase;
import dev.onfailure.fixtures.HostileCorpus;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Directories of failure records as destinations and consumers leave them: generated records of every kind (string
 * and object payloads, AWS order or sorted, compact or pretty), generated invalid records, NDJSON batches with blank
 * and broken lines, SQS and SNS envelopes, the conformance corpus, the hostile corpus and corrupt files.
 */
final class TestData {

    /** How a directory is filled. */
    record Plan(long seed, int valid, int invalid, int ndjsonFiles, int envelopes, boolean strictInvalid,
            long maxHostileBytes) {
    }

    private static final RecordCodec CODEC = RecordCodec.defaults();

    private TestData() {
    }

    /** Writes the files of {@code plan} below {@code root} and returns how many there are. */
    static int write(Path root, Plan plan) {
        return write(root, plan, GeneratorOptions.defaults());
    }

    /**
     * Writes the files of {@code plan} below {@code root}, the generated records (valid and invalid) made with
     * {@code options} (for instance batches of more records: larger files), and returns how many there are.
     */
    static int write(Path root, Plan plan, GeneratorOptions options) {
        try {
            int files = 0;
            SeededEntropy e = SeededEntropy.of(plan.seed());
            var records = RecordGenerators.records(options);
            for (int i = 0; i < plan.valid(); i++) {
                GeneratedRecord g = records.generate(e);
                String kind = g.record().kind().id().substring("kafka.".length());
                write(root.resolve("generated/" + kind + "/r" + pad(i) + ".json"), text(g.record(), i));
                files++;
            }
            var invalid = InvalidRecords.generator(options, plan.strictInvalid());
            for (int i = 0; i < plan.invalid(); i++) {
                write(root.resolve("invalid/i" + pad(i) + ".json"), invalid.generate(e).text());
                files++;
            }
            for (int f = 0; f < plan.ndjsonFiles(); f++) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    sb.append(CODEC.write(records.generate(e).record())).append('\n');
                    if (i == 3) {
                        sb.append("   \n");                              // blank: skipped, but counted as a line
                    }
                    if (i == 6) {
                        sb.append(invalid.generate(e).text().replace('\n', ' ')).append('\n');
                    }
                }
                sb.append("{\"broken\": \n");                           // not JSON
                sb.append(CODEC.write(records.generate(e).record()));   // no newline at the end
                write(root.resolve("ndjson/batch" + pad(f) + (f % 2 == 0 ? ".ndjson" : ".jsonl")), sb.toString());
                files++;
            }
            for (int f = 0; f < plan.envelopes(); f++) {
                List<JsonValue> bodies = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    KafkaFailureRecord r = records.generate(e).record();
                    bodies.add(JsonObject.builder().put("messageId", JsonString.of("m" + i))
                            .put("body", JsonString.of(CODEC.write(r))).build());
                }
                bodies.add(JsonObject.builder().put("body", JsonString.of("not json")).build());
                write(root.resolve("envelopes/sqs" + pad(f) + ".json"),
                        Json.write(JsonObject.builder().put("Records", JsonArray.of(bodies)).build()));
                KafkaFailureRecord r = records.generate(e).record();
                write(root.resolve("envelopes/sns" + pad(f) + ".json"), Json.write(JsonObject.builder()
                        .put("Type", JsonString.of("Notification"))
                        .put("MessageId", JsonString.of("n" + f))
                        .put("Message", JsonString.of(CODEC.write(r))).build()));
                files += 2;
            }
            for (CorpusCase c : Corpus.cases()) {
                write(root.resolve("corpus/" + c.file()), c.text());
                files++;
            }
            for (HostileCase h : HostileCorpus.cases()) {
                byte[] bytes = h.bytes().get();
                if (bytes.length <= plan.maxHostileBytes()) {
                    Files.write(dirs(root.resolve("hostile/" + h.name() + ".json")), bytes);
                    files++;
                }
            }
            Files.write(dirs(root.resolve("corrupt/empty.json")), new byte[0]);
            Files.write(dirs(root.resolve("corrupt/latin1.json")),
                    "{\"requestContext\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
            Files.write(dirs(root.resolve("corrupt/binary.json")), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0});
            Files.write(dirs(root.resolve("corrupt/truncated.json")),
                    "{\"requestContext\":{\"requestId\":\"".getBytes(StandardCharsets.UTF_8));
            Files.write(dirs(root.resolve("corrupt/lines.ndjson")), new byte[] {'{', '\n', (byte) 0xc3, '\n'});
            files += 5;
            return files;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** As destinations write them: S3 objects sorted, SQS/SNS bodies and topic messages in AWS order. */
    private static String text(KafkaFailureRecord r, int i) {
        KeyOrder order = r.kind() == Kind.S3 ? KeyOrder.SORTED : KeyOrder.AWS;
        return CODEC.write(r, WriteOptions.of(order, i % 3 == 0 ? Layout.PRETTY : Layout.COMPACT));
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(dirs(p), text, StandardCharsets.UTF_8);
    }

    private static Path dirs(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return p;
    }

    private static String pad(int i) {
        return String.format("%05d", i);
    }
}
