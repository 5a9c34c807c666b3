package dev.onfailure.sources;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The messages of an SQS queue, received without being deleted: each stays in the queue and becomes visible again
 * after the queue's visibility timeout. A message seen twice in one run (its timeout ran out while reading) is handed
 * out once. Reading stops after {@code maxMessages} or once the queue has given no new message for {@code idleWait}.
 */
final class SqsSource implements Source {

    /** SQS's largest long-poll wait. */
    private static final int MAX_WAIT_SECONDS = 20;

    /**
     * How long one {@code ReceiveMessage} waits for a message (SQS's long poll): what is left of the idle wait, at most
     * 20 s, and at least a second less than {@code timeout}, which bounds each call and each read of its answer, so
     * that a queue with nothing to give is never taken for a server that does not answer. 0 (a short poll) when the
     * timeout leaves no whole second.
     */
    static int waitSeconds(long idleLeftNanos, Duration timeout) {
        long idle = Math.max(1, (idleLeftNanos + 999_999_999L) / 1_000_000_000L);
        long bound = timeout.toMillis() / 1000 - 1;
        return (int) Math.max(0, Math.min(Math.min(MAX_WAIT_SECONDS, idle), bound));
    }

    private final Location.Sqs location;
    private final SourceOptions options;
    private final SdkHttpClient http;
    private final SqsClient sqs;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handed = new AtomicLong();
    /**
     * The latest receipt handle per message id: a message received again (its visibility timeout ran out) gets a new
     * handle, and SQS deletes a message only with the latest.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, String> receipts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Aws.Endpoint where;
    private String queueUrl;
    private boolean started;

    SqsSource(Location.Sqs location, SourceOptions given) {
        SourceOptions options = given;
        this.location = location;
        this.http = Aws.http(location.uri(), options, 4);
        SqsClient client;
        try {
            client = Aws.client(SqsClient.builder(), options, location, b -> b.httpClient(http));
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        Optional<URI> own = options.endpointUrl().isPresent() ? Optional.empty() : Aws.queueEndpoint(location);
        if (own.isPresent() && client.serviceClientConfiguration().endpointOverride().isEmpty()) {
            // a queue URL on a local server (ElasticMQ, LocalStack) is its own endpoint, unless one is configured
            // (AWS_ENDPOINT_URL, a profile's endpoint_url): requests would otherwise go to AWS, which has no such queue
            client.close();
            options = options.toBuilder().endpointUrl(own.get()).build();
            client = Aws.client(SqsClient.builder(), options, location, b -> b.httpClient(http));
            this.where = new Aws.Endpoint(own.get().toString(), "the queue URL's host");
        } else {
            this.where = Aws.Endpoint.of(client, options, "SQS");
        }
        this.options = options;
        this.sqs = client;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Counts counts() {
        return new Counts(received.get(), handed.get());
    }

    @Override
    public void close() {
        sqs.close();
        http.close();
    }

    @Override
    public void delete(Document document) {
        if (!(document.origin() instanceof Origin.SqsMessage m) || document.receipt().isEmpty()) {
            throw new IllegalArgumentException(document.origin().source() + " was not received from an SQS queue");
        }
        try {
            String receipt = receipts.getOrDefault(m.messageId(), document.receipt().get());
            sqs.deleteMessage(b -> b.queueUrl(m.queueUrl()).receiptHandle(receipt));
        } catch (SdkException e) {
            throw failure(e, "sqs:DeleteMessage");
        }
    }

    private String queueUrl() {
        if (queueUrl == null) {
            if (location.isUrl()) {
                queueUrl = location.queue();
            } else {
                try {
                    queueUrl = sqs.getQueueUrl(b -> b.queueName(location.queue())).queueUrl();
                } catch (SdkException e) {
                    throw failure(e, "sqs:GetQueueUrl");
                }
            }
        }
        return queueUrl;
    }

    private SourceException failure(SdkException e, String permission) {
        if (e instanceof QueueDoesNotExistException || e instanceof SqsException s && s.awsErrorDetails() != null
                && String.valueOf(s.awsErrorDetails().errorCode()).contains("NonExistentQueue")) {
            return new SourceException(location.uri(), "no such queue " + location.name() + " (at "
                    + where.at() + ")", e);
        }
        return Aws.failure(location.uri(), where, options, "SQS", e, permission);
    }

    @Override
    public Iterator<Document> documents() {
        if (started) {
            throw new IllegalStateException("documents() is read once");
        }
        started = true;
        return new Receiver();
    }

    private final class Receiver implements Iterator<Document> {
        private final ArrayDeque<Document> buffer = new ArrayDeque<>();
        private final Set<String> seen = new HashSet<>();
        private long lastNew = System.nanoTime();
        private boolean done;

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && !done) {
                receive();
            }
            return !buffer.isEmpty();
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            handed.incrementAndGet();
            return buffer.poll();
        }

        /** Between two short polls that gave nothing: a quarter of a second, or what is left of the idle wait. */
        private static void pause(long idleLeftNanos) {
            try {
                Thread.sleep(Math.max(1, Math.min(250, idleLeftNanos / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void receive() {
            long remaining = options.maxMessages().isPresent()
                    ? options.maxMessages().getAsLong() - seen.size() : Long.MAX_VALUE;
            long idleLeft = options.idleWait().toNanos() - (System.nanoTime() - lastNew);
            if (remaining <= 0 || idleLeft <= 0) {
                done = true;
                return;
            }
            int wait = waitSeconds(idleLeft, options.timeout());
            ReceiveMessageResponse response;
            String url = queueUrl();
            try {
                response = sqs.receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages((int) Math.min(10, remaining))
                        .waitTimeSeconds(wait)
                        .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP));
            } catch (SdkException e) {
                throw failure(e, "sqs:ReceiveMessage");
            }
            if (wait == 0 && response.messages().isEmpty()) {
                pause(idleLeft); // short polls: not a request after another as fast as the queue answers
            }
            for (Message m : response.messages()) {
                received.incrementAndGet();
                receipts.put(m.messageId(), m.receiptHandle());
                if (!seen.add(m.messageId())) {
                    continue; // came back after its visibility timeout: already handed out in this run
                }
                lastNew = System.nanoTime();
                Optional<Instant> sent = Optional.ofNullable(
                        m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP))
                        .flatMap(SqsSource::millis);
                Origin.SqsMessage origin = new Origin.SqsMessage(url, location.queue(), m.messageId(), sent);
                byte[] body = m.body() == null ? new byte[0] : m.body().getBytes(StandardCharsets.UTF_8);
                if (body.length > options.maxDocumentBytes() + 1) {
                    body = java.util.Arrays.copyOf(body, (int) (options.maxDocumentBytes() + 1));
                }
                buffer.add(Document.message(body, origin, m.receiptHandle()));
                if (options.maxMessages().isPresent() && seen.size() >= options.maxMessages().getAsLong()) {
                    break;
                }
            }
        }
    }

    private static Optional<Instant> millis(String text) {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
