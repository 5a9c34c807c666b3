package dev.onfailure.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** A real S3 API in-process: S3Proxy on 127.0.0.1, an ephemeral port, SigV4 checked, objects on local disk. */
final class S3Bucket {

    static final String ACCESS_KEY = "onfailure-access";
    static final String SECRET_KEY = "onfailure-secret";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final URI endpoint;

    S3Bucket(Path storage) throws Exception {
        this(storage, UnaryOperator.identity());
    }

    /** With what the server does put in front of the store by {@code wrap} (to count or slow its requests). */
    S3Bucket(Path storage, UnaryOperator<BlobStore> wrap) throws Exception {
        this(new FilesystemNio2BlobStore(storage.toString()), wrap);
    }

    /** Serving {@code store} (objects on disk, or in memory), with {@code wrap} in front of it. */
    S3Bucket(BlobStore store, UnaryOperator<BlobStore> wrap) throws Exception {
        this.store = store;
        this.proxy = S3Proxy.builder()
                .blobStore(wrap.apply(store))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Creates {@code bucket} and uploads every file below {@code dir} under {@code prefix}. */
    int upload(String bucket, String prefix, Path dir) throws IOException {
        store.createContainer(bucket);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String key = prefix + dir.relativize(f).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(f)) {
                store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength(Files.size(f))
                        .build(), in);
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("cannot upload " + key, e));
            }
        }
        return files.size();
    }

    /** Puts one object straight into the store (no HTTP), in a bucket {@link #upload} or this made. */
    void put(String bucket, String key, byte[] bytes) {
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
        store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) bytes.length).build(),
                new java.io.ByteArrayInputStream(bytes));
    }

    /** Points s3a at this server: path-style, plain HTTP, these keys. */
    void configure(Configuration conf) {
        conf.set("fs.s3a.endpoint", endpoint.toString());
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.access.key", ACCESS_KEY);
        conf.set("fs.s3a.secret.key", SECRET_KEY);
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.attempts.maximum", "1");
        conf.set("fs.s3a.retry.limit", "1");
    }

    void stop() throws Exception {
        proxy.stop();
    }
}
