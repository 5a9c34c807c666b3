package dev.onfailure.sources;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** What the S3 and SQS sources share: building a client from the options, and turning SDK failures into one line. */
final class Aws {

    /** Attempts per call (the first and two retries): an endpoint that does not answer is reported, not awaited. */
    static final int ATTEMPTS = 3;

    private Aws() {
    }

    /**
     * The HTTP client of a source at {@code location}, trusting the CA bundle the options or the environment name
     * ({@link CaBundle}) if any; a bundle that cannot be read or holds no certificate is one line, before any request.
     */
    static SdkHttpClient http(String location, SourceOptions options, int connections) {
        Duration connect = min(options.timeout(), Duration.ofSeconds(5));
        Apache5HttpClient.Builder b = Apache5HttpClient.builder()
                .maxConnections(connections)
                .connectionTimeout(connect)
                .socketTimeout(options.timeout());
        // a bundle serves TLS only: as the AWS CLI, a plain http:// endpoint does not read it (nor fail on it)
        boolean plain = options.endpointUrl().map(u -> "http".equalsIgnoreCase(u.getScheme())).orElse(false);
        CaBundle.of(options).filter(bundle -> !plain).ifPresent(bundle -> {
            TrustManager[] trust = bundle.trust(location);
            b.tlsTrustManagersProvider(() -> trust);
        });
        return b.build();
    }

    /** The profile whose settings apply: {@code --aws-profile}, else {@code aws.profile} or AWS_PROFILE, else default. */
    static String profileName(SourceOptions options) {
        return options.awsProfile().orElseGet(() -> Optional.ofNullable(System.getProperty("aws.profile"))
                .or(() -> Optional.ofNullable(System.getenv("AWS_PROFILE"))).orElse("default"));
    }

