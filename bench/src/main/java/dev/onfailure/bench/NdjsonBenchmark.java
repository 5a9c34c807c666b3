package dev.onfailure.bench;

import dev.onfailure.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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
 * The command on a 10,000-record NDJSON stream, with one worker thread (the baseline) and with two; the ratio of the
 * two is the parallel speed-up.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar NdjsonBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class NdjsonBenchmark {

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private byte[] ndjson;
    private final PrintStream sink = new PrintStream(OutputStream.nullOutputStream());

    @Setup
    public void setup() {
        ndjson = Inputs.ndjson(10_000);
    }

    /** validate --format json over standard input. */
    @Benchmark
    public int validateNdjson() {
        int code = Main.run(new String[] {"validate", "--format", "json", "--threads", Integer.toString(threads)},
                new ByteArrayInputStream(ndjson), sink, sink, false);
        if (code != 0) {
            throw new IllegalStateException("exit " + code);
        }
        return code;
    }
}
