package dev.onfailure.sources;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** S3Proxy in-process on 127.0.0.1, an ephemeral port, in memory, checking AWS Signature V4 against {@link TestAws}. */
public final class S3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Server(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public static S3Server start() throws Exception {
        TestAws.install();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, TestAws.ACCESS_KEY, TestAws.SECRET_KEY)
                .build();
        proxy.start();
        for (int i = 0; i < 200 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(25);
        }
        return new S3Server(proxy);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client that writes as a producer would. */
    public S3Client client() {
        return client(endpoint);
    }

    /** {@link #client()} through another endpoint that reaches this server (a relay). */
    public S3Client client(URI through) {
        return S3Client.builder().endpointOverride(through).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestAws.ACCESS_KEY,
                        TestAws.SECRET_KEY)))
                .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.builder().expectContinueEnabled(false).build())
                .build();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
