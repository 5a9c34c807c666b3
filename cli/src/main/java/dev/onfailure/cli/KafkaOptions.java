package dev.onfailure.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The options that say how to reach the cluster, shared by {@code fetch} and {@code redrive}. */
final class KafkaOptions {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT[,...]",
            description = "The Kafka cluster to read from (and write to).")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, isolation.level...).")
    Path config;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the cluster before giving up (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Returns true when a cluster is named, by option or in the properties file. */
    boolean hasCluster() throws IOException {
        return bootstrap != null || settings().containsKey("bootstrap.servers");
    }

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** Returns the client settings: the file's, then {@code --bootstrap-server}. */
    Map<String, Object> settings() throws IOException {
        Map<String, Object> out = new HashMap<>();
        if (config != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        }
        if (bootstrap != null) {
            out.put("bootstrap.servers", bootstrap);
        }
        return out;
    }

    Optional<String> bootstrapForMessages() throws IOException {
        return Optional.ofNullable((String) settings().get("bootstrap.servers"));
    }
}
