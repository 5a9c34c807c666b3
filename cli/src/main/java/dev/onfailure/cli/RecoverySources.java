package dev.onfailure.cli;

import dev.onfailure.json.ReadLimits;
import dev.onfailure.sources.SourceOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What {@code fetch} and {@code redrive} read failure records from: the SOURCE parameters, taken as {@code validate}
 * takes its paths, and the cluster options ({@link KafkaOptions}) that go with them.
 */
final class RecoverySources {

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = "Failure records: files, directories, NDJSON, - for standard input (the default), or "
                    + "s3://bucket/prefix, sqs://queue, kafka://topic.")
    List<String> paths = new ArrayList<>();

    @Mixin
    KafkaOptions kafka;

    /**
     * {@link LocationOptions#unused} for these inputs, and the failure-record topic's cluster options given without a
     * {@code kafka://} source to read there.
     */
    Optional<String> unused() {
        Optional<String> location = kafka.location.unused(paths);
        if (location.isPresent() || LocationOptions.schemes(paths).contains("kafka://")) {
            return location;
        }
        String given = kafka.sourceBootstrap != null ? "--source-bootstrap-server"
                : kafka.sourceConfig != null ? "--source-kafka-config" : null;
        return Optional.ofNullable(given).map(g -> g + " applies to kafka:// locations (the failure-record topic's"
                + " cluster), and none is given: the original records' cluster is --bootstrap-server");
    }

    /** The SQS queue among the sources, if any: its records carry only offsets ({@link Recovery#offsetsOnly}). */
    Optional<String> offsetsOnly() {
        return Recovery.offsetsOnly(paths);
    }

    /** Returns what reads the sources that are locations, with the cluster options; the caller closes it. */
    Remote remote() {
        SourceOptions options = kafka.sourceOptions(ReadLimits.defaults().maxDocumentBytes());
        return new Remote(() -> options, false);
    }

    /** Returns the failure records of the sources, read through {@code remote}; problems go to standard error. */
    FailureInputs inputs(Io io, Remote remote) {
        return new FailureInputs(paths, io.in(), remote, io.err());
    }

    /** The line for a {@code --kafka-config} file that cannot be read. */
    String cannotReadConfig(IOException e) {
        return "onfailure: --kafka-config " + kafka.config + ": " + Inputs.message(e);
    }
}
