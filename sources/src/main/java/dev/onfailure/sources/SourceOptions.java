package dev.onfailure.sources;

import dev.onfailure.json.ReadLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to read a {@link Location}. Every option has a default; AWS settings left empty come from the usual chains
 * (environment, {@code ~/.aws/config} and {@code ~/.aws/credentials}, instance roles).
 *
 * <pre>{@code
 * SourceOptions options = SourceOptions.builder()
 *         .endpointUrl(URI.create("http://127.0.0.1:9000"))      // LocalStack, MinIO, S3Proxy, ElasticMQ
 *         .region("eu-west-1")
 *         .since(Instant.parse("2026-11-01T00:00:00Z"))
 *         .build();
 * SourceOptions kafka = SourceOptions.builder().bootstrapServer("b-1.example:9098")
 *         .kafkaConfig(Path.of("client.properties")).build();
 * }</pre>
 */
public final class SourceOptions {

    private final Optional<String> region;
    private final Optional<URI> endpointUrl;
    private final Optional<String> awsProfile;
    private final Optional<Path> caBundle;
    private final Optional<Instant> since;
    private final Optional<Instant> until;
    private final OptionalLong maxMessages;
    private final Duration idleWait;
    /** An entry of Kafka's {@code bootstrap.servers} as its client reads one: group 1 the host, group 2 the port. */
    private static final java.util.regex.Pattern HOST_PORT = java.util.regex.Pattern.compile(
            "(?:[0-9a-zA-Z\\-%._]*://)?\\[?([0-9a-zA-Z\\-%._:]*)]?:([0-9]+)");

    private final Optional<String> bootstrapServer;
    private final Optional<Path> kafkaConfig;
    private final OptionalLong fromOffset;
    private final Optional<Instant> fromTime;
    private final Duration timeout;
    private final int concurrency;
    private final long maxDocumentBytes;
    private final long maxBytesInFlight;

    private SourceOptions(Builder b) {
        this.region = b.region;
        this.endpointUrl = b.endpointUrl;
        this.awsProfile = b.awsProfile;
        this.caBundle = b.caBundle;
        this.since = b.since;
        this.until = b.until;
        this.maxMessages = b.maxMessages;
        this.idleWait = b.idleWait;
        this.bootstrapServer = b.bootstrapServer;
        this.kafkaConfig = b.kafkaConfig;
        this.fromOffset = b.fromOffset;
        this.fromTime = b.fromTime;
        this.timeout = b.timeout;
        this.concurrency = b.concurrency;
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.maxBytesInFlight = b.maxBytesInFlight;
    }

    /** Returns the defaults. */
    public static SourceOptions defaults() {
        return builder().build();
    }

    /** Returns a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.region = region;
        b.endpointUrl = endpointUrl;
        b.awsProfile = awsProfile;
        b.caBundle = caBundle;
        b.since = since;
        b.until = until;
        b.maxMessages = maxMessages;
        b.idleWait = idleWait;
        b.bootstrapServer = bootstrapServer;
        b.kafkaConfig = kafkaConfig;
        b.fromOffset = fromOffset;
        b.fromTime = fromTime;
        b.timeout = timeout;
        b.concurrency = concurrency;
        b.maxDocumentBytes = maxDocumentBytes;
        b.maxBytesInFlight = maxBytesInFlight;
        return b;
    }

    /** The AWS region; empty for the default chain (or {@code us-east-1} with an endpoint URL and no region). */
    public Optional<String> region() {
        return region;
    }

    /** The S3 or SQS endpoint to use instead of AWS's (LocalStack, MinIO, ElasticMQ...). */
    public Optional<URI> endpointUrl() {
        return endpointUrl;
    }

    /** The named AWS profile whose credentials and region to use; empty for the default chain. */
    public Optional<String> awsProfile() {
        return awsProfile;
    }

    /**
     * A PEM file of the certificates that sign the S3 or SQS endpoint's certificate, trusted instead of the JDK's
     * (a private CA, a self-signed endpoint); empty for {@code AWS_CA_BUNDLE}, else the profile's {@code ca_bundle},
     * else the JDK's trust store, as the AWS CLI looks.
     */
    public Optional<Path> caBundle() {
        return caBundle;
    }

    /** S3: only objects last modified at or after this instant. */
    public Optional<Instant> since() {
        return since;
    }

    /** S3: only objects last modified before this instant. */
    public Optional<Instant> until() {
        return until;
    }

    /** SQS: stop after this many messages; empty to read until the queue is idle. */
    public OptionalLong maxMessages() {
        return maxMessages;
    }

    /** SQS: stop when the queue has given no new message for this long (default 5 seconds). */
    public Duration idleWait() {
        return idleWait;
    }

    /** Kafka: the bootstrap servers ({@code host:port[,host:port...]}). */
    public Optional<String> bootstrapServer() {
        return bootstrapServer;
    }

    /** Kafka: a client properties file (TLS, SASL/SCRAM, {@code AWS_MSK_IAM}). */
    public Optional<Path> kafkaConfig() {
        return kafkaConfig;
    }

    /** Kafka: start every partition at this offset (or its earliest, if later) instead of the earliest. */
    public OptionalLong fromOffset() {
        return fromOffset;
    }

    /** Kafka: start every partition at the first message with a timestamp at or after this instant. */
    public Optional<Instant> fromTime() {
        return fromTime;
    }

    /** How long a broker or an AWS call may take to answer before the source gives up (default 30 seconds). */
    public Duration timeout() {
        return timeout;
    }

    /** S3: how many objects are fetched at once (default 8). */
    public int concurrency() {
        return concurrency;
    }

