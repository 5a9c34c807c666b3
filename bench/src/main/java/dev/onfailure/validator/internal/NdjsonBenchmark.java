package dev.onfailure.validator.internal;

import dev.onfailure.bench.Inputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.cli.Main;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.schema.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
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
 * The command on a 10,000-record NDJSON stream, with one worker thread and with two (their ratio is the parallel
 * speed-up), beside the baselines of the same records in the same run: Jackson's {@code readTree} of every line,
 * and networknt alone on every parsed line. All four are per 10,000 records.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar NdjsonBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx1g"})   // the launcher's collector and heap
public class NdjsonBenchmark {

    private static final int RECORDS = 10_000;

    /** The stream, for the command. */
    @State(Scope.Benchmark)
    public static class Stream {

        /** Worker threads. */
        @Param({"1", "2"})
        public int threads;

        byte[] ndjson;
        final PrintStream sink = new PrintStream(OutputStream.nullOutputStream());

        @Setup
        public void setup() {
            ndjson = Inputs.ndjson(RECORDS);
        }
    }

    /** The same records line by line, for the baselines. */
    @State(Scope.Benchmark)
    public static class Lines {

        final JsonMapper mapper = JsonMapper.builder().build();
        final SchemaEngine engine = new SchemaEngine();
        final List<byte[]> lines = new ArrayList<>();
        final List<JsonNode> trees = new ArrayList<>();
        final List<Kind> kinds = new ArrayList<>();

        @Setup
        public void setup() throws IOException {
            byte[] all = Inputs.ndjson(RECORDS);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    byte[] line = java.util.Arrays.copyOfRange(all, start, i);
                    lines.add(line);
                    trees.add(mapper.readTree(line));
                    kinds.add(RecordCodec.kindOf((JsonObject) Json.parse(line)).orElseThrow());
                    start = i + 1;
                }
            }
            if (lines.size() != RECORDS) {
                throw new IllegalStateException(lines.size() + " lines");
            }
        }
    }

    /** validate --format json over standard input. */
    @Benchmark
    public int validateNdjson(Stream s) {
        int code = Main.run(new String[] {"validate", "--format", "json", "--threads", Integer.toString(s.threads)},
                new ByteArrayInputStream(s.ndjson), s.sink, s.sink, false);
        if (code != 0) {
            throw new IllegalStateException("exit " + code);
        }
        return code;
    }

    /** Baseline: Jackson's tree parse of every line. */
    @Benchmark
    public int baselineReadTree(Lines l) throws IOException {
        int n = 0;
        for (byte[] line : l.lines) {
            n += l.mapper.readTree(line).size();
        }
        return n;
    }

    /** Baseline: networknt alone on every parsed line. */
    @Benchmark
    public int baselineNetworkntOnTree(Lines l) {
        int n = 0;
        for (int i = 0; i < RECORDS; i++) {
            n += l.engine.validate(l.kinds.get(i), Profile.TOLERANT, l.trees.get(i)).size();
        }
        return n;
    }
}
