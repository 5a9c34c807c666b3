package dev.onfailure.examples.dlqconsumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.onfailure.lambda.SqsFailureRecordHandler;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.redrive.Absence;
import dev.onfailure.redrive.FetchRange;
import dev.onfailure.redrive.FetchedRange;
import dev.onfailure.redrive.RangeFetcher;
import dev.onfailure.redrive.RedriveRecord;
import dev.onfailure.redrive.RedriveReport;
import dev.onfailure.redrive.Redriver;
import dev.onfailure.redrive.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Consumes the SQS queue a Kafka event source mapping sends its failure records to: validates each record, reads the
 * discarded records back from the cluster and re-publishes them to a retry topic, each once however often Lambda
 * retries. Invalid records and exceptions fail only their message (the partial batch response).
 */
public final class DlqConsumer extends SqsFailureRecordHandler {

    /** Redriven records are looked for in the retry topic from the failure record's time less this. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Map<String, Object> kafka;
    private final String retryTopic;
    private final Optional<String> sourceCluster;
    private final Path checkpoints;
    private final Duration timeout;

    /** Configured from the environment, as Lambda creates it (see KafkaSettings and the README). */
    public DlqConsumer() {
        this(KafkaSettings.fromEnvironment(System.getenv()), KafkaSettings.required(System.getenv(), "RETRY_TOPIC"),
                Optional.ofNullable(System.getenv("SOURCE_CLUSTER_ARN")).filter(s -> !s.isBlank()),
                Path.of("/tmp/onfailure"), Duration.ofSeconds(20));
    }

    /**
     * Configured explicitly: the Kafka client settings, the retry topic, the cluster ARN records must come from (empty:
     * any), where checkpoints go, and how long to wait for the cluster at each step.
     */
    public DlqConsumer(Map<String, Object> kafka, String retryTopic, Optional<String> sourceCluster, Path checkpoints,
            Duration timeout) {
        this.kafka = Map.copyOf(kafka);
        this.retryTopic = retryTopic;
        this.sourceCluster = sourceCluster;
        this.checkpoints = checkpoints;
        this.timeout = timeout;
    }

    @Override
    protected void handle(KafkaFailureRecord record, Context context) {
        String requestId = record.requestContext().requestId();
        if (context.getRemainingTimeInMillis() < 3 * timeout.toMillis()) {
            // Fail this message (SQS brings it back) rather than let the invocation time out and fail them all.
            throw new IllegalStateException("not enough time left to fetch and redrive request " + requestId);
        }
        String cluster = record.batchInfo() instanceof KafkaBatchInfo b ? b.eventSourceArn().value().orElse("") : "";
        if (sourceCluster.isPresent() && !sourceCluster.get().equals(cluster)) {
            throw new IllegalArgumentException("request " + requestId + " comes from cluster \"" + cluster
                    + "\", this function reads " + sourceCluster.get());
        }
        Instant failedAt = record.timestamp().toInstant().orElseThrow(() -> new IllegalArgumentException(
                "request " + requestId + ": timestamp " + record.timestamp().text() + " is not a time"));

        // 1. The discarded records, read back exactly: assign and seek, no consumer group, nothing committed.
        List<RedriveRecord> originals = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        try (RangeFetcher fetcher = RangeFetcher.connect(kafka, timeout)) {
            for (FetchedRange range : fetcher.fetch(FetchRange.of(record))) {
                range.records().forEach(r -> originals.add(new RedriveRecord(requestId, r)));
                for (Absence gone : range.absent()) {
                    log(context, "WARN", "offsets not in the cluster", requestId,
                            ",\"topicPartition\":" + quote(range.range().topicPartition().key()) + ",\"absent\":"
                                    + quote(gone.toString()));
                    // Aborted transactions and compacted offsets hold nothing to redrive; deleted ones are lost.
                    if (gone.reason() == Absence.Reason.DELETED || gone.reason() == Absence.Reason.BEYOND_END) {
                        lost.add(range.range().topicPartition().key() + " " + gone);
                    }
                }
            }
        }

        // 2. Re-published, each record once. The checkpoint in /tmp serves retries in this execution environment;
        // a retry in another one finds what was sent by reading the retry topic from the failure record's time.
        RedriveReport report = Redriver.builder()
                .config(kafka)
                .target(Target.topic(retryTopic))
                .checkpoint(checkpoints.resolve(
                        UUID.nameUUIDFromBytes(requestId.getBytes(StandardCharsets.UTF_8)) + ".checkpoint"))
                .reconcileSince(failedAt.minus(CLOCK_SKEW))
                .timeout(timeout)
                .build()
                .redrive(originals);
        log(context, "INFO", "redriven", requestId, ",\"retryTopic\":" + quote(retryTopic) + ",\"sent\":"
                + report.sent() + ",\"alreadySent\":" + report.alreadySent());

        // 3. Offsets retention deleted cannot come back: keep the failure record (the queue's dead-letter queue).
        if (!lost.isEmpty()) {
            throw new IllegalStateException("request " + requestId + ": records no longer in the cluster: " + lost);
        }
    }

    private static void log(Context context, String level, String message, String requestId, String more) {
        context.getLogger().log("{\"level\":\"" + level + "\",\"message\":\"" + message + "\",\"requestId\":"
                + quote(requestId) + more + "}\n");
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
