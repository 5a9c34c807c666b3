package dev.onfailure.lambda.readme;

import com.amazonaws.services.lambda.runtime.Context;
import dev.onfailure.lambda.SqsFailureRecordHandler;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;

/** The README's handler: logs the offset ranges each valid failure record names. */
public final class DiscardedRanges extends SqsFailureRecordHandler {

    @Override
    protected void handle(KafkaFailureRecord record, Context context) {
        if (!(record.batchInfo() instanceof KafkaBatchInfo info)) {
            throw new IllegalArgumentException("expected an SQS/SNS record, got " + record.kind().id());
        }
        info.recordsInfo().forEach((topicPartition, range) -> context.getLogger().log("discarded " + topicPartition
                + " offsets " + range.firstRecordOffset().text() + ".." + range.lastRecordOffset().text()
                + " (" + record.requestContext().condition().text() + ", request "
                + record.requestContext().requestId() + ")\n"));
    }
}
