package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.schema.Kind;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Validator;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code s3://} against S3Proxy in-process (Signature V4 checked), started once for the class. */
final class S3SourceTest {

    private static final String MAPPING = "3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b";
    private static final String PREFIX = "aws/lambda/" + MAPPING + "/orders-0/2026/11/30/";
    private static final long LIMIT = 64 * 1024;

    private static S3Server server;
    private static S3Client client;
    private static final Map<String, byte[]> written = new LinkedHashMap<>();
    private static Instant between;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start();
        client = server.client();
        client.createBucket(b -> b.bucket("failures"));
        Map<String, byte[]> corpus = Corpus.of(Kind.S3);
        corpus.put("empty", new byte[0]);
        corpus.put("over-limit", Corpus.bytes("{\"payload\":\"" + "x".repeat((int) LIMIT * 3) + "\"}"));
        int i = 0;
        for (Map.Entry<String, byte[]> e : corpus.entrySet()) {
            String key = PREFIX + String.format("2026-11-30T10.00.%02d-%s", i++ % 60, e.getKey());
            put("failures", key, e.getValue());
            written.put(key, e.getValue());
        }
        put("failures", "elsewhere/not-a-mapping.json", Corpus.bytes("{}"));

        client.createBucket(b -> b.bucket("timed"));
        put("timed", "a-early.json", Corpus.bytes("{}"));
        Thread.sleep(1500);
        between = Instant.now();
        Thread.sleep(1500);
        put("timed", "b-late.json", Corpus.bytes("{}"));

        // more than one listing page (1,000 keys)
        client.createBucket(b -> b.bucket("many"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (int k = 0; k < 1005; k++) {
            String key = String.format("k%05d.json", k);
            puts.add(pool.submit(() -> put("many", key, Corpus.bytes("{\"n\":\"" + key + "\"}"))));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
    }

    private static void put(String bucket, String key, byte[] bytes) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    private static SourceOptions.Builder options() {
        return SourceOptions.builder().endpointUrl(server.endpoint()).maxDocumentBytes(LIMIT);
    }

    private static List<Document> read(String location, SourceOptions options) {
        try (Source source = Source.open(Location.parse(location), options)) {
            return Corpus.read(source);
        }
    }

    @Test
    void everyObject_givesTheReportTheSameFileGives() {
        Validator validator = Validator.create(ReadLimits.builder().maxDocumentBytes(LIMIT).build());
        List<Document> docs = read("s3://failures/aws/lambda/", options().build());

        assertThat(docs).extracting(d -> ((Origin.S3Object) d.origin()).key())
                .containsExactlyElementsOf(written.keySet().stream().sorted().toList());
        for (Document d : docs) {
            String key = ((Origin.S3Object) d.origin()).key();
            byte[] original = written.get(key);
            assertThat(d.problem()).isEmpty();
            if (key.endsWith("over-limit")) {
                continue;
            }
            assertThat(d.bytes()).as(key).isEqualTo(original);
            DocumentReport report = validator.validate(d.bytes(), dev.onfailure.validator.ValidationOptions.TOLERANT);
            assertThat(report).as(key).isEqualTo(Corpus.fromFile(validator, original));
        }
        assertThat(docs).anySatisfy(d -> assertThat(validator.validate(d.bytes()).valid()).isTrue());
        assertThat(docs).anySatisfy(d -> assertThat(validator.validate(d.bytes()).valid()).isFalse());
    }

    @Test
    void overLimit_isJsonLimit_withoutReadingTheWholeObject() {
        Validator validator = Validator.create(ReadLimits.builder().maxDocumentBytes(LIMIT).build());
        Document d = read("s3://failures/" + PREFIX, options().build()).stream()
                .filter(x -> x.origin().source().endsWith("over-limit")).findFirst().orElseThrow();

        assertThat(d.bytes()).hasSize((int) LIMIT + 1);
        assertThat(((Origin.S3Object) d.origin()).size()).isGreaterThan(3 * LIMIT);
        assertThat(validator.validate(d.bytes()).findings()).extracting(f -> f.code()).containsExactly("json.limit");
    }

    @Test
    void origin_describesTheMappingLayout() {
        List<Document> docs = read("s3://failures", options().build());

        Origin.S3Object first = (Origin.S3Object) docs.get(0).origin();
        assertThat(first.source()).startsWith("s3://failures/" + PREFIX);
        assertThat(first.lastModified()).isBefore(Instant.now().plusSeconds(1));
        assertThat(first.mapping()).hasValueSatisfying(m -> {
            assertThat(m.mappingUuid()).isEqualTo(MAPPING);
            assertThat(m.shard()).isEqualTo("orders-0");
            assertThat(m.date()).isEqualTo(java.time.LocalDate.of(2026, 11, 30));
        });
        Origin.S3Object other = (Origin.S3Object) docs.get(docs.size() - 1).origin();
        assertThat(other.key()).isEqualTo("elsewhere/not-a-mapping.json");
        assertThat(other.mapping()).isEmpty();
    }

    @Test
    void sinceAndUntil_filterOnLastModified() {
        assertThat(read("s3://timed", options().since(between).build()))
                .extracting(d -> d.origin().source()).containsExactly("s3://timed/b-late.json");
        assertThat(read("s3://timed", options().until(between).build()))
                .extracting(d -> d.origin().source()).containsExactly("s3://timed/a-early.json");
    }

    @Test
    void manyPages_everyObjectInKeyOrder() {
        List<Document> docs = read("s3://many", options().concurrency(4).build());

        assertThat(docs).hasSize(1005);
        for (int k = 0; k < docs.size(); k++) {
            assertThat(docs.get(k).origin().source()).isEqualTo(String.format("s3://many/k%05d.json", k));
        }
    }

    @Test
    void boundedWindow_stillGivesEveryObjectInKeyOrder() {
        // at most 64 bytes in flight: each object waits for the one before it to be taken
        List<Document> docs = read("s3://many/k0000", options().concurrency(2).maxBytesInFlight(64).build());

        assertThat(docs).extracting(d -> d.origin().source())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 10)
                        .mapToObj(k -> String.format("s3://many/k%05d.json", k)).toList());
    }

