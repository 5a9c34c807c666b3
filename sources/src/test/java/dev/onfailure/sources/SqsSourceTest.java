package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onfailure.schema.Kind;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Envelope;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.Validator;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code sqs://} against ElasticMQ in-process, directly and behind our SNS endpoint (raw delivery on and off), each
 * server started once for the class. Queues have a one-second visibility timeout, so messages left in place come back
 * within the test.
 */
final class SqsSourceTest {

    private static SqsServer sqsServer;
    private static SnsServer snsServer;
    private static SqsClient sqs;
    private static final Validator VALIDATOR = Validator.create();
    private static final Map<String, byte[]> corpus = Corpus.of(Kind.SQS_SNS);

    @BeforeAll
    static void start() throws Exception {
        sqsServer = SqsServer.start();
        sqs = sqsServer.client();
        snsServer = SnsServer.start(sqs);
    }

    @AfterAll
    static void stop() {
        snsServer.close();
        sqs.close();
        sqsServer.close();
    }

    private static String queue(String name) {
        return sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")))
                .queueUrl();
    }

    /** Sends the corpus; returns the bodies by message id. */
    private static Map<String, byte[]> sendCorpus(String url) {
        Map<String, byte[]> sent = new HashMap<>();
        for (byte[] body : corpus.values()) {
            String id = sqs.sendMessage(b -> b.queueUrl(url).messageBody(new String(body, StandardCharsets.UTF_8)))
                    .messageId();
            sent.put(id, body);
        }
        return sent;
    }

    private static SourceOptions.Builder options() {
        return SourceOptions.builder().endpointUrl(sqsServer.endpoint()).idleWait(Duration.ofSeconds(1));
    }

    private static List<Document> read(String location, SourceOptions options) {
        try (Source source = Source.open(Location.parse(location), options)) {
            return Corpus.read(source);
        }
    }

    private static String id(Document d) {
        return ((Origin.SqsMessage) d.origin()).messageId();
    }

    /** Messages in the queue, visible or in flight. */
    private static int inQueue(String url) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return a.values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void everyMessage_givesTheReportTheSameFileGives_andStaysInTheQueue() throws Exception {
        String url = queue("direct");
        Map<String, byte[]> sent = sendCorpus(url);

        List<Document> docs = read("sqs://direct", options().build());

        assertThat(docs).extracting(SqsSourceTest::id).containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (Document d : docs) {
            assertThat(d.bytes()).isEqualTo(sent.get(id(d)));
            assertThat(VALIDATOR.validate(d.bytes())).isEqualTo(Corpus.fromFile(VALIDATOR, sent.get(id(d))));
            assertThat(d.origin().source()).isEqualTo("sqs://direct#" + id(d));
            assertThat(((Origin.SqsMessage) d.origin()).sentAt()).isPresent();
        }
        // nothing was consumed: every message is still in the queue (in flight until its visibility timeout)
        assertThat(inQueue(url)).isEqualTo(sent.size());
        Thread.sleep(1500);
        assertThat(read("sqs://" + url, options().build())).hasSize(sent.size());
    }

    @Test
    void delete_removesExactlyTheMessagesDeleted() throws Exception {
        String url = queue("deleting");
        Map<String, byte[]> sent = sendCorpus(url);
        List<String> kept = new ArrayList<>();
        try (Source source = Source.open(Location.parse("sqs://deleting"), options().build())) {
            source.documents().forEachRemaining(d -> {
                if (VALIDATOR.validate(d.bytes()).valid()) {
                    source.delete(d);
                } else {
                    kept.add(id(d));
                }
            });
        }
        assertThat(kept).isNotEmpty().hasSizeLessThan(sent.size());
        Thread.sleep(1500);

        assertThat(read("sqs://deleting", options().build())).extracting(SqsSourceTest::id)
                .containsExactlyInAnyOrderElementsOf(kept);
    }

    @Test
    void maxMessages_stopsThere() {
        String url = queue("capped");
        sendCorpus(url);

        assertThat(read("sqs://capped", options().maxMessages(3).build())).hasSize(3);
    }

    @Test
    void aQueueUrlOnAnotherHostThanAws_isItsOwnEndpoint() {
        String url = queue("by-url");
        sendCorpus(url);

        List<Document> read = read("sqs://" + url,
                SourceOptions.builder().idleWait(Duration.ofSeconds(1)).build());

        assertThat(read).hasSize(corpus.size());
        assertThat(read).allSatisfy(d -> assertThat(((Origin.SqsMessage) d.origin()).queueUrl()).isEqualTo(url));
    }

