package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.schema.Kind;
import dev.onfailure.validator.Validator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * S3 and SQS endpoints behind a real TLS listener ({@link TlsRelay}, a self-signed certificate made for the run): a
 * certificate no trust store knows, the CA bundle that trusts it ({@code --ca-bundle}, {@code AWS_CA_BUNDLE}, a
 * profile's {@code ca_bundle}), and a scheme that is not the listener's, each one line that says what to do.
 */
final class TlsTest {

    @TempDir
    static Path dir;

    private static S3Server s3Server;
    private static SqsServer sqsServer;
    private static TlsRelay s3Tls;
    private static TlsRelay sqsTls;
    /** In front of S3Proxy, with a certificate for another host than 127.0.0.1. */
    private static TlsRelay otherHost;
    private static Map<String, byte[]> objects;
    private static final Validator VALIDATOR = Validator.create();

    @BeforeAll
    static void start() throws Exception {
        s3Server = S3Server.start();
        sqsServer = SqsServer.start();
        s3Tls = TlsRelay.start(dir, s3Server.endpoint(), "ip:127.0.0.1");
        sqsTls = TlsRelay.start(dir, sqsServer.endpoint(), "ip:127.0.0.1");
        otherHost = TlsRelay.start(dir, s3Server.endpoint(), "dns:s3.other.example");
        objects = Corpus.of(Kind.S3);
        try (S3Client s3 = s3Server.client()) {
            s3.createBucket(b -> b.bucket("failures"));
            objects.forEach((key, bytes) -> s3.putObject(b -> b.bucket("failures").key(key),
                    RequestBody.fromBytes(bytes)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        otherHost.close();
        sqsTls.close();
        s3Tls.close();
        sqsServer.close();
        s3Server.close();
    }

    private static SourceOptions.Builder options(URI endpoint) {
        return SourceOptions.builder().endpointUrl(endpoint).timeout(Duration.ofSeconds(5))
                .idleWait(Duration.ofSeconds(1));
    }

    private static List<Document> read(String location, SourceOptions options) {
        try (Source source = Source.open(Location.parse(location), options)) {
            return Corpus.read(source);
        }
    }

    @Test
    void s3_withTheCaBundle_givesWhatPlainHttpGives() {
        List<Document> plain = read("s3://failures", options(s3Server.endpoint()).build());
        List<Document> tls = read("s3://failures", options(s3Tls.endpoint()).caBundle(s3Tls.certificate()).build());

        assertThat(tls).hasSize(objects.size());
        assertThat(tls).extracting(d -> d.origin().source())
                .containsExactlyElementsOf(plain.stream().map(d -> d.origin().source()).toList());
        for (int i = 0; i < tls.size(); i++) {
            assertThat(tls.get(i).bytes()).isEqualTo(plain.get(i).bytes());
            assertThat(VALIDATOR.validate(tls.get(i).bytes())).isEqualTo(VALIDATOR.validate(plain.get(i).bytes()));
        }
    }

    @Test
    void sqs_withTheCaBundle_givesWhatPlainHttpGives() {
        String url;
        try (SqsClient sqs = sqsServer.client()) {
            url = sqs.createQueue(b -> b.queueName("over-tls")).queueUrl();
            for (byte[] body : Corpus.of(Kind.SQS_SNS).values()) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(new String(body, StandardCharsets.UTF_8)));
            }
        }
        List<Document> docs = read("sqs://over-tls", options(sqsTls.endpoint()).caBundle(sqsTls.certificate())
                .build());

        assertThat(docs).extracting(Document::bytes).containsExactlyInAnyOrderElementsOf(
                Corpus.of(Kind.SQS_SNS).values());
    }

    @Test
    void anUntrustedCertificate_isOneLine_sayingToGiveTheCaBundle() {
        assertThatThrownBy(() -> read("s3://failures", options(s3Tls.endpoint()).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("s3://failures: " + TlsRelay.untrusted(s3Tls.endpoint()));
        assertThatThrownBy(() -> read("sqs://q", options(sqsTls.endpoint()).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://q: " + TlsRelay.untrusted(sqsTls.endpoint()));
    }

    @Test
    void aBundleWithoutTheSigner_isNamed() {
        // the bundle replaces the JDK's trust store: SQS's certificate is not in S3's bundle
        assertThatThrownBy(() -> read("sqs://q", options(sqsTls.endpoint()).caBundle(s3Tls.certificate()).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://q: the certificate of " + sqsTls.endpoint() + " is not trusted (signed by no"
                        + " certificate in the CA bundle " + s3Tls.certificate() + " (--ca-bundle)): put the"
                        + " certificate that signed it in " + s3Tls.certificate());
    }

    /**
     * A certificate signed by a CA the bundle holds, but out of its time: expired, or not valid yet (a clock behind the
     * server's), each one line with the instant; one in its time is read.
     */
    @Test
    void aCertificateOutOfItsTime_isOneLine_withTheInstant() throws Exception {
        try (TlsRelay expired = TlsRelay.startSigned(dir, s3Server.endpoint(), "ip:127.0.0.1", "-3d", 1);
                TlsRelay early = TlsRelay.startSigned(dir, sqsServer.endpoint(), "ip:127.0.0.1", "+2d", 5);
                TlsRelay inTime = TlsRelay.startSigned(dir, s3Server.endpoint(), "ip:127.0.0.1", "-1d", 3)) {
            assertThatThrownBy(() -> read("s3://failures", options(expired.endpoint())
                    .caBundle(expired.certificate()).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("s3://failures: the certificate of " + expired.endpoint() + " is not trusted (it"
                            + " expired at " + expired.served().getNotAfter().toInstant() + ")");
            assertThatThrownBy(() -> read("sqs://q", options(early.endpoint()).caBundle(early.certificate())
                    .build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("sqs://q: the certificate of " + early.endpoint() + " is not trusted (it is not valid"
                            + " before " + early.served().getNotBefore().toInstant() + ")");
            assertThat(read("s3://failures", options(inTime.endpoint()).caBundle(inTime.certificate()).build()))
                    .hasSize(objects.size());
        }
    }

    /**
     * A listener that wants a certificate of the client's (mutual TLS): without one it is one line saying how to give
     * one (the JDK's key store properties, which the SDK's HTTP client reads), and with one its CA signed it reads.
     */
    @Test
    void aListenerThatWantsAClientCertificate_isOneLine_andTheJdksKeyStoreGivesIt() throws Exception {
        try (TlsRelay mutual = TlsRelay.startSigned(dir, s3Server.endpoint(), "ip:127.0.0.1", "-1d", 3)
                .requireClientCertificate()) {
            SourceOptions options = options(mutual.endpoint()).caBundle(mutual.certificate()).build();
            // the alert when the client reads it; or, when the listener closed the connection under the request
            // already being written (a TCP race of TLS 1.3), a broken pipe or a reset: either line says what to do
            String alert = "s3://failures: " + mutual.endpoint() + " wants a client certificate (mutual TLS) and was"
                    + " given none: give one with -Djavax.net.ssl.keyStore=FILE and -Djavax.net.ssl.keyStorePassword="
                    + "PASSWORD (in ONFAILURE_JAVA_OPTS for the command)";
            java.util.regex.Pattern cut = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(
                    "s3://failures: " + mutual.endpoint() + " closed the connection (") + "(Broken pipe|Connection"
                    + " reset)[^)]*, 3 attempts\\): if it wants a client certificate \\(mutual TLS\\), give one with "
                    + java.util.regex.Pattern.quote(Aws.KEY_STORE_OPTIONS));
            assertThatThrownBy(() -> read("s3://failures", options))
                    .isInstanceOf(SourceException.class)
                    .satisfies(e -> assertThat(e.getMessage().equals(alert) || cut.matcher(e.getMessage()).matches())
                            .as(e.getMessage()).isTrue());

            // a certificate it does not take is refused, but the alert may come after the server has closed the
            // connection under the request the client was writing (a broken pipe), so no line is promised for it
            withKeyStore(mutual.clientKeyStore(dir, true), () -> assertThat(read("s3://failures", options))
                    .hasSize(objects.size()));
        }
    }

    /** Runs {@code body} with the JDK's key store properties naming {@code keyStore}, then clears them. */
    private static void withKeyStore(Path keyStore, Runnable body) {
        System.setProperty("javax.net.ssl.keyStore", keyStore.toString());
        System.setProperty("javax.net.ssl.keyStorePassword", TlsRelay.password());
        System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        try {
            body.run();
        } finally {
            System.clearProperty("javax.net.ssl.keyStore");
            System.clearProperty("javax.net.ssl.keyStorePassword");
            System.clearProperty("javax.net.ssl.keyStoreType");
        }
    }

    @Test
    void aCertificateForAnotherHost_isOneLine() {
        assertThatThrownBy(() -> read("s3://failures", options(otherHost.endpoint())
                .caBundle(otherHost.certificate()).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("s3://failures: the certificate of " + otherHost.endpoint() + " is not for 127.0.0.1 (no"
                        + " subject alternative name of it matches): check --endpoint-url");
    }

    @Test
    void httpsToAPlainHttpEndpoint_saysItDoesNotSpeakTls() {
        URI https = URI.create(s3Server.endpoint().toString().replace("http://", "https://"));
        assertThatThrownBy(() -> read("s3://failures", options(https).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("s3://failures: " + https + " does not speak TLS (is it " + s3Server.endpoint()
                        + "?): check --endpoint-url");
        URI sqsHttps = URI.create(sqsServer.endpoint().toString().replace("http://", "https://"));
        assertThatThrownBy(() -> read("sqs://q", options(sqsHttps).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://q: " + sqsHttps + " does not speak TLS (is it " + sqsServer.endpoint()
                        + "?): check --endpoint-url");
    }

    @Test
    void httpToATlsListener_saysToGiveHttps() {
        assertThatThrownBy(() -> read("s3://failures", options(s3Tls.plainEndpoint()).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("s3://failures: " + s3Tls.plainEndpoint() + " closed the connection without an HTTP"
                        + " answer (3 attempts): if it speaks TLS, give " + s3Tls.endpoint() + ": check --endpoint-url");
    }

    /** A listener that resets the connection (as some TLS terminators do on a request that is no handshake). */
    @Test
    void httpToAListenerThatResets_saysToGiveHttps() throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (java.net.Socket s = listener.accept()) {
                        s.getInputStream().read(new byte[64]);
                        s.setSoLinger(true, 0);                           // close with a reset
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            URI http = URI.create("http://127.0.0.1:" + listener.getLocalPort());
            assertThatThrownBy(() -> read("s3://failures", options(http).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("s3://failures: " + http + " closed the connection without an HTTP answer (3"
                            + " attempts): if it speaks TLS, give https://127.0.0.1:" + listener.getLocalPort()
                            + ": check --endpoint-url");
        }
    }

    /** As the AWS CLI: a plain http:// endpoint does not read the bundle, so a broken one does not stop it. */
    @Test
    void aPlainHttpEndpoint_doesNotReadTheBundle() throws Exception {
        Path broken = Files.writeString(dir.resolve("not-read.pem"), "no certificate\n");
        List<Document> plain = read("s3://failures", options(s3Server.endpoint()).caBundle(broken).build());
        assertThat(plain).hasSize(objects.size());
    }

    @Test
    void anEmptyBundleName_isRefused() {
        assertThatThrownBy(() -> SourceOptions.builder().caBundle(Path.of("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a PEM file of certificates, not ''");
    }

    @Test
    void aBundleThatCannotBeUsed_isOneLine_whenTheSourceIsOpened() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "# no certificate here\n");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        Path missing = dir.resolve("missing.pem");
        // one good certificate, then a block cut short: not left out without a word
        Path cut = Files.writeString(dir.resolve("cut.pem"), Files.readString(s3Tls.certificate())
                + "-----BEGIN CERTIFICATE-----\nMIIB\n");
        Path garbled = Files.writeString(dir.resolve("garbled.pem"), Files.readString(s3Tls.certificate())
                + "-----BEGIN CERTIFICATE-----\nnot *base64* at all\n-----END CERTIFICATE-----\n");
        Map<Path, String> cases = Map.of(
                cut, "the CA bundle " + cut + " (--ca-bundle): 1 of its 2 certificates does not decode (no -----END"
                        + " CERTIFICATE----- line, or text that is not Base64 inside)",
                garbled, "the CA bundle " + garbled + " (--ca-bundle): 1 of its 2 certificates does not decode",
                missing, "the CA bundle " + missing + " (--ca-bundle) cannot be read: no such file",
                empty, "the CA bundle " + empty + " (--ca-bundle) holds no certificate: give a PEM file of"
                        + " -----BEGIN CERTIFICATE----- blocks",
                dir, "the CA bundle " + dir + " (--ca-bundle) is a directory: give a PEM file of certificates",
                broken, "the CA bundle " + broken + " (--ca-bundle): certificate 1 does not decode (");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            // a port where nothing listens: the line comes before any request
            SourceOptions options = options(URI.create("https://127.0.0.1:1")).caBundle(c.getKey()).build();
            assertThatThrownBy(() -> Source.open(Location.parse("s3://failures"), options).close())
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("s3://failures: " + c.getValue())
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(() -> Source.open(Location.parse("sqs://q"), options).close())
                    .isInstanceOf(SourceException.class)
                    .hasMessageStartingWith("sqs://q: " + c.getValue());
        }
    }

    @Test
    void theBundle_isTheOptions_elseAwsCaBundle_elseTheProfiles() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[default]\nregion = us-east-1\nca_bundle = "
                + s3Tls.certificate() + "\n\n[profile tls]\nca_bundle = ~/tls.pem\n");
        TestAws.withProperties(() -> {
            SourceOptions none = SourceOptions.defaults();
            assertThat(CaBundle.of(none, v -> null)).contains(new CaBundle(s3Tls.certificate(),
                    "the ca_bundle of profile default"));
            assertThat(CaBundle.of(SourceOptions.builder().awsProfile("tls").build(), v -> null))
                    .contains(new CaBundle(Path.of(System.getProperty("user.home"), "tls.pem"),
                            "the ca_bundle of profile tls"));
            assertThat(CaBundle.of(none, v -> v.equals("AWS_CA_BUNDLE") ? "/etc/env.pem" : null))
                    .contains(new CaBundle(Path.of("/etc/env.pem"), "AWS_CA_BUNDLE"));
            assertThat(CaBundle.of(SourceOptions.builder().caBundle(Path.of("given.pem")).build(),
                    v -> v.equals("AWS_CA_BUNDLE") ? "/etc/env.pem" : null))
                    .contains(new CaBundle(Path.of("given.pem"), "--ca-bundle"));
            assertThat(CaBundle.of(SourceOptions.builder().awsProfile(TestAws.WRONG_PROFILE).build(), v -> null))
                    .isEmpty();

            // the profile's bundle is used as the option's would be, unless AWS_CA_BUNDLE is set where the test runs
            String env = System.getenv("AWS_CA_BUNDLE");
            if (env == null || env.isBlank()) {
                assertThat(read("s3://failures", options(s3Tls.endpoint()).build())).hasSize(objects.size());
            } else {
                assertThatThrownBy(() -> read("s3://failures", options(s3Tls.endpoint()).build()))
                        .hasMessage("s3://failures: " + TlsRelay.untrusted(s3Tls.endpoint()));
            }
        }, "aws.configFile", config.toString(), "aws.profile", null);
    }
}