    /** The document limit: a document over it is read only this far plus one byte (default: the read limits'). */
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** S3: how many bytes of fetched but not yet consumed objects may be held at once (default 64 MiB). */
    public long maxBytesInFlight() {
        return maxBytesInFlight;
    }

    /** Builds {@link SourceOptions}. */
    public static final class Builder {
        private Optional<String> region = Optional.empty();
        private Optional<URI> endpointUrl = Optional.empty();
        private Optional<String> awsProfile = Optional.empty();
        private Optional<Path> caBundle = Optional.empty();
        private Optional<Instant> since = Optional.empty();
        private Optional<Instant> until = Optional.empty();
        private OptionalLong maxMessages = OptionalLong.empty();
        private Duration idleWait = Duration.ofSeconds(5);
        private Optional<String> bootstrapServer = Optional.empty();
        private Optional<Path> kafkaConfig = Optional.empty();
        private OptionalLong fromOffset = OptionalLong.empty();
        private Optional<Instant> fromTime = Optional.empty();
        private Duration timeout = Duration.ofSeconds(30);
        private int concurrency = 8;
        private long maxDocumentBytes = ReadLimits.defaults().maxDocumentBytes();
        private long maxBytesInFlight = 64L << 20;

        private Builder() {
        }

        /**
         * Sets {@link SourceOptions#region()}: a region name, lowercase letters and digits in words joined by hyphens
         * ({@code eu-west-1}, {@code us-gov-west-1}; a local store may take any such name). Anything else would
         * become part of AWS's host name.
         */
        public Builder region(String value) {
            if (!value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("expected a region name such as eu-west-1, not '" + value + "'");
            }
            region = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#endpointUrl()}: an {@code http} or {@code https} URL with a host. */
        public Builder endpointUrl(URI value) {
            String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null) {
                throw new IllegalArgumentException("expected an http:// or https:// URL such as"
                        + " http://127.0.0.1:9000, not " + value);
            }
            endpointUrl = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#awsProfile()}. */
        public Builder awsProfile(String value) {
            awsProfile = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#caBundle()}; the file is read when a source is opened. */
        public Builder caBundle(Path value) {
            if (Objects.requireNonNull(value, "value").toString().isEmpty()) {
                throw new IllegalArgumentException("expected a PEM file of certificates, not ''");
            }
            caBundle = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#since()}. */
        public Builder since(Instant value) {
            since = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#until()}. */
        public Builder until(Instant value) {
            until = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#maxMessages()}; at least 1. */
        public Builder maxMessages(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxMessages must be at least 1, not " + value);
            }
            maxMessages = OptionalLong.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#idleWait()}; at least one second. */
        public Builder idleWait(Duration value) {
            if (value.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("idleWait must be at least one second, not " + value);
            }
            idleWait = value;
            return this;
        }

        /**
         * Sets {@link SourceOptions#bootstrapServer()}: {@code host:port} entries separated by commas, read as Kafka's
         * {@code bootstrap.servers} reads them: an IPv6 address in brackets or not ({@code [::1]:9092},
         * {@code ::1:9092}), a {@code PLAINTEXT://} or other listener name before the host allowed.
         *
         * @throws IllegalArgumentException if an entry has no host or no port from 1 to 65535
         */
        public Builder bootstrapServer(String value) {
            Objects.requireNonNull(value, "value");
            boolean any = false;
            for (String entry : value.split(",", -1)) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue; // as Kafka: an empty entry is skipped
                }
                any = true;
                java.util.regex.Matcher m = HOST_PORT.matcher(e);
                if (!m.matches() || m.group(1).isEmpty() || m.group(2).length() > 5
                        || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                    throw new IllegalArgumentException("not HOST:PORT: " + e + " (give broker-1:9092,broker-2:9092;"
                            + " an IPv6 address in brackets, [::1]:9092)");
                }
            }
            if (!any) {
                throw new IllegalArgumentException("no HOST:PORT in \"" + value + "\" (give broker-1:9092)");
            }
            bootstrapServer = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#kafkaConfig()}. */
        public Builder kafkaConfig(Path value) {
            kafkaConfig = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#fromOffset()}; at least 0. */
        public Builder fromOffset(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("fromOffset must be at least 0, not " + value);
            }
            fromOffset = OptionalLong.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#fromTime()}. */
        public Builder fromTime(Instant value) {
            fromTime = Optional.of(value);
            return this;
        }

        /** Sets {@link SourceOptions#timeout()}; positive. */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + value);
            }
            timeout = value;
            return this;
        }

        /** Sets {@link SourceOptions#concurrency()}; at least 1. */
        public Builder concurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, not " + value);
            }
            concurrency = value;
            return this;
        }

        /** Sets {@link SourceOptions#maxDocumentBytes()}; at least 1. */
        public Builder maxDocumentBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxDocumentBytes must be at least 1, not " + value);
            }
            maxDocumentBytes = value;
            return this;
        }

        /** Sets {@link SourceOptions#maxBytesInFlight()}; at least 1. */
        public Builder maxBytesInFlight(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBytesInFlight must be at least 1, not " + value);
            }
            maxBytesInFlight = value;
            return this;
        }

        /** Returns the options. */
        public SourceOptions build() {
            if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
                throw new IllegalArgumentException("since (" + since.get() + ") must be before until ("
                        + until.get() + ")");
            }
            if (fromOffset.isPresent() && fromTime.isPresent()) {
                throw new IllegalArgumentException("give fromOffset or fromTime, not both");
            }
            Objects.requireNonNull(timeout);
            return new SourceOptions(this);
        }
    }
}
