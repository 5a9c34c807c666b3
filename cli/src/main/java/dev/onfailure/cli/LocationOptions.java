package dev.onfailure.cli;

import dev.onfailure.sources.Location;
import dev.onfailure.sources.SourceOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What selects and reaches the records at {@code s3://}, {@code sqs://} and {@code kafka://} locations, except the
 * Kafka cluster itself, which each command names in its own way ({@link RemoteOptions} for the commands that check
 * records, {@link KafkaOptions} for {@code fetch} and {@code redrive}). A picocli mixin of those mixins, so every
 * command spells these options, and parses them, the same way. AWS settings left out come from the usual chains
 * (environment, {@code ~/.aws}, instance roles).
 */
final class LocationOptions {

    /** How long a broker or an endpoint may take when {@code --timeout} is not given. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--region", paramLabel = "REGION", converter = RegionConverter.class,
            description = "AWS region (default: a queue URL's, else the usual chain).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", converter = EndpointConverter.class,
            description = "S3 or SQS endpoint to use instead of AWS's (LocalStack, MinIO, ElasticMQ...).")
    URI endpointUrl;

    @Option(names = "--ca-bundle", paramLabel = "FILE",
            description = "S3 and SQS: PEM certificates that sign the endpoint's, trusted instead of the JDK's"
                    + " (default: AWS_CA_BUNDLE, else the profile's ca_bundle).")
    java.nio.file.Path caBundle;

    @Option(names = "--aws-profile", paramLabel = "NAME",
            description = "Named AWS profile for credentials and region (--profile is the validation profile).")
    String awsProfile;

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "s3://: only objects last modified at or after TIME (2026-11-30 or 2026-11-30T10:00:00Z).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "s3://: only objects last modified before TIME.")
    Instant until;

    @Option(names = "--max-messages", paramLabel = "N",
            description = "sqs://: stop after N messages (default: when the queue has been idle for 5 s).")
    Long maxMessages;

    @Option(names = "--from-offset", paramLabel = "OFFSET",
            description = "kafka://: start every partition at OFFSET (default: the earliest).")
    Long fromOffset;

    @Option(names = "--from-time", paramLabel = "TIME", converter = InstantConverter.class,
            description = "kafka://: start every partition at the first message at or after TIME.")
    Instant fromTime;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a broker or an AWS endpoint may take to answer (default 30s; 500ms, 10s, 2m).")
    Duration timeout;

    /**
     * An option of one kind of location given without a location of that kind among {@code args} (null for standard
     * input), as a usage problem: {@code --since} with only local files would otherwise read them all as if it had
     * not been given.
     */
    Optional<String> unused(List<String> args) {
        Set<String> schemes = schemes(args);
        Map<String, String> given = new LinkedHashMap<>();
        if (since != null) {
            given.put("--since", "s3://");
        }
        if (until != null) {
            given.put("--until", "s3://");
        }
        if (maxMessages != null) {
            given.put("--max-messages", "sqs://");
        }
        if (fromOffset != null) {
            given.put("--from-offset", "kafka://");
        }
        if (fromTime != null) {
            given.put("--from-time", "kafka://");
        }
        if (caBundle != null && !schemes.contains("s3://") && !schemes.contains("sqs://")) {
            // Kafka's TLS is set in the --kafka-config file (ssl.truststore.*), not here
            return Optional.of("--ca-bundle applies to s3:// and sqs:// locations, and none is given (a Kafka"
                    + " cluster's certificates are trusted with ssl.truststore.* in the --kafka-config file)");
        }
        return given.entrySet().stream().filter(e -> !schemes.contains(e.getValue())).findFirst()
                .map(e -> e.getKey() + " applies to " + e.getValue() + " locations, and none is given");
    }

    /** The kinds of location among {@code args} ({@code s3://}, {@code sqs://}, {@code kafka://}); null is stdin. */
    static Set<String> schemes(List<String> args) {
        return args.stream().filter(a -> a != null && Location.isLocation(a))
                .map(a -> a.substring(0, a.indexOf("://") + 3).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** {@code --timeout}, or 30 seconds. */
    Duration timeout() {
        return timeout != null ? timeout : DEFAULT_TIMEOUT;
    }

    /** Objects fetched at once from S3. */
    static final int MIN_FETCH_CONCURRENCY = 16;

    /**
     * How many S3 objects are fetched at once for {@code threads} validating threads: at least
     * {@link #MIN_FETCH_CONCURRENCY}, since a GET waits tens of milliseconds for its first byte while validating a
     * record takes microseconds, and two per thread beyond that.
     */
    static int fetchConcurrency(int threads) {
        return Math.max(MIN_FETCH_CONCURRENCY, threads * 2);
    }

    /**
     * The library's options for reading locations, with the Kafka cluster of {@code kafka://} locations (either may
     * be null), or a usage problem in an {@link IllegalArgumentException}.
     */
    SourceOptions toOptions(long maxDocumentBytes, int concurrency, String bootstrapServer,
            java.nio.file.Path kafkaConfig) {
        SourceOptions.Builder b = SourceOptions.builder().maxDocumentBytes(maxDocumentBytes)
                .concurrency(fetchConcurrency(concurrency));
        if (region != null) {
            b.region(region);
        }
        if (endpointUrl != null) {
            b.endpointUrl(endpointUrl);
        }
        if (awsProfile != null) {
            b.awsProfile(awsProfile);
        }
        if (caBundle != null) {
            b.caBundle(caBundle);
        }
        if (since != null) {
            b.since(since);
        }
        if (until != null) {
            b.until(until);
        }
        if (maxMessages != null) {
            if (maxMessages < 1) {
                throw new IllegalArgumentException("--max-messages must be at least 1, not " + maxMessages);
            }
            b.maxMessages(maxMessages);
        }
        if (bootstrapServer != null) {
            b.bootstrapServer(bootstrapServer);
        }
        if (kafkaConfig != null) {
            b.kafkaConfig(kafkaConfig);
        }
        if (fromOffset != null) {
            if (fromOffset < 0) {
                throw new IllegalArgumentException("--from-offset must be at least 0, not " + fromOffset);
            }
            b.fromOffset(fromOffset);
        }
        if (fromTime != null) {
            b.fromTime(fromTime);
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        return b.build();
    }

    /** A region name, as the library takes it ({@code eu-west-1}). */
    static final class RegionConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                SourceOptions.builder().region(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return value;
        }
    }

    /** An {@code http} or {@code https} URL with a host, as the library takes it. */
    static final class EndpointConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                // what the library says of a URL that is not http or https: this is not one either
                uri = URI.create("unparsable:" + value.hashCode());
            }
            try {
                SourceOptions.builder().endpointUrl(uri);
                return uri;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().replace(uri.toString(), value));
            }
        }
    }

    /** {@code host:port[,host:port...]}, as the library takes it: a typo is a usage error, not a client failure. */
    static final class BootstrapConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                SourceOptions.builder().bootstrapServer(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return value;
        }
    }

    /** {@code 2026-11-30T10:00:00Z}, or a date meaning its midnight UTC. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date (2026-11-30) or a UTC time"
                        + " (2026-11-30T10:00:00Z), not " + value);
            }
        }
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}, or a number of seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                Duration d;
                if (v.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                } else {
                    d = Duration.ofSeconds(Long.parseLong(v));
                }
                if (d.isNegative() || d.isZero()) {
                    throw new TypeConversionException("expected a duration above zero, not " + value);
                }
                return d;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("expected a duration such as 500ms, 10s or 2m, not " + value);
            }
        }
    }
}
