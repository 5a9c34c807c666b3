package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A function notified of the objects Lambda writes to the S3 bucket that is the on-failure destination: each object is
 * fetched, validated and handed over. S3 has no partial batch response: when an object fails (invalid, missing,
 * forbidden, or {@code handle} threw), the invocation fails ({@link FailedItemsException}) after every object was
 * tried, and Lambda retries it.
 *
 * <pre>{@code
 * public final class Archive extends S3FailureRecordHandler {
 *     public Archive() {
 *         super(S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build());
 *     }
 *
 *     @Override
 *     protected void handle(KafkaFailureRecord record, Context context) {
 *         S3Record s3 = (S3Record) record;
 *         s3.payload().event().records();   // the discarded Kafka records themselves
 *     }
 * }
 * }</pre>
 */
public abstract class S3FailureRecordHandler extends FailureRecordHandler implements RequestHandler<S3Event, Void> {

    private final S3Client s3;

    /** For subclasses: objects are fetched with {@code s3} (the function needs {@code s3:GetObject}). */
    protected S3FailureRecordHandler(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    /** @throws FailedItemsException when any object failed */
    @Override
    public final Void handleRequest(S3Event event, Context context) {
        process(event, s3, context);
        return null;
    }
}
