package dev.onfailure.sources;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ in-process on 127.0.0.1, an ephemeral port. */
public final class SqsServer implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;

    private SqsServer(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static SqsServer start() {
        TestAws.install();
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").withAWSAccountId("000000000000").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        return new SqsServer(server, port);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client that writes as a producer would. */
    public SqsClient client() {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestAws.ACCESS_KEY,
                        TestAws.SECRET_KEY)))
                .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().expectContinueEnabled(false).build())
                .build();
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
