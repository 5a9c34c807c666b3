package dev.onfailure.validator.internal;

import dev.onfailure.bench.Inputs;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.S3Record;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where validating the 6.5 MB S3 record spends its time, stage by stage (the rules are {@code RulesBreakdownBenchmark}'s,
 * input {@code s3-6.5mb}). For finding what to optimise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class S3BreakdownBenchmark {

    private byte[] document;
    private S3Record record;
    private byte[] payload;
    private JsonValue payloadTree;
    private KafkaEvent event;

    @Setup
    public void setup() {
        document = Inputs.s3(6_815_744);
        record = (S3Record) RecordCodec.defaults().read(document);
        payload = record.payload().utf8().orElseThrow();
        payloadTree = Json.parse(payload);
        event = RecordCodec.defaults().readEvent(payloadTree);
    }

    /** The record, payload kept as a slice. */
    @Benchmark
    public KafkaFailureRecord readRecord() {
        return RecordCodec.defaults().read(document);
    }

    /** The payload's UTF-8 bytes, unescaped from the slice. */
    @Benchmark
    public byte[] unescapePayload() {
        return record.payload().utf8().orElseThrow();
    }

    /** The payload's bytes to the lossless tree. */
    @Benchmark
    public JsonValue parsePayload() {
        return Json.parse(payload);
    }

    /** The payload's tree to the typed event. */
    @Benchmark
    public KafkaEvent bindEvent() {
        return RecordCodec.defaults().readEvent(payloadTree);
    }

    /** The fast schema check of the event. */
    @Benchmark
    public boolean fastCheckEvent() {
        return FastSchemaCheck.event(event, Profile.TOLERANT);
    }
}
