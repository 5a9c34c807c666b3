package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;

/**
 * A function whose Kafka event source mapping reads the {@code kafka://} on-failure destination topic: each message
 * value is a failure record. Returns the failed records as Lambda's partial batch response for Kafka
 * ({@link KafkaBatchResponse}); turn on {@code ReportBatchItemFailures} on the mapping (provisioned mode), or Lambda
 * treats every batch as a success.
 *
 * <pre>{@code
 * public final class DeadLetters extends KafkaFailureRecordHandler {
 *     @Override
 *     protected void handle(KafkaFailureRecord record, Context context) {
 *         TopicRecord t = (TopicRecord) record;
 *         t.payload().event();   // the invocation event holding the one failed record
 *     }
 * }
 * }</pre>
 */
public abstract class KafkaFailureRecordHandler extends FailureRecordHandler
        implements RequestHandler<KafkaEvent, KafkaBatchResponse> {

    /** For subclasses. */
    protected KafkaFailureRecordHandler() {
    }

    @Override
    public final KafkaBatchResponse handleRequest(KafkaEvent event, Context context) {
        return process(event, context);
    }
}