    /**
     * A client for {@code location}: region, endpoint, credentials, bounded retries and timeouts from the options,
     * then {@code more} (HTTP client, addressing). Without a region from the options, the location or the usual chain,
     * a client whose endpoint is not AWS's (set by the environment or a profile's {@code endpoint_url}, as by
     * {@code --endpoint-url}) is signed for us-east-1, which local stores take; one bound for AWS is refused.
     */
    static <B extends AwsClientBuilder<B, C>, C extends SdkClient> C client(B builder, SourceOptions options,
            Location location, UnaryOperator<B> more) {
        Optional<Region> region = region(options, location);
        builder.region(region.orElse(Region.US_EAST_1));
        options.endpointUrl().ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(options));
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .retryStrategy(b -> b.maxAttempts(ATTEMPTS))
                .apiCallTimeout(options.timeout());
        // the profile's other settings (its endpoint_url) come from the same profile as its credentials
        options.awsProfile().ifPresent(override::defaultProfileName);
        builder.overrideConfiguration(override.build());
        C client = more.apply(builder).build();
        if (region.isEmpty() && client.serviceClientConfiguration().endpointOverride().isEmpty()) {
            client.close();
            throw new SourceException(location.uri(), "no AWS region: give --region, set AWS_REGION, or set one in"
                    + " the profile");
        }
        return client;
    }

    private static AwsCredentialsProvider credentials(SourceOptions options) {
        if (options.awsProfile().isPresent()) {
            return ProfileCredentialsProvider.create(options.awsProfile().get());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * An AWS queue URL's host: {@code sqs.REGION.amazonaws.com} (also {@code .com.cn}, {@code sqs-fips.},
     * {@code .api.aws}) or the older {@code REGION.queue.amazonaws.com}.
     */
    private static final Pattern QUEUE_HOST = Pattern.compile(
            "sqs(?:-fips)?\\.([a-z0-9-]+)\\.(?:amazonaws\\.com(?:\\.cn)?|api\\.aws)"
                    + "|([a-z0-9-]+)\\.queue\\.amazonaws\\.com(?:\\.cn)?");

    /**
     * The region: {@code --region}; else the one a queue URL names (a queue lives in one region, and SQS answers a
     * queue URL only from that region's endpoint, whatever the environment's default); else the usual chain
     * ({@code AWS_REGION}, then the profile's, {@code --aws-profile}'s if given); else us-east-1 for
     * {@code --endpoint-url} or a queue URL on a local server (a local store takes any region; signatures just need
     * one); else empty.
     */
    static Optional<Region> region(SourceOptions options, Location location) {
        if (options.region().isPresent()) {
            return Optional.of(Region.of(options.region().get()));
        }
        if (location instanceof Location.Sqs q && q.isUrl()) {
            Optional<Region> named = queueRegion(q.queue());
            if (named.isPresent()) {
                return named;
            }
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            options.awsProfile().ifPresent(chain::profileName);
            return Optional.of(chain.build().getRegion());
        } catch (SdkClientException e) {
            if (options.endpointUrl().isPresent() || queueEndpoint(location).isPresent()) {
                return Optional.of(Region.US_EAST_1);
            }
            return Optional.empty();
        }
    }

    /**
     * A queue URL's own endpoint when its host is not AWS's (ElasticMQ's, LocalStack's): SQS's own URLs name the
     * regional endpoint, and a local server's URL names the server; empty for a queue name or an AWS queue URL.
     */
    static Optional<URI> queueEndpoint(Location location) {
        if (!(location instanceof Location.Sqs q) || !q.isUrl()) {
            return Optional.empty();
        }
        URI url;
        try {
            url = URI.create(q.queue());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        if (host == null || url.getScheme() == null || host.endsWith(".amazonaws.com")
                || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws")) {
            return Optional.empty();
        }
        return Optional.of(URI.create(url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority()));
    }

    private static Optional<Region> queueRegion(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Matcher m = host == null ? null : QUEUE_HOST.matcher(host.toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Region.of(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    /**
     * Where a client's requests go, for messages, and what set it there ({@code setBy}, for advice; null for AWS's own
     * endpoint).
     */
    record Endpoint(String at, String setBy) {

        /** Where {@code --endpoint-url} sends requests, else AWS's endpoint for {@code service}. */
        static Endpoint of(SourceOptions options, String service) {
            return options.endpointUrl().map(u -> new Endpoint(u.toString(), "--endpoint-url"))
                    .orElse(new Endpoint("the AWS " + service + " endpoint", null));
        }

        /** Where {@code client} sends requests: also an endpoint set by AWS_ENDPOINT_URL or a profile's endpoint_url. */
        static Endpoint of(SdkClient client, SourceOptions options, String service) {
            if (options.endpointUrl().isPresent()) {
                return of(options, service);
            }
            return client.serviceClientConfiguration().endpointOverride()
                    .map(u -> new Endpoint(u.toString(), configuredBy(options, service)))
                    .orElse(of(options, service));
        }

        /**
         * What set the endpoint of {@code service} ({@code S3}, {@code SQS}) when {@code --endpoint-url} did not, in
         * the order the SDK looks (its {@code AwsClientEndpointProvider}): the service's system property, the global
         * one, the service's environment variable, the global one, then the profile's {@code endpoint_url} (in its
         * {@code services} section or its own).
         */
        static String configuredBy(SourceOptions options, String service) {
            String serviceSuffix = service.charAt(0) + service.substring(1).toLowerCase(Locale.ROOT);
            for (String property : List.of("aws.endpointUrl" + serviceSuffix, "aws.endpointUrl")) {
                if (System.getProperty(property) != null) {
                    return "the system property " + property;
                }
            }
            for (String variable : List.of("AWS_ENDPOINT_URL_" + service, "AWS_ENDPOINT_URL")) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    return variable;
                }
            }
            return "the endpoint_url of profile " + profileName(options);
        }
    }

    /** One line for a failed call, where the requests went to {@code --endpoint-url} or AWS's endpoint. */
    static SourceException failure(String location, SourceOptions options, String service, SdkException e,
            String permission) {
        return failure(location, Endpoint.of(options, service), options, service, e, permission);
    }

    /** One line for a failed call. */
    static SourceException failure(String location, Endpoint where, SourceOptions options, String service,
            SdkException e, String permission) {
        String at = where.at();
        if (e instanceof AwsServiceException s) {
            String code = Optional.ofNullable(s.awsErrorDetails()).map(d -> d.errorCode()).orElse("");
            int status = s.statusCode();
            if (status == 403 || code.equals("AccessDenied") || code.equals("InvalidAccessKeyId")
                    || code.equals("SignatureDoesNotMatch") || code.equals("InvalidClientTokenId")
                    || code.equals("UnrecognizedClientException") || code.equals("AccessDeniedException")) {
                return new SourceException(location, "access denied (" + (code.isEmpty() ? "HTTP " + status : code)
                        + " from " + at + "): check the credentials, and that they allow " + permission, e);
            }
            String detail = Optional.ofNullable(s.awsErrorDetails()).map(d -> d.errorMessage()).orElse(null);
            // an error without the service's error code: another service (or no AWS service) answered
            String hint = code.isEmpty() && where.setBy() != null ? ", not an answer " + service
                    + " gives: is " + where.setBy() + " an " + service + " endpoint?"
                    : "";
            return new SourceException(location, (code.isEmpty() ? "HTTP " + status : code)
                    + (detail == null ? "" : ": " + detail) + " (from " + at + ")" + hint, e);
        }
        if (e instanceof ApiCallTimeoutException) {
            return new SourceException(location, at + " did not answer within " + seconds(options.timeout()), e);
        }
        Optional<String> tls = tls(where, options, e);
        if (tls.isPresent()) {
            return new SourceException(location, tls.get(), e);
        }
        if (String.valueOf(e.getMessage()).startsWith("Unable to unmarshall response")) {
            // a status of 200 with a body the service never sends: a web page, another service
            return new SourceException(location, at + " answered with something that is not an " + service
                    + " answer (it cannot be read as one)" + (where.setBy() == null ? ""
                    : ": is " + where.setBy() + " an " + service + " endpoint?"), e);
        }
        Throwable root = root(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException
                || root.getClass().getSimpleName().equals("ConnectTimeoutException")
                || root.getClass().getSimpleName().equals("NoHttpResponseException")) {
            // a name that does not resolve is most often a wrong region or endpoint, not a server that is down
            String check = !(root instanceof UnknownHostException) ? ""
                    : where.setBy() != null ? ": check " + where.setBy()
                    : ": check the region (--region, AWS_REGION) and the network";
            return new SourceException(location, at + " does not answer (" + ATTEMPTS + " attempts): "
                    + describe(root) + check, e);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.startsWith("Unable to load credentials") || m.startsWith("Profile file contained no credentials")) {
            // the SDK's message lists every provider it tried and dumps the profile file: a screenful, no advice
            return new SourceException(location, options.awsProfile()
                    .map(p -> "no AWS credentials in profile " + p + " (~/.aws/credentials, ~/.aws/config, or"
                            + " AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE)")
                    .orElse("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, give --aws-profile"
                            + " NAME, or run where a role provides them"), e);
        }
        if (m.contains("credentials")) {
            return new SourceException(location, "no AWS credentials: " + firstSentence(m), e);
        }
        return new SourceException(location, firstSentence(m) + " (" + at + ")", e);
    }

    /**
     * A TLS problem, with what to do about it: a certificate not trusted (a private CA: give a CA bundle), an https://
     * endpoint that answers in plain HTTP, an http:// endpoint that closes the connection without an answer (a TLS
     * listener does, on a request that is not a TLS handshake). The SDK's words are the JDK's, about certification
     * paths and SSL messages, and name neither the endpoint nor a remedy.
     */
    private static Optional<String> tls(Endpoint where, SourceOptions options, SdkException e) {
        String at = where.at();
        String check = where.setBy() == null ? "" : ": check " + where.setBy();
        Throwable root = root(e);
        String rootName = root.getClass().getSimpleName();
        // a TLS listener closes the connection on a request that is no handshake, or resets it
        boolean closed = rootName.equals("NoHttpResponseException") || root instanceof java.net.SocketException
                && String.valueOf(root.getMessage()).startsWith("Connection reset");
        if (closed && at.regionMatches(true, 0, "http://", 0, 7)) {
            return Optional.of(at + " closed the connection without an HTTP answer (" + ATTEMPTS + " attempts): if it"
                    + " speaks TLS, give https://" + at.substring(7) + check);
        }
        // a TLS listener that wants a client certificate may close the connection under the request the client is
        // already writing (TLS 1.3 judges the certificate after the client's handshake), before its alert is read
        boolean cut = root instanceof java.net.SocketException && (String.valueOf(root.getMessage())
                .startsWith("Broken pipe") || String.valueOf(root.getMessage()).startsWith("Connection reset"));
        if (cut && cause(e, SSLException.class) == null && at.regionMatches(true, 0, "https://", 0, 8)) {
            return Optional.of(at + " closed the connection (" + firstSentence(String.valueOf(root.getMessage()))
                    + ", " + ATTEMPTS + " attempts)" + clientKeyStore().map(store -> ": if it wants a client"
                            + " certificate, it may have refused the one in javax.net.ssl.keyStore " + store)
                            .orElse(": if it wants a client certificate (mutual TLS), give one with "
                                    + KEY_STORE_OPTIONS));
        }
        SSLException ssl = cause(e, SSLException.class);
        if (ssl == null) {
            return Optional.empty();
        }
        if (ssl instanceof SSLPeerUnverifiedException) {
            // the JDK trusted the certificate; the client's host name check refused it
            // (the client's message lists the names of the host's kind only: none, for an IP address and DNS names)
            Matcher host = Pattern.compile("Certificate for <([^>]*)>").matcher(String.valueOf(ssl.getMessage()));
            return Optional.of("the certificate of " + at + " is not for " + (host.find() ? host.group(1)
                    : "its host") + " (no subject alternative name of it matches)" + check);
        }
        Optional<CaBundle> bundle = CaBundle.of(options);
        Optional<String> refused = refused(e, bundle.map(CaBundle::named).orElse("the JDK's trust store"));
        if (refused.isPresent()) {
            String why = refused.get();
            if (!why.startsWith(SIGNED_BY_NONE)) {
                return Optional.of("the certificate of " + at + " is not trusted (" + why + ")");
            }
            String remedy = bundle.map(b -> "put the certificate that signed it in " + b.file()
                    + (b.setBy().equals("--ca-bundle") ? "" : ", or give --ca-bundle FILE with it"))
                    .orElse("give --ca-bundle FILE (or AWS_CA_BUNDLE, or the profile's ca_bundle) with the"
                            + " certificate that signed it");
            return Optional.of("the certificate of " + at + " is not trusted (" + why + "): " + remedy);
        }
        Optional<String> alert = certificateAlert(e);
        if (alert.isPresent()) {
            return Optional.of(clientKeyStore().map(store -> at + " refused the client certificate in"
                    + " javax.net.ssl.keyStore " + store + " (TLS alert: " + alert.get() + ")")
                    .orElse(at + " wants a client certificate (mutual TLS) and was given none: give one with "
                            + KEY_STORE_OPTIONS));
        }
        if (String.valueOf(ssl.getMessage()).startsWith("Unsupported or unrecognized SSL message")) {
            String plain = at.regionMatches(true, 0, "https://", 0, 8) ? " (is it http://" + at.substring(8) + "?)" : "";
            return Optional.of(at + " does not speak TLS" + plain + check);
        }
        return Optional.of("TLS with " + at + " failed: " + firstSentence(String.valueOf(ssl.getMessage())) + check);
    }

    /** The TLS alerts a server sends about the client's certificate (RFC 8446, section 6.2). */
    private static final Pattern CERTIFICATE_ALERT = Pattern.compile("Received fatal alert: (certificate_required"
            + "|bad_certificate|certificate_unknown|unsupported_certificate|certificate_revoked|certificate_expired"
            + "|unknown_ca)\\b");

    /**
     * The alert a TLS server sent about the client's certificate (none given, or one it does not take), from the
     * JDK's {@code Received fatal alert: NAME} in {@code e}'s causes; empty if none did.
     */
    static Optional<String> certificateAlert(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher m = c instanceof SSLException ? CERTIFICATE_ALERT.matcher(String.valueOf(c.getMessage())) : null;
            if (m != null && m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static final Pattern JDK_CLASS = Pattern.compile(": (?:java|javax|sun|jdk)\\.[\\w.$]+(?:Exception|Error)");

    /**
     * What the JDK says went wrong in a TLS failure {@code e}, in one line: its innermost cause's message, without
     * the names of the exceptions it wraps ({@code Received fatal alert: protocol_version}).
     */
    static String tlsWhy(Throwable e) {
        String why = String.valueOf(root(e).getMessage());
        Matcher m = JDK_CLASS.matcher(why);
        return firstSentence(m.find() ? why.substring(0, m.start()) : why);
    }

    /** The key store the SDK's HTTP client takes its client certificate from (the JDK's property), if one is set. */
    private static Optional<String> clientKeyStore() {
        String store = System.getProperty("javax.net.ssl.keyStore");
        return store == null || store.isEmpty() || store.equals("NONE") ? Optional.empty() : Optional.of(store);
    }

    /** How a client certificate is given to the SDK's HTTP client: the JDK's key store properties. */
    static final String KEY_STORE_OPTIONS = "-Djavax.net.ssl.keyStore=FILE and -Djavax.net.ssl.keyStorePassword="
            + "PASSWORD (in ONFAILURE_JAVA_OPTS for the command)";

    /** How {@link #refused} begins when no trusted certificate signed the peer's. */
    static final String SIGNED_BY_NONE = "signed by no certificate in ";

    /**
     * Why the JDK refused a TLS peer's certificate, from its exceptions in {@code e}'s causes: {@code signed by no
     * certificate in TRUST} (no path to a trusted certificate, or one with a trusted one's name that did not sign it),
     * {@code it expired at INSTANT}, {@code it is not valid before INSTANT} (without the instant where the JDK does not
     * say which certificate), or the JDK's words; empty if no certificate was refused.
     */
    static Optional<String> refused(Throwable e, String trust) {
        CertPathValidatorException invalid = cause(e, CertPathValidatorException.class);
        CertPathValidatorException.Reason reason = invalid == null ? null : invalid.getReason();
        CertificateException certificate = cause(e, CertificateException.class);
        if (invalid == null && cause(e, CertPathBuilderException.class) == null && certificate == null) {
            return Optional.empty();
        }
        if (cause(e, CertPathBuilderException.class) != null
                || reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return Optional.of(SIGNED_BY_NONE + trust);
        }
        java.security.cert.X509Certificate refusedOne = refusedCertificate(invalid);
        if (cause(e, CertificateExpiredException.class) != null
                || reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return Optional.of(refusedOne == null ? "it has expired"
                    : "it expired at " + refusedOne.getNotAfter().toInstant());
        }
        if (cause(e, CertificateNotYetValidException.class) != null
                || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Optional.of(refusedOne == null ? "it is not valid yet"
                    : "it is not valid before " + refusedOne.getNotBefore().toInstant());
        }
        return Optional.of(firstSentence(String.valueOf(root(e).getMessage())));
    }

    /** The certificate of its path that {@code invalid} refused, if it says which; null if not. */
    private static java.security.cert.X509Certificate refusedCertificate(CertPathValidatorException invalid) {
        if (invalid == null || invalid.getCertPath() == null || invalid.getIndex() < 0
                || invalid.getIndex() >= invalid.getCertPath().getCertificates().size()) {
            return null;
        }
        return invalid.getCertPath().getCertificates().get(invalid.getIndex())
                instanceof java.security.cert.X509Certificate x ? x : null;
    }

    /** The first of {@code t}'s causes (or {@code t}) of {@code type}; null if none is. */
    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String describe(Throwable t) {
        String name = t instanceof ConnectException ? "connection refused"
                : t instanceof UnknownHostException ? "unknown host"
                : t instanceof SocketTimeoutException
                        || t.getClass().getSimpleName().equals("ConnectTimeoutException") ? "timed out"
                : t.getClass().getSimpleName();
        return t.getMessage() == null || t instanceof ConnectException ? name : name + ", " + t.getMessage();
    }

    private static String firstSentence(String m) {
        String line = SourceException.oneLine(m);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    static Throwable root(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
