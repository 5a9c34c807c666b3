package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * A function on the SQS queue that is the on-failure destination (or subscribed to the SNS topic that is one):
 * returns the failed message ids as a partial batch response. Turn on {@code ReportBatchItemFailures} on the event
 * source mapping.
 *
 * <pre>{@code
 * public final class Reprocess extends SqsFailureRecordHandler {
 *     @Override
 *     protected void handle(KafkaFailureRecord record, Context context) {
 *         context.getLogger().log("discarded: " + record.batchInfo());
 *     }
 * }
 * }</pre>
 */
public abstract class SqsFailureRecordHandler extends FailureRecordHandler
        implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** For subclasses. */
    protected SqsFailureRecordHandler() {
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return process(event, context);
    }
}
