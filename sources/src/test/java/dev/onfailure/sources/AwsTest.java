package dev.onfailure.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** Region and credentials as the usual chains give them, and the one line a missing one gives. */
final class AwsTest {

    private String regionProperty;

    @BeforeEach
    void chainSaysUsWest2() {
        TestAws.install();
        // the chain's first link: a region of its own, which a queue URL's region must win over
        regionProperty = System.getProperty("aws.region");
        System.setProperty("aws.region", "us-west-2");
    }

    @AfterEach
    void restore() {
        if (regionProperty == null) {
            System.clearProperty("aws.region");
        } else {
            System.setProperty("aws.region", regionProperty);
        }
    }

    @Test
    void region_ofAQueueUrl_isUsedWhenNoRegionIsGiven() {
        SourceOptions none = SourceOptions.defaults();
        assertThat(Aws.region(none, Location.parse("sqs://https://sqs.eu-west-1.amazonaws.com/123456789012/dlq")))
                .contains(Region.EU_WEST_1);
        assertThat(Aws.region(none, Location.parse("sqs://https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q")))
                .contains(Region.CN_NORTH_1);
        assertThat(Aws.region(none, Location.parse("sqs://https://sqs-fips.us-gov-west-1.amazonaws.com/1/q")))
                .contains(Region.US_GOV_WEST_1);
        assertThat(Aws.region(none, Location.parse("sqs://https://ap-southeast-2.queue.amazonaws.com/1/q")))
                .contains(Region.AP_SOUTHEAST_2);
    }

    @Test
    void region_given_winsOverTheQueueUrls() {
        SourceOptions given = SourceOptions.builder().region("eu-central-1").build();
        assertThat(Aws.region(given, Location.parse("sqs://https://sqs.eu-west-1.amazonaws.com/123456789012/dlq")))
                .contains(Region.EU_CENTRAL_1);
    }

    @Test
    void region_withoutOneInTheLocation_comesFromTheChain() {
        SourceOptions none = SourceOptions.defaults();
        assertThat(Aws.region(none, Location.parse("sqs://dlq"))).contains(Region.US_WEST_2);
        assertThat(Aws.region(none, Location.parse("sqs://http://127.0.0.1:9324/000000000000/dlq")))
                .contains(Region.US_WEST_2);
        assertThat(Aws.region(none, Location.parse("s3://failures"))).contains(Region.US_WEST_2);
    }

    @Test
    void region_ofTheEnvironment_winsOverTheProfiles() {
        // as the AWS CLI has it: AWS_REGION (here its system property) before the region of --aws-profile's profile
        SourceOptions profile = SourceOptions.builder().awsProfile(TestAws.NO_KEYS_PROFILE).build();
        assertThat(Aws.region(profile, Location.parse("s3://failures"))).contains(Region.US_WEST_2);
    }

    /**
     * What a listener that wants a client certificate gives a client without one, either way the race goes (the real
     * listener in {@code TlsTest} gives one or the other): the alert, read; or the connection closed under the
     * request being written. Both lines say how to give a certificate.
     */
    @Test
    void aListenerWantingAClientCertificate_eitherWayTheRaceGoes_saysHowToGiveOne() {
        SourceOptions options = SourceOptions.builder().endpointUrl(java.net.URI.create("https://127.0.0.1:9443"))
                .build();
        SdkClientException alert = SdkClientException.create("Unable to execute HTTP request: Received fatal alert:"
                + " bad_certificate", new javax.net.ssl.SSLHandshakeException("Received fatal alert: bad_certificate"));
        assertThat(Aws.failure("s3://b", options, "S3", alert, "s3:ListBucket").getMessage()).isEqualTo("s3://b:"
                + " https://127.0.0.1:9443 wants a client certificate (mutual TLS) and was given none: give one with "
                + Aws.KEY_STORE_OPTIONS);
        for (String why : List.of("Broken pipe", "Connection reset by peer")) {
            SdkClientException cut = SdkClientException.create("Unable to execute HTTP request: " + why,
                    new java.net.SocketException(why));
            assertThat(Aws.failure("s3://b", options, "S3", cut, "s3:ListBucket").getMessage()).isEqualTo("s3://b:"
                    + " https://127.0.0.1:9443 closed the connection (" + why + ", 3 attempts): if it wants a client"
                    + " certificate (mutual TLS), give one with " + Aws.KEY_STORE_OPTIONS);
        }
    }

    @Test
    void noCredentials_isOneShortLine() {
        SdkClientException chain = (SdkClientException) catchThrown(() -> AwsCredentialsProviderChain.builder()
                .credentialsProviders(ProfileCredentialsProvider.create(TestAws.NO_KEYS_PROFILE)).build()
                .resolveCredentials());
        SourceException e = Aws.failure("sqs://dlq", SourceOptions.defaults(), "SQS", chain, "sqs:ReceiveMessage");

        assertThat(e.getMessage()).isEqualTo("sqs://dlq: no AWS credentials: set AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, give --aws-profile NAME, or run where a role provides them");
    }