    @Test
    void counts_followTheListing() {
        try (Source source = Source.open(Location.parse("s3://many/k0000"), options().build())) {
            List<Document> docs = Corpus.read(source);
            assertThat(docs).hasSize(10);
            assertThat(source.counts()).isEqualTo(new Source.Counts(10, 10));
        }
    }

    @Test
    void missingBucket_isOneLineNamingIt() {
        assertThatThrownBy(() -> read("s3://no-such-bucket/x", options().build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("s3://no-such-bucket/x: no such bucket no-such-bucket (at " + server.endpoint() + ")");
    }

    @Test
    void wrongCredentials_areRefused() {
        assertThatThrownBy(() -> read("s3://failures", options().awsProfile(TestAws.WRONG_PROFILE).build()))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("s3://failures: access denied (SignatureDoesNotMatch from "
                        + server.endpoint() + ")")
                .hasMessageContaining("s3:ListBucket")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownProfile_isOneLine() {
        assertThatThrownBy(() -> read("s3://failures", options().awsProfile("nobody").build()))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("s3://failures: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void endpointThatDoesNotAnswer_isNamedAfterBoundedRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port);
        long start = System.nanoTime();
        assertThatThrownBy(() -> read("s3://failures", options().endpointUrl(dead).timeout(Duration.ofSeconds(5))
                .build()))
                .isInstanceOf(SourceException.class)
                .hasMessage("s3://failures: " + dead + " does not answer (3 attempts): connection refused");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    /** A web page with a status of 200 (a console's port, a mistyped one) is not an empty bucket. */
    @Test
    void anEndpointThatAnswersWithAWebPage_isNotAnEmptyBucket() throws Exception {
        try (WebPage page = WebPage.start()) {
            assertThatThrownBy(() -> read("s3://failures", options().endpointUrl(page.endpoint()).build()))
                    .isInstanceOf(SourceException.class)
                    .hasMessage("s3://failures: " + page.endpoint() + " answered with something that is not an S3"
                            + " listing (no bucket name in it): is --endpoint-url an S3 endpoint?");
        }
    }

    @Test
    void s3Sources_neverDelete() {
        try (Source source = Source.open(Location.parse("s3://many/k00000"), options().build())) {
            Document d = source.documents().next();
            assertThatThrownBy(() -> source.delete(d)).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
