package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

/**
 * A function subscribed to the SNS topic that is the on-failure destination. SNS has no partial batch response: when
 * an item fails, the invocation fails ({@link FailedItemsException}) after every item was tried, and Lambda retries it.
 *
 * <pre>{@code
 * public final class Alert extends SnsFailureRecordHandler {
 *     @Override
 *     protected void handle(KafkaFailureRecord record, Context context) {
 *         context.getLogger().log(record.requestContext().functionArn() + " discarded a batch");
 *     }
 * }
 * }</pre>
 */
public abstract class SnsFailureRecordHandler extends FailureRecordHandler implements RequestHandler<SNSEvent, Void> {

    /** For subclasses. */
    protected SnsFailureRecordHandler() {
    }

    /** @throws FailedItemsException when any item failed */
    @Override
    public final Void handleRequest(SNSEvent event, Context context) {
        process(event, context);
        return null;
    }
}