    @Test
    void noCredentialsInTheProfile_namesIt() {
        // credentials are looked for before anything is sent: nothing needs to answer
        SourceOptions options = SourceOptions.builder().endpointUrl(URI.create("http://127.0.0.1:1"))
                .awsProfile(TestAws.NO_KEYS_PROFILE).timeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> {
            try (Source s = Source.open(Location.parse("sqs://dlq"), options)) {
                s.documents().hasNext();
            }
        }).isInstanceOf(SourceException.class).hasMessage("sqs://dlq: no AWS credentials in profile "
                + TestAws.NO_KEYS_PROFILE + " (~/.aws/credentials, ~/.aws/config, or AWS_SHARED_CREDENTIALS_FILE"
                + " and AWS_CONFIG_FILE)");
    }

    @Test
    void unknownHost_atAwsEndpoint_pointsAtTheRegion() {
        SdkClientException e = SdkClientException.builder().message("Received an UnknownHostException")
                .cause(new java.net.UnknownHostException("sqs.xx-nowhere-1.amazonaws.com")).build();

        assertThat(Aws.failure("sqs://dlq", SourceOptions.builder().region("xx-nowhere-1").build(), "SQS", e,
                "sqs:ReceiveMessage").getMessage()).isEqualTo("sqs://dlq: the AWS SQS endpoint does not answer (3"
                        + " attempts): unknown host, sqs.xx-nowhere-1.amazonaws.com: check the region (--region,"
                        + " AWS_REGION) and the network");
        URI local = URI.create("http://minio.invalid:9000");
        assertThat(Aws.failure("s3://b", SourceOptions.builder().endpointUrl(local).build(), "S3", e,
                "s3:ListBucket").getMessage()).isEqualTo("s3://b: http://minio.invalid:9000 does not answer (3"
                        + " attempts): unknown host, sqs.xx-nowhere-1.amazonaws.com: check --endpoint-url");
    }

    /**
     * An endpoint the environment sets is named by what set it, in the SDK's order: the service's system property,
     * the global one, (the environment variables, which a test cannot set), then the profile's endpoint_url.
     */
    @Test
    void anEndpointTheEnvironmentSets_isNamedByWhatSetIt() throws Exception {
        assumeTrue(System.getenv("AWS_ENDPOINT_URL") == null && System.getenv("AWS_ENDPOINT_URL_S3") == null
                && System.getenv("AWS_ENDPOINT_URL_SQS") == null);
        SourceOptions options = SourceOptions.builder().region("us-east-1").timeout(Duration.ofSeconds(5)).build();
        TestAws.withProperties(() -> assertThatThrownBy(() -> list("s3://bkt", options))
                .hasMessage("s3://bkt: http://s3-host.invalid:9000 does not answer (3 attempts): unknown host,"
                        + " s3-host.invalid: check the system property aws.endpointUrlS3"),
                "aws.endpointUrlS3", "http://s3-host.invalid:9000", "aws.endpointUrl", "http://any.invalid:1");
        TestAws.withProperties(() -> assertThatThrownBy(() -> list("s3://bkt", options))
                .hasMessage("s3://bkt: http://any.invalid:1 does not answer (3 attempts): unknown host,"
                        + " any.invalid: check the system property aws.endpointUrl"),
                "aws.endpointUrl", "http://any.invalid:1");
        assertThat(Aws.Endpoint.configuredBy(SourceOptions.builder().awsProfile(TestAws.ELSEWHERE_PROFILE).build(),
                "SQS")).isEqualTo("the endpoint_url of profile " + TestAws.ELSEWHERE_PROFILE);
    }

    private static void list(String location, SourceOptions options) {
        try (Source s = Source.open(Location.parse(location), options)) {
            s.documents().hasNext();
        }
    }

    @Test
    void region_mustBeARegionName() {
        for (String bad : new String[] {"", "not a region", "EU-WEST-1", "eu_west_1", "-eu"}) {
            assertThatThrownBy(() -> SourceOptions.builder().region(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected a region name such as eu-west-1, not '" + bad + "'");
        }
        assertThat(SourceOptions.builder().region("us-gov-west-1").build().region()).contains("us-gov-west-1");
    }

    @Test
    void endpointUrl_mustBeHttpOrHttps() {
        for (String bad : new String[] {"ftp://127.0.0.1:9000", "file:///tmp/x", "localhost:9000", "http:/x"}) {
            assertThatThrownBy(() -> SourceOptions.builder().endpointUrl(URI.create(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected an http:// or https:// URL such as http://127.0.0.1:9000, not " + bad);
        }
        assertThat(SourceOptions.builder().endpointUrl(URI.create("HTTPS://s3.example:443")).build().endpointUrl())
                .contains(URI.create("HTTPS://s3.example:443"));
    }

    private static Throwable catchThrown(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }
}
