package dev.onfailure.validator.internal;

import dev.onfailure.bench.Inputs;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.schema.Profile;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where full validation of a small record spends its time, stage by stage: parse, bind, fast schema check (the rules
 * and the report are {@code RulesBreakdownBenchmark}'s, in the rules' package). For finding what to optimise; the
 * targets are in {@link RecordBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class BreakdownBenchmark {

    /** Which record (the general path's inputs, {@code topic}, {@code s3-small}, {@code documented-extra-member}, by -p). */
    @Param({"documented", "documented-compact", "generated", "partitions-50"})
    public String input;

    /** The seed of the {@code generated} input. */
    @Param("2026")
    public long seed;

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    private byte[] bytes;
    private JsonValue tree;
    private KafkaFailureRecord record;

    @Setup
    public void setup() {
        bytes = Inputs.named(input, seed);
        tree = Json.parse(bytes);
        record = RecordCodec.defaults().read(tree);
    }

    /** Stage 1: bytes to the lossless tree. */
    @Benchmark
    public JsonValue parse() {
        return Json.parse(bytes);
    }

    /** Stage 2: the tree to the typed model. */
    @Benchmark
    public KafkaFailureRecord bind() {
        return RecordCodec.defaults().read(tree);
    }

    /** For comparison: Jackson's tokenising alone, every name and string made a {@code String}. */
    @Benchmark
    public int tokens() throws java.io.IOException {
        int n = 0;
        try (com.fasterxml.jackson.core.JsonParser p = JSON.createParser(bytes)) {
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                        || t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    n += p.getText().length();
                }
            }
        }
        return n;
    }

    /** Stages 1 and 2 at once: bytes straight to the model, for a record in the common shape. */
    @Benchmark
    public Object readPlain() {
        return RecordCodec.defaults().readPlain(bytes).orElseThrow();
    }

    /**
     * Stages 1 and 2 for a record of any kind ({@code -p input=topic,s3-small,documented-extra-member}): bytes
     * straight to the model, a string payload kept as a slice, an object payload's event read from its bytes.
     */
    @Benchmark
    public KafkaFailureRecord readBytes() {
        return RecordCodec.defaults().readBytes(bytes).orElseThrow();
    }

    /** {@link #readBytes()} and the payload's event (for a string payload, unescaped and read now). */
    @Benchmark
    public Object readBytesAndEvent() {
        KafkaFailureRecord r = RecordCodec.defaults().readBytes(bytes).orElseThrow();
        return r.payloadIfAny().map(dev.onfailure.model.Payload::event).orElse(null);
    }

    /** Stage 3: the fast schema check. */
    @Benchmark
    public boolean fastCheck() {
        return FastSchemaCheck.record(record, Profile.TOLERANT);
    }
}
