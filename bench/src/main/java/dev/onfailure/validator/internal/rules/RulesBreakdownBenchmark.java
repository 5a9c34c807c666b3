package dev.onfailure.validator.internal.rules;

import dev.onfailure.bench.Inputs;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.RecordReport;
import java.util.Optional;
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
 * The last stages of full validation, after {@code BreakdownBenchmark}'s and {@code S3BreakdownBenchmark}'s: the
 * semantic rules (payload cross-checks included for an S3 record) and the report. It sits in the package it measures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RulesBreakdownBenchmark {

    /** Which record: the SQS/SNS inputs of {@code BreakdownBenchmark}, and the 6.5 MB S3 record. */
    @Param({"documented", "documented-compact", "generated", "partitions-50", "s3-6.5mb"})
    public String input;

    /** The seed of the {@code generated} input. */
    @Param("2026")
    public long seed;

    private KafkaFailureRecord record;
    private Optional<KafkaEvent> event;
    private Kind kind;

    @Setup
    public void setup() {
        record = RecordCodec.defaults().read(Inputs.named(input, seed));
        event = record.payloadIfAny().map(Payload::event);
        kind = record.kind();
    }

    /** The semantic rules. */
    @Benchmark
    public int rules() {
        RuleContext ctx = new RuleContext(Profile.TOLERANT, event, Optional.empty());
        for (Rule r : Rules.ALL) {
            r.check(record, ctx);
        }
        return ctx.findings().size();
    }

    /** The rules and the report, findings sorted. */
    @Benchmark
    public Object report() {
        RuleContext ctx = new RuleContext(Profile.TOLERANT, event, Optional.empty());
        for (Rule r : Rules.ALL) {
            r.check(record, ctx);
        }
        return new RecordReport("", Optional.empty(), Optional.of(kind), Profile.TOLERANT, ctx.findings());
    }
}
