package dev.onfailure.cli;

import dev.onfailure.sources.SourceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code s3://}, {@code sqs://} and {@code kafka://} locations for the commands that check records
 * ({@code validate}, {@code inspect}, {@code format}): the shared {@link LocationOptions}, and the cluster of
 * {@code kafka://} locations as {@code --bootstrap-server} (a picocli mixin).
 */
final class RemoteOptions {

    @Mixin
    LocationOptions location = new LocationOptions();

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT[,...]",
            converter = LocationOptions.BootstrapConverter.class,
            description = "kafka://: the brokers to connect to.")
    String bootstrapServer;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "kafka://: client properties (TLS, SASL/SCRAM, AWS_MSK_IAM).")
    Path kafkaConfig;

    /** {@link LocationOptions#unused}. */
    Optional<String> unused(List<String> args) {
        return location.unused(args);
    }

    /** The library's options, or a usage problem in an {@link IllegalArgumentException}. */
    SourceOptions toOptions(long maxDocumentBytes, int concurrency) {
        if (kafkaConfig != null) {
            Inputs.fileProblem(kafkaConfig).ifPresent(p -> {
                throw new IllegalArgumentException("--kafka-config " + kafkaConfig + ": " + p);
            });
        }
        return location.toOptions(maxDocumentBytes, concurrency, bootstrapServer, kafkaConfig);
    }
}
