package dev.onfailure.validator.internal;

import dev.onfailure.bench.Inputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.util.List;
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
 * Validation and round trips of whole records, each beside its baselines in the same run: Jackson's {@code readTree}
 * of the same bytes (the floor), networknt alone on the parsed tree, and a Jackson tree round trip.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RecordBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RecordBenchmark {

    /**
     * Which record: AWS's SQS/SNS example (as documented, indented, and compact, as Lambda writes bodies), a generated
     * SQS/SNS record, 50 topic-partitions, S3 with a 1 MB or 6.5 MB payload.
     */
    @Param({"documented", "documented-compact", "generated", "partitions-50", "s3-1mb", "s3-6.5mb"})
    public String input;

    /** The seed of the {@code generated} input: another seed, another record. */
    @Param("2026")
    public long seed;

    private byte[] bytes;
    private JsonNode tree;
    private Kind kind;
    private JsonMapper mapper;
    private Validator validator;
    private SchemaEngine engine;
    private RecordCodec codec;

    @Setup
    public void setup() throws IOException {
        bytes = Inputs.named(input, seed);
        mapper = JsonMapper.builder().build();
        tree = mapper.readTree(bytes);
        validator = Validator.create();
        engine = new SchemaEngine();
        codec = RecordCodec.defaults();
        kind = RecordCodec.kindOf((dev.onfailure.json.JsonObject) Json.parse(bytes)).orElseThrow();
        if (!validator.validate(bytes).valid()) {
            throw new IllegalStateException("the benchmark input is not valid: " + validator.validate(bytes).findings());
        }
    }

    /** Baseline: Jackson's tree parse of the same bytes. */
    @Benchmark
    public JsonNode baselineReadTree() throws IOException {
        return mapper.readTree(bytes);
    }

    /** Baseline: networknt alone, on an already parsed tree. */
    @Benchmark
    public List<SchemaEngine.Violation> baselineNetworkntOnTree() {
        return engine.validate(kind, Profile.TOLERANT, tree);
    }

    /** Full validation: parse, schema, semantic rules, payload cross-checks. */
    @Benchmark
    public DocumentReport fullValidation() {
        return validator.validate(bytes);
    }

    /** Baseline: Jackson tree round trip (read and write). */
    @Benchmark
    public String baselineJacksonRoundTrip() throws IOException {
        return mapper.writeValueAsString(mapper.readTree(bytes));
    }

    /** Lossless round trip through the typed model. */
    @Benchmark
    public String roundTrip() {
        KafkaFailureRecord r = codec.read(bytes);
        return codec.write(r);
    }
}
