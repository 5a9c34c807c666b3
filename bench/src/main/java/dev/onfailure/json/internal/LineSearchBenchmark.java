package dev.onfailure.json.internal;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The NDJSON reader's newline search ({@link Newlines}, with which {@code NdjsonLines} splits for the command and the
 * Spark source), eight bytes at a time, against a plain byte loop, over the same 10,000-record stream
 * {@code NdjsonBenchmark} validates: both find every line end, so the difference between them, set against the
 * command's time on the same records, says whether the hand-written search earns its place.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar LineSearchBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx1g"})
@State(Scope.Benchmark)
public class LineSearchBenchmark {

    private byte[] ndjson;

    /** Makes the stream. */
    @Setup
    public void setup() {
        ndjson = dev.onfailure.bench.Inputs.ndjson(10_000);
    }

    /** Every line end, found eight bytes at a time (what the command does). */
    @Benchmark
    public long wordAtATime() {
        long sum = 0;
        int from = 0;
        while (from < ndjson.length) {
            int end = Newlines.find(ndjson, from, ndjson.length);
            sum += end;
            from = end + 1;
        }
        return sum;
    }

    /** Every line end, found byte by byte. */
    @Benchmark
    public long plainLoop() {
        long sum = 0;
        int from = 0;
        while (from < ndjson.length) {
            int end = from;
            while (end < ndjson.length && ndjson[end] != '\n') {
                end++;
            }
            sum += end;
            from = end + 1;
        }
        return sum;
    }
}
