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

    /** {@link LocationOptions#unused} for these inputs. */
    Optional<String> unused() {
        return kafka.location.unused(paths);
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
