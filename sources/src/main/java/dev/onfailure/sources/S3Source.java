package dev.onfailure.sources;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every object under an S3 prefix, in key order: listed a page at a time, fetched on a bounded pool with a bounded
 * window (at most {@code 2 × concurrency} objects and {@code maxBytesInFlight} bytes held at once, whatever the prefix
 * holds). An object over the document limit is fetched only that far plus one byte (a ranged GET), so the validator
 * reports {@code json.limit} without the rest ever crossing the network.
 */
final class S3Source implements Source {

    /** How many listed objects may wait for their GET: two pages of a listing. */
    private static final int LIST_AHEAD = 2000;

    /** The end of the listing, in the queue of {@link ListAhead}. */
    private static final Object END = new Object();

    private final Location.S3 location;
    private final SourceOptions options;
    private final SdkHttpClient http;
    private final S3Client s3;
    private final Aws.Endpoint where;
    private final ExecutorService pool;
    private final AtomicLong listed = new AtomicLong();
    private final AtomicLong fetched = new AtomicLong();
    private boolean started;
    private volatile Thread lister;
    private volatile boolean closed;

    S3Source(Location.S3 location, SourceOptions options) {
        this.location = location;
        this.options = options;
        this.http = Aws.http(location.uri(), options, options.concurrency() * 2 + 2);
        S3Client client;
        try {
            client = client(options, location, http, options.endpointUrl().isPresent());
            if (options.endpointUrl().isEmpty() && client.serviceClientConfiguration().endpointOverride().isPresent()) {
                // an endpoint set by AWS_ENDPOINT_URL or a profile's endpoint_url is as --endpoint-url's
                client.close();
                client = client(options, location, http, true);
            }
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        this.s3 = client;
        this.where = Aws.Endpoint.of(client, options, "S3");
        this.pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "onfailure-s3-get");
            t.setDaemon(true);
            return t;
        });
    }

    private static S3Client client(SourceOptions options, Location location, SdkHttpClient http, boolean pathStyle) {
        // S3-compatible stores (MinIO, S3Proxy, LocalStack) answer on one host: path-style addressing
        return Aws.client(S3Client.builder(), options, location, b -> b.httpClient(http).forcePathStyle(pathStyle));
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Counts counts() {
        return new Counts(listed.get(), fetched.get());
    }

    @Override
    public void delete(Document document) {
        throw new UnsupportedOperationException("S3 objects are never deleted by onfailure");
    }

    @Override
    public void close() {
        closed = true;
        Thread l = lister;
        if (l != null) {
            l.interrupt();
        }
        pool.shutdownNow();
        s3.close();
        http.close();
    }

    @Override
    public Iterator<Document> documents() {
        if (started) {
            throw new IllegalStateException("documents() is read once");
        }
        started = true;
        return new Window();
    }

    /**
     * The listing, filtered by last-modified time. Keys come URL-encoded ({@code encoding-type=url}, as the AWS CLI
     * asks for them) and the SDK decodes them: a key may hold any character, and one that XML 1.0 cannot (an escape,
     * most control characters) would otherwise make the whole listing unreadable.
     */
    private Iterator<S3Object> listing() {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(location.bucket())
                .prefix(location.prefix().isEmpty() ? null : location.prefix())
                .encodingType(software.amazon.awssdk.services.s3.model.EncodingType.URL).build();
        Iterator<S3Object> all;
        try {
            all = objects(s3.listObjectsV2Paginator(request).iterator());
        } catch (SdkException e) {
            throw listFailure(e);
        }
        return new Iterator<>() {
            private S3Object next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    boolean more;
                    try {
                        more = all.hasNext();
                    } catch (SdkException e) {
                        throw listFailure(e);
                    }
                    if (!more) {
                        return false;
                    }
                    S3Object o = all.next();
                    if (o.key().endsWith("/") && o.size() == 0) {
                        continue; // a "folder" marker made by consoles: not an object of records
                    }
                    listed.incrementAndGet();
                    Instant modified = o.lastModified();
                    if (options.since().isPresent() && modified.isBefore(options.since().get())
                            || options.until().isPresent() && !modified.isBefore(options.until().get())) {
                        continue;
                    }
                    next = o;
                }
                return true;
            }

            @Override
            public S3Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                S3Object o = next;
                next = null;
                return o;
            }
        };
    }

    /**
     * The objects of the listing's pages. A page without the bucket's name is not S3's: S3 and the stores that speak
     * its API name the bucket in every {@code ListBucketResult}, and the SDK reads any other answer with a status of
     * 200 (a web page, a console's login) as a page of no objects, which made a wrong endpoint an empty bucket.
     */
    private Iterator<S3Object> objects(Iterator<ListObjectsV2Response> pages) {
        return new Iterator<>() {
            private Iterator<S3Object> page = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    ListObjectsV2Response r = pages.next();
                    if (r.name() == null) {
                        throw new SourceException(location.uri(), where.at() + " answered with something that is"
                                + " not an S3 listing (no bucket name in it)" + (where.setBy() == null ? ""
                                : ": is " + where.setBy() + " an S3 endpoint?"));
                    }
                    page = r.contents().iterator();
                }
                return true;
            }

            @Override
            public S3Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    private SourceException listFailure(SdkException e) {
        String at = where.at();
        if (e instanceof NoSuchBucketException
                || e instanceof S3Exception s && s.awsErrorDetails() != null
                        && "NoSuchBucket".equals(s.awsErrorDetails().errorCode())) {
            return new SourceException(location.uri(), "no such bucket " + location.bucket() + " (at " + at + ")", e);
        }
        return Aws.failure(location.uri(), where, options, "S3", e, "s3:ListBucket on " + location.bucket());
    }

    /**
     * The listing, read ahead on a thread of its own: a LIST request (a page of up to 1,000 keys) takes far longer than
     * a GET of a small object, and made by the thread that hands out the documents it left every GET idle while it
     * waited. At most {@link #LIST_AHEAD} listed objects wait here; a failure of the listing comes out where the
     * objects would have, in order.
     */
    private final class ListAhead implements Iterator<S3Object> {
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(LIST_AHEAD);
        private Object next;

        ListAhead(Iterator<S3Object> listing) {
            Thread t = new Thread(() -> {
                try {
                    try {
                        while (listing.hasNext()) {
                            put(listing.next());
                        }
                        put(END);
                    } catch (SourceException e) {
                        put(e);
                    } catch (RuntimeException e) {
                        put(new SourceException(location.uri(), "listing failed: " + e, e));
                    }
                } catch (InterruptedException e) {
                    // closed: nobody reads the rest
                }
            }, "onfailure-s3-list");
            t.setDaemon(true);
            lister = t;
            t.start();
        }

        /** Waits for room, until the source is closed (an interrupt the SDK swallows must not leave it waiting). */
        private void put(Object o) throws InterruptedException {
            while (!closed) {
                if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new InterruptedException("closed");
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SourceException(location.uri(), "interrupted", e);
                }
            }
            if (next instanceof SourceException e) {
                throw e; // kept as next: asked again, it fails again
            }
            return next != END;
        }

        @Override
        public S3Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            S3Object o = (S3Object) next;
            next = null;
            return o;
        }
    }

    /** One object being fetched, and the bytes reserved for it. */
    private record Pending(Future<Document> future, long reserved) {
    }

    private final class Window implements Iterator<Document> {
        private Iterator<S3Object> objects;
        private final ArrayDeque<Pending> window = new ArrayDeque<>();
        private long inFlight;
        private S3Object waiting;

        private void fill() {
            if (objects == null) {
                objects = new ListAhead(listing());
            }
            while (window.size() < 2 * options.concurrency()) {
                if (waiting == null) {
                    if (!objects.hasNext()) {
                        return;
                    }
                    waiting = objects.next();
                }
                long reserve = Math.min(waiting.size(), options.maxDocumentBytes() + 1);
                if (!window.isEmpty() && inFlight + reserve > options.maxBytesInFlight()) {
                    return; // a big object waits for room; one is always let through, so nothing stalls
                }
                S3Object o = waiting;
                waiting = null;
                inFlight += reserve;
                window.add(new Pending(pool.submit(() -> get(o)), reserve));
            }
        }

        @Override
        public boolean hasNext() {
            fill();
            return !window.isEmpty();
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Pending p = window.poll();
            inFlight -= p.reserved();
            try {
                Document d = p.future().get();
                fetched.incrementAndGet();
                return d;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SourceException s) {
                    throw s;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(location.uri(), "interrupted", e);
            }
        }
    }

    private Document get(S3Object o) {
        Origin.S3Object origin = new Origin.S3Object(location.bucket(), o.key(), o.lastModified(), o.size());
        long cap = options.maxDocumentBytes() + 1;
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(o.key());
        if (o.size() > cap) {
            request.range("bytes=0-" + (cap - 1));
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request.build())) {
            byte[] bytes = readCapped(in, cap);
            if (bytes.length == cap) {
                in.abort(); // the rest, if any, is not wanted: do not drain it
            }
            return Document.of(bytes, origin);
        } catch (NoSuchKeyException e) {
            return Document.unreadable(origin, "the object is gone (deleted after it was listed)");
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                return Document.unreadable(origin, "access denied: the credentials do not allow s3:GetObject");
            }
            if (e.statusCode() == 404) {
                return Document.unreadable(origin, "the object is gone (deleted after it was listed)");
            }
            throw Aws.failure(origin.source(), where, options, "S3", e, "s3:GetObject");
        } catch (SdkException e) {
            throw Aws.failure(origin.source(), where, options, "S3", e, "s3:GetObject");
        } catch (IOException e) {
            return Document.unreadable(origin, "cannot read the object: " + e.getMessage());
        }
    }

    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cap));
    }
}
