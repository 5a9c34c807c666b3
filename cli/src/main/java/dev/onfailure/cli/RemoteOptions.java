package dev.onfailure.cli;

import dev.onfailure.sources.Location;
import dev.onfailure.sources.SourceOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            description = "kafka://: the brokers to connect to.")
    String bootstrapServer;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "kafka://: client properties (TLS, SASL/SCRAM, AWS_MSK_IAM).")
    Path kafkaConfig;

    /**
     * An option of one kind of location given without a location of that kind among {@code args} (null for standard
     * input), as a usage problem: {@code --since} with only local files would otherwise read them all as if it had
     * not been given.
     */
    Optional<String> unused(List<String> args) {
        Set<String> schemes = args.stream().filter(a -> a != null && Location.isLocation(a))
                .map(a -> a.substring(0, a.indexOf("://") + 3).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Map<String, String> given = new LinkedHashMap<>();
        if (location.since != null) {
            given.put("--since", "s3://");
        }
        if (location.until != null) {
            given.put("--until", "s3://");
        }
        if (location.maxMessages != null) {
            given.put("--max-messages", "sqs://");
        }
        if (location.fromOffset != null) {
            given.put("--from-offset", "kafka://");
        }
        if (location.fromTime != null) {
            given.put("--from-time", "kafka://");
        }
        return given.entrySet().stream().filter(e -> !schemes.contains(e.getValue())).findFirst()
                .map(e -> e.getKey() + " applies to " + e.getValue() + " locations, and none is given");
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