    /** An endpoint the environment configures (AWS_ENDPOINT_URL_SQS, here its system property) wins over the URL's. */
    @Test
    void aQueueUrlOnAnotherHost_yieldsToAConfiguredEndpoint() throws Exception {
        String url = queue("by-url-configured");
        URI dead = deadEndpoint();
        TestAws.withProperties(() -> assertThatThrownBy(() -> read("sqs://" + url, SourceOptions.builder()
                .idleWait(Duration.ofSeconds(1)).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://" + url + ": " + dead + " does not answer (3 attempts): connection refused"),
                "aws.endpointUrlSqs", dead.toString());
    }

    /**
     * An endpoint the environment configures serves without a region anywhere, as --endpoint-url does: a local store
     * takes any.
     */
    @Test
    void anEndpointTheEnvironmentSets_needsNoRegion() throws Exception {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null);
        String url = queue("no-region");
        Map<String, byte[]> sent = sendCorpus(url);
        SourceOptions noRegion = SourceOptions.builder().awsProfile(TestAws.NO_REGION_PROFILE)
                .idleWait(Duration.ofSeconds(1)).build();
        TestAws.withProperties(() -> assertThat(read("sqs://no-region", noRegion)).hasSize(sent.size()),
                "aws.endpointUrlSqs", sqsServer.endpoint().toString(), "aws.region", null,
                "aws.disableEc2Metadata", "true");
        // bound for AWS, it needs one
        TestAws.withProperties(() -> assertThatThrownBy(() -> read("sqs://no-region", noRegion))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://no-region: no AWS region: give --region, set AWS_REGION, or set one in the profile"),
                "aws.region", null, "aws.disableEc2Metadata", "true");
    }

    /** --aws-profile's endpoint_url is used, as its credentials are (not the default profile's). */
    @Test
    void theProfilesEndpoint_isUsed() {
        assertThatThrownBy(() -> read("sqs://q", SourceOptions.builder().awsProfile(TestAws.ELSEWHERE_PROFILE)
                .idleWait(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(5)).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://q: " + TestAws.ELSEWHERE_ENDPOINT + " does not answer (3 attempts): connection"
                        + " refused");
    }

    /** A queue URL's host that does not resolve is named as the place to check, not --endpoint-url. */
    @Test
    void aQueueUrlOnAHostThatDoesNotResolve_saysToCheckTheUrl() {
        String url = "http://sqs-host.invalid:9324/000000000000/q";
        assertThatThrownBy(() -> read("sqs://" + url, SourceOptions.builder().timeout(Duration.ofSeconds(5))
                .build()))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("sqs://" + url + ": http://sqs-host.invalid:9324 does not answer (3 attempts):"
                        + " unknown host")
                .hasMessageEndingWith(": check the queue URL's host");
    }

    /** A web page with a status of 200 is said to be no SQS answer, not in the SDK's words about unmarshalling. */
    @Test
    void anEndpointThatAnswersWithAWebPage_isSaidToBeNoSqsAnswer() throws Exception {
        try (WebPage page = WebPage.start()) {
            assertThatThrownBy(() -> read("sqs://q", options().endpointUrl(page.endpoint()).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("sqs://q: " + page.endpoint() + " answered with something that is not an SQS answer"
                            + " (it cannot be read as one): is --endpoint-url an SQS endpoint?");
        }
    }

    @Test
    void idleQueue_endsQuietly() {
        queue("empty");
        long start = System.nanoTime();

        assertThat(read("sqs://empty", options().build())).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void snsRawDeliveryOnAndOff_giveTheReportsOfTheSameBodies() throws Exception {
        queue("sns-raw");
        queue("sns-envelope");
        try (SnsClient sns = SnsClient.builder().endpointOverride(snsServer.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestAws.ACCESS_KEY,
                        TestAws.SECRET_KEY)))
                .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.create()).build()) {
            String topic = sns.createTopic(b -> b.name("failures")).topicArn();
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:000000000000:sns-raw")
                    .attributes(Map.of("RawMessageDelivery", "true")));
            sns.subscribe(b -> b.topicArn(topic).protocol("sqs")
                    .endpoint("arn:aws:sqs:us-east-1:000000000000:sns-envelope"));
            int i = 0;
            for (byte[] body : corpus.values()) {
                String subject = i++ % 2 == 0 ? "Lambda failure" : null;
                sns.publish(b -> b.topicArn(topic).message(new String(body, StandardCharsets.UTF_8)).subject(subject));
            }
        }
        List<byte[]> bodies = new ArrayList<>(corpus.values());

        List<Document> raw = read("sqs://sns-raw", options().build());
        assertThat(raw).hasSize(bodies.size());
        for (Document d : raw) {
            assertThat(bodies).anySatisfy(b -> assertThat(d.bytes()).isEqualTo(b));
            assertThat(VALIDATOR.validate(d.bytes())).isEqualTo(Corpus.fromFile(VALIDATOR, d.bytes()));
        }

        List<Document> wrapped = read("sqs://sns-envelope", options().build());
        assertThat(wrapped).hasSize(bodies.size());
        for (Document d : wrapped) {
            String text = new String(d.bytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : ");
            DocumentReport report = VALIDATOR.validate(d.bytes());
            assertThat(report).isEqualTo(Corpus.fromFile(VALIDATOR, d.bytes()));
            // the record inside is reported as the same body delivered raw would be, at /Message
            RecordReport inside = report.records().get(0);
            assertThat(inside.location()).isEqualTo("/Message");
            // ... by the notification, unless the body is an envelope itself (an empty SQS event), which then names it
            String message = ((dev.onfailure.json.JsonString) ((dev.onfailure.json.JsonObject) dev.onfailure.json.Json
                    .parse(text)).get("Message").orElseThrow()).value();
            Optional<Envelope> own = VALIDATOR.validate(message).records().get(0).envelope();
            assertThat(inside.envelope()).isEqualTo(own.isPresent() ? own : Optional.of(Envelope.SNS_NOTIFICATION));
        }
        // the same verdicts: a body that does not parse becomes envelope.message-not-json inside the envelope
        List<List<String>> rawCodes = raw.stream().map(d -> codes(VALIDATOR.validate(d.bytes())))
                .map(c -> c.size() == 1 && c.get(0).startsWith("json.") ? List.of("envelope.message-not-json") : c)
                .toList();
        assertThat(wrapped.stream().map(d -> codes(VALIDATOR.validate(d.bytes()))).toList())
                .containsExactlyInAnyOrderElementsOf(rawCodes);
    }

    private static List<String> codes(DocumentReport report) {
        return report.findings().stream().map(f -> f.code()).toList();
    }

    @Test
    void missingQueue_isOneLineNamingIt() {
        assertThatThrownBy(() -> read("sqs://no-such-queue", options().build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://no-such-queue: no such queue no-such-queue (at " + sqsServer.endpoint() + ")");
    }

    /** An address where nothing listens. */
    private static URI deadEndpoint() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void endpointThatDoesNotAnswer_isNamed() throws Exception {
        URI dead = deadEndpoint();
        assertThatThrownBy(() -> read("sqs://direct", options().endpointUrl(dead).build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("sqs://direct: " + dead + " does not answer (3 attempts): connection refused");
    }

    @Test
    void bodyThatIsNotJson_isAFindingNotAFailure() {
        String url = queue("garbage");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("this is not JSON"));

        List<Document> docs = read("sqs://garbage", options().build());
        assertThat(docs).hasSize(1);
        assertThat(VALIDATOR.validate(docs.get(0).bytes()).findings()).extracting(f -> f.code())
                .containsExactly("json.syntax");
    }

    /**
     * A timeout shorter than SQS's long poll (up to 20 s, here the 3 s idle wait) is not taken for a server that does
     * not answer: the poll waits less than the timeout, or not at all.
     */
    @Test
    void aTimeoutShorterThanTheIdleWait_readsEveryMessage_andEndsQuietly() {
        String url = queue("short-timeout");
        Map<String, byte[]> sent = sendCorpus(url);
        for (Duration timeout : List.of(Duration.ofSeconds(2), Duration.ofMillis(800))) {
            String empty = queue("short-timeout-empty-" + timeout.toMillis());
            SourceOptions o = options().idleWait(Duration.ofSeconds(3)).timeout(timeout).build();
            assertThat(read("sqs://" + empty, o)).as("%s, empty queue", timeout).isEmpty();
        }
        SourceOptions o = options().idleWait(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(2)).build();
        assertThat(read("sqs://short-timeout", o)).extracting(SqsSourceTest::id)
                .containsExactlyInAnyOrderElementsOf(sent.keySet());
    }

    @Test
    void waitSeconds_staysASecondUnderTheTimeout_andWithinSqsBounds() {
        long s = 1_000_000_000L;
        assertThat(SqsSource.waitSeconds(5 * s, Duration.ofSeconds(30))).isEqualTo(5);
        assertThat(SqsSource.waitSeconds(5 * s - 1, Duration.ofSeconds(30))).isEqualTo(5);
        assertThat(SqsSource.waitSeconds(60 * s, Duration.ofSeconds(30))).isEqualTo(20);
        assertThat(SqsSource.waitSeconds(1, Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(SqsSource.waitSeconds(5 * s, Duration.ofSeconds(5))).isEqualTo(4);
        assertThat(SqsSource.waitSeconds(5 * s, Duration.ofSeconds(3))).isEqualTo(2);
        assertThat(SqsSource.waitSeconds(5 * s, Duration.ofMillis(1999))).isZero();
        assertThat(SqsSource.waitSeconds(5 * s, Duration.ofMillis(500))).isZero();
    }
}
