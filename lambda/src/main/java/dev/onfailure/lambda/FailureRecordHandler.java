package dev.onfailure.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.RecordReport;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The processing shared by the handler classes ({@link SqsFailureRecordHandler}, {@link SnsFailureRecordHandler},
 * {@link S3FailureRecordHandler}, {@link KafkaFailureRecordHandler}): you write {@link #handle}, each item of the
 * event is read and validated, valid records go to {@code handle}, invalid ones to {@link #onInvalid}, and an
 * exception fails just that item. How failed items are reported depends on the event source:
 *
 * <ul>
 *   <li><b>SQS</b>: an {@link SQSBatchResponse} naming the failed message ids (turn on
 *       {@code ReportBatchItemFailures} on the event source mapping, or Lambda ignores it and deletes every message).
 *       On a FIFO queue the first failure also fails every later message, unprocessed, so order is kept.</li>
 *   <li><b>Kafka</b> (the {@code kafka://} destination topic): a {@link KafkaBatchResponse}, the partial batch response
 *       AWS documents for Kafka event source mappings (provisioned mode, {@code ReportBatchItemFailures}). Lambda
 *       resumes each partition from its lowest failed offset, so later records of that partition come again.</li>
 *   <li><b>SNS and S3</b> have no partial batch response: every item is processed, then, if any failed, the invocation
 *       fails with a {@link FailedItemsException} naming them, so Lambda retries the event (asynchronous invocation:
 *       twice by default) and then sends it to the function's own on-failure destination or dead-letter queue. Items
 *       that succeeded are processed again on a retry: make {@code handle} idempotent.</li>
 * </ul>
 *
 * <pre>{@code
 * public final class Reprocess extends SqsFailureRecordHandler {
 *     @Override
 *     protected void handle(KafkaFailureRecord record, Context context) {
 *         // re-read the discarded Kafka records named by record.batchInfo()
 *     }
 * }
 * }</pre>
 *
 * <p>Findings are logged as one JSON line each, through the context's logger:
 * <pre>{"level":"WARN","message":"invalid failure record","item":"059f36b4-...","location":"/Records/0/body",
 * "code":"kafka.offset-order","severity":"error","pointer":"/KafkaBatchInfo/recordsInfo/orders-0/firstRecordOffset",
 * "finding":"firstRecordOffset 1300 is after lastRecordOffset 1200 in orders-0"}</pre>
 */
public abstract class FailureRecordHandler {

    private volatile OnFailureRecords records;

    /** For subclasses. */
    protected FailureRecordHandler() {
    }

    /**
     * Processes one valid record (warnings allowed). Throw to fail this item only.
     *
     * @throws Exception anything: the item is reported failed and the others go on
     */
    protected abstract void handle(KafkaFailureRecord record, Context context) throws Exception;

    /**
     * Called for an item whose report has errors. The default logs each finding as one JSON line and throws
     * {@link InvalidRecordException}, so the item fails (and is retried, then goes wherever the source sends failures:
     * the queue's redrive policy, the function's destination). Override to park it elsewhere and return normally to
     * count the item as processed.
     *
     * @throws Exception to fail the item
     */
    protected void onInvalid(OnFailureItem item, Context context) throws Exception {
        logFindings(item, context);
        throw new InvalidRecordException(item);
    }

    /**
     * Called for an item that could not be fetched (an S3 object missing or forbidden). The default logs one JSON
     * line and throws {@link InvalidRecordException}, failing the item. Return normally to count it as processed.
     *
     * @throws Exception to fail the item
     */
    protected void onUnavailable(OnFailureItem item, Context context) throws Exception {
        log(context, "{\"level\":\"ERROR\",\"message\":\"failure record unavailable\",\"item\":" + quote(item.id().text())
                + ",\"problem\":" + quote(item.problem().orElse("")) + "}");
        throw new InvalidRecordException(item);
    }

    /** Returns the profile records are validated under: tolerant, unless overridden. */
    protected Profile profile() {
        return Profile.TOLERANT;
    }

    /** Processes an SQS event and returns the failed message ids. */
    public final SQSBatchResponse process(SQSEvent event, Context context) {
        boolean fifo = event.getRecords() != null && !event.getRecords().isEmpty()
                && String.valueOf(event.getRecords().get(0).getEventSourceArn()).endsWith(".fifo");
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (OnFailureItem failed : run(reader().read(event), context, fifo)) {
            failures.add(new SQSBatchResponse.BatchItemFailure(failed.id().text()));
        }
        return new SQSBatchResponse(failures);
    }

    /**
     * Processes a Kafka event (a function on the {@code kafka://} destination topic) and returns the failed records
     * as Lambda's partial batch response for Kafka.
     */
    public final KafkaBatchResponse process(KafkaEvent event, Context context) {
        List<KafkaBatchResponse.Failure> failures = new ArrayList<>();
        for (OnFailureItem failed : run(reader().read(event), context, false)) {
            ItemId.KafkaMessage id = (ItemId.KafkaMessage) failed.id();
            failures.add(new KafkaBatchResponse.Failure(id.topicPartition(), id.offset()));
        }
        return KafkaBatchResponse.of(failures);
    }

    /**
     * Processes an SNS event.
     *
     * @throws FailedItemsException after processing every item, when any failed
     */
    public final void process(SNSEvent event, Context context) {
        failIfAny(run(reader().read(event), context, false));
    }

    /**
     * Fetches and processes each object an S3 event names.
     *
     * @throws FailedItemsException after processing every object, when any failed
     */
    public final void process(S3Event event, S3Client s3, Context context) {
        failIfAny(run(reader().read(event, s3), context, false));
    }

    private static void failIfAny(List<OnFailureItem> failed) {
        if (!failed.isEmpty()) {
            throw new FailedItemsException(failed.stream().map(OnFailureItem::id).toList());
        }
    }

    private OnFailureRecords reader() {
        OnFailureRecords r = records;
        if (r == null || r.profile() != profile()) {
            r = OnFailureRecords.of(profile());
            records = r;
        }
        return r;
    }

    /** Runs every item; returns the failed ones, in order. After a failure with {@code stopAtFailure}, all fail. */
    private List<OnFailureItem> run(List<OnFailureItem> items, Context context, boolean stopAtFailure) {
        List<OnFailureItem> failed = new ArrayList<>();
        for (OnFailureItem item : items) {
            if (stopAtFailure && !failed.isEmpty()) {
                failed.add(item);
                continue;
            }
            try {
                switch (item.status()) {
                    case VALID:
                        handle(item.record().orElseThrow(), context);
                        break;
                    case INVALID:
                        onInvalid(item, context);
                        break;
                    default:
                        onUnavailable(item, context);
                }
            } catch (InvalidRecordException e) {
                failed.add(item);
            } catch (Exception e) {
                log(context, "{\"level\":\"ERROR\",\"message\":\"failure record not processed\",\"item\":"
                        + quote(item.id().text()) + ",\"error\":" + quote(e.getClass().getName())
                        + ",\"detail\":" + quote(String.valueOf(e.getMessage())) + "}");
                failed.add(item);
            }
        }
        return failed;
    }

    /** Logs each finding of {@code item} as one JSON line (warnings too). */
    protected static void logFindings(OnFailureItem item, Context context) {
        RecordReport report = item.report().orElse(null);
        if (report == null) {
            return;
        }
        for (Finding f : report.findings()) {
            log(context, "{\"level\":\"WARN\",\"message\":\"invalid failure record\",\"item\":" + quote(item.id().text())
                    + ",\"location\":" + quote(report.location()) + ",\"code\":" + quote(f.code())
                    + ",\"severity\":" + quote(f.severity().id()) + ",\"pointer\":" + quote(f.pointer())
                    + ",\"finding\":" + quote(f.message()) + "}");
        }
    }

    private static void log(Context context, String line) {
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger != null) {
            logger.log(line + "\n");
        } else {
            System.out.println(line);
        }
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
