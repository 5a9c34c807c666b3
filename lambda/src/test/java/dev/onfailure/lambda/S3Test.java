package dev.onfailure.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.lambda.OnFailureItem.Status;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

final class S3Test {

    static final String BUCKET = "orders-consumer-failures";
    static final String FIRST_KEY = "aws/lambda/3f2b8a6e-8d1c-4f3e-9a7b-2c5d6e7f8a9b/orders-0/2024/05/01/"
            + "2024-05-01T10.00.09-7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    private static S3Server server;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start();
        s3 = server.client();
        upload(s3);
    }

    /** The objects {@code events/s3.json} names, all but the last (which stays missing). */
    static void upload(S3Client s3) {
        s3.createBucket(b -> b.bucket(BUCKET));
        put(s3, FIRST_KEY, HandMadeRecords.named("string-payload.s3.json").json());
        put(s3, "failures/object payload:1.json", HandMadeRecords.named("object-payload.s3.json").json());
        put(s3, "failures/payload-mismatch.json", corpusText("invalid/kafka.payload-mismatch/first-offset.s3.json"));
    }

    static void put(S3Client s3, String key, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    static String corpusText(String file) {
        return Corpus.cases().stream().filter(c -> c.file().equals(file)).findFirst().orElseThrow().text();
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @Test
    void objects_areFetchedValidatedAndTyped() {
        S3Event event = Events.s3("s3.json");
        List<OnFailureItem> items = OnFailureRecords.from(event, s3);

        assertThat(items).extracting(OnFailureItem::id).containsExactly(
                new ItemId.S3Object(BUCKET, FIRST_KEY, Optional.empty()),
                new ItemId.S3Object(BUCKET, "failures/object payload:1.json", Optional.empty()),
                new ItemId.S3Object(BUCKET, "failures/payload-mismatch.json", Optional.empty()),
                new ItemId.S3Object(BUCKET, "failures/missing.json", Optional.empty()));
        assertThat(items).extracting(OnFailureItem::status).containsExactly(Status.VALID, Status.VALID,
                Status.INVALID, Status.UNAVAILABLE);
        RecordCodec codec = RecordCodec.defaults();
        assertThat(items.get(0).record()).contains(codec.read(HandMadeRecords.named("string-payload.s3.json").json()));
        assertThat(items.get(1).record()).contains(codec.read(HandMadeRecords.named("object-payload.s3.json").json()));
        assertThat(items.get(0).report().orElseThrow().kind()).contains(Kind.S3);
        assertThat(items.get(0).report().orElseThrow().location()).isEmpty();
        assertThat(items.get(2).report().orElseThrow().codes()).containsExactly("kafka.payload-mismatch");
        assertThat(items.get(3).problem().orElseThrow()).isEqualTo(
                "S3 answered 404 NoSuchKey for s3://orders-consumer-failures/failures/missing.json");
        assertThat(items.get(3).report()).isEmpty();
        assertThat(items.get(3).record()).isEmpty();
    }

    @Test
    void objectOverTheDocumentLimit_isReportedNotRead() {
        ReadLimits small = ReadLimits.builder().maxDocumentBytes(512).build();
        List<OnFailureItem> items = OnFailureRecords.of(Profile.TOLERANT, small).read(Events.s3("s3.json"), s3);

        assertThat(items.get(0).status()).isEqualTo(Status.INVALID);
        assertThat(items.get(0).report().orElseThrow().codes()).containsExactly("json.limit");
        assertThat(items.get(0).record()).isEmpty();
    }

    @Test
    void wrongCredentials_makeEveryObjectUnavailable() {
        try (S3Client wrong = server.client("not-the-secret")) {
            List<OnFailureItem> items = OnFailureRecords.from(Events.s3("s3.json"), wrong);

            assertThat(items).extracting(OnFailureItem::status).containsOnly(Status.UNAVAILABLE);
            assertThat(items.get(0).problem().orElseThrow()).startsWith("S3 answered 403 SignatureDoesNotMatch");
        }
    }

    @Test
    void serviceDown_makesTheObjectUnavailable() throws Exception {
        S3Server gone = S3Server.start();
        S3Client client = gone.client();
        gone.close();
        try (client) {
            OnFailureItem item = OnFailureRecords.from(Events.s3("s3.json"), client).get(0);

            assertThat(item.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(item.problem().orElseThrow()).startsWith("could not fetch s3://orders-consumer-failures/aws/");
        }
    }

    @Test
    void keyThatIsNotUrlEncoded_isAnUnavailableItemNotAnException() {
        S3Event event = Events.s3("s3.json");
        S3EventNotification.S3ObjectEntity object = event.getRecords().get(0).getS3().getObject();
        S3EventNotification.S3ObjectEntity broken = new S3EventNotification.S3ObjectEntity("aws/lambda/%ZZ.json",
                object.getSizeAsLong(), object.geteTag(), object.getVersionId(), object.getSequencer());
        S3EventNotification.S3EventNotificationRecord r = event.getRecords().get(0);
        S3EventNotification.S3EventNotificationRecord withBrokenKey = new S3EventNotification.S3EventNotificationRecord(
                r.getAwsRegion(), r.getEventName(), r.getEventSource(), r.getEventTime().toString(), r.getEventVersion(),
                r.getRequestParameters(), r.getResponseElements(), new S3EventNotification.S3Entity(
                        r.getS3().getConfigurationId(), r.getS3().getBucket(), broken, r.getS3().getS3SchemaVersion()),
                r.getUserIdentity());
        List<S3EventNotification.S3EventNotificationRecord> records = new java.util.ArrayList<>(event.getRecords());
        records.set(0, withBrokenKey);

        List<OnFailureItem> items = OnFailureRecords.from(new S3Event(records), s3);

        assertThat(items.get(0).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(items.get(0).problem().orElseThrow()).contains("aws/lambda/%ZZ.json").contains("not URL-encoded");
        assertThat(items).hasSize(records.size());
        assertThat(items.get(1).status()).isEqualTo(Status.VALID);
    }
}
