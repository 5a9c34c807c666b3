package dev.onfailure.cli;

import dev.onfailure.sources.SourceOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code fetch} and {@code redrive} (in {@link RecoverySources}): the cluster that holds the original
 * records (and, for {@code redrive}, the target topic), and where the failure records are read when they live at a
 * location ({@link LocationOptions}, shared with {@code validate}). A {@code kafka://} topic of failure records is read from
 * the same cluster unless {@code --source-bootstrap-server} names another: AWS writes a Kafka-topic destination on
 * the cluster of the event source mapping, so one cluster is the usual case.
 */
final class KafkaOptions {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT[,...]",
            converter = LocationOptions.BootstrapConverter.class,
            description = "The Kafka cluster of the original records (redrive: and of the target topic); also where"
                    + " kafka:// failure records are read unless --source-bootstrap-server is given.")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties for that cluster (security.protocol, sasl.*, ssl.*,"
                    + " isolation.level...).")
    Path config;

    @Option(names = "--source-bootstrap-server", paramLabel = "HOST:PORT[,...]",
            converter = LocationOptions.BootstrapConverter.class,
            description = "kafka://: the cluster of the failure-record topic, when it is not --bootstrap-server's.")
    String sourceBootstrap;

    @Option(names = "--source-kafka-config", paramLabel = "FILE",
            description = "kafka://: client properties for that cluster (default: --kafka-config).")
    Path sourceConfig;

    @Mixin
    LocationOptions location = new LocationOptions();

    /** Returns true when a cluster is named, by option or in the properties file. */
    boolean hasCluster() throws IOException {
        return bootstrap != null || settings().containsKey("bootstrap.servers");
    }

    Duration timeout() {
        return location.timeout();
    }

    /** Returns the client settings: the file's, then {@code --bootstrap-server}. */
    Map<String, Object> settings() throws IOException {
        Map<String, Object> out = new HashMap<>();
        if (config != null) {
            Optional<String> problem = Inputs.fileProblem(config);
            if (problem.isPresent()) {
                throw new FileSystemException(config.toString(), null, problem.get());
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new FileSystemException(config.toString(), null, "not UTF-8 text (is it a properties file?)");
            } catch (IllegalArgumentException e) {
                // Properties.load's words for a bad Unicode escape name neither the file nor the line
                throw new FileSystemException(config.toString(), null, "not a properties file: " + e.getMessage());
            }
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            // a consumer.properties file of one's own often names a group; no group is ever joined here (assign and
            // seek, nothing committed), so it is left out, as kafka:// leaves it out, rather than refused
            out.remove("group.id");
        }
        if (bootstrap != null) {
            out.put("bootstrap.servers", bootstrap);
        }
        return out;
    }

    /**
     * The options for reading failure records at locations: a {@code kafka://} topic on
     * {@code --source-bootstrap-server} with {@code --source-kafka-config}, each defaulting to the records' cluster.
     */
    SourceOptions sourceOptions(long maxDocumentBytes) {
        Path file = sourceConfig != null ? sourceConfig : config;
        String servers = sourceBootstrap != null ? sourceBootstrap
                : sourceConfig != null && namesServers(sourceConfig) ? null : bootstrap;
        return location.toOptions(maxDocumentBytes, 1, servers, file);
    }

    /** True when the file names {@code bootstrap.servers}; false when it cannot be read (the source says why). */
    private static boolean namesServers(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return p.getProperty("bootstrap.servers") != null;
    }
}
