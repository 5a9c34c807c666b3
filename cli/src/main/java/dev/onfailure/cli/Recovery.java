package dev.onfailure.cli;

import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.json.ReadException;
import dev.onfailure.redrive.Absence;
import dev.onfailure.redrive.FetchedRange;
import dev.onfailure.redrive.KafkaRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What {@code fetch} and {@code redrive} share: records from a payload, and the per-range report line. */
final class Recovery {

    /** Where the original records come from. */
    enum From {
        /** Read them back from the cluster by offset. */
        cluster,
        /** Take them from the failure record's payload (S3 and Kafka-topic records). */
        payload
    }

    private Recovery() {
    }

    /**
     * The first SOURCE that is an SQS queue, if any: Lambda writes SQS/SNS failure records there, which carry the
     * offsets of the discarded batch and never its records, so they need the cluster.
     */
    static Optional<String> offsetsOnly(List<String> sources) {
        return sources.stream().filter(s -> s.startsWith("sqs://")).findFirst();
    }

    /** The records a failure record's payload carries, as Kafka's consumer would hand them over. */
    static List<ConsumerRecord<byte[], byte[]>> fromPayload(FailureInputs.Located r) throws FailureInputs.BadInput {
        Optional<Payload> payload = r.record().payloadIfAny();
        if (payload.isEmpty()) {
            throw new FailureInputs.BadInput(r.where() + ": an SQS/SNS failure record carries no records, only "
                    + "offsets: give --bootstrap-server to read them from the cluster");
        }
        KafkaEvent event;
        try {
            event = payload.get().event();
        } catch (ReadException e) {
            throw new FailureInputs.BadInput(r.where() + "#/payload: not an invocation event: " + e.getMessage());
        }
        try {
            return KafkaRecords.toConsumerRecords(event);
        } catch (IllegalArgumentException e) {
            throw new FailureInputs.BadInput(r.where() + "#/payload: " + e.getMessage());
        }
    }

    /** The event source attributes for {@code --as event}: from the payload when there is one. */
    static String eventSource(KafkaFailureRecord r) {
        Optional<KafkaEvent> event = event(r);
        if (event.isPresent()) {
            return event.get().eventSource();
        }
        return r.batchInfo().eventSourceArn().isPresent() ? "aws:kafka" : "SelfManagedKafka";
    }

    static Optional<String> eventSourceArn(KafkaFailureRecord r) {
        Optional<KafkaEvent> event = event(r);
        return event.isPresent() ? event.get().eventSourceArn().value() : r.batchInfo().eventSourceArn().value();
    }

    static Optional<String> bootstrapServers(KafkaFailureRecord r) {
        Optional<KafkaEvent> event = event(r);
        return event.isPresent() ? event.get().bootstrapServers().value()
                : Optional.of(r.batchInfo().bootstrapServers());
    }

    private static Optional<KafkaEvent> event(KafkaFailureRecord r) {
        return r.payloadIfAny().filter(Payload::isEvent).map(Payload::event);
    }

    /** One line for people: {@code where tp first..last: expected N (basis), found M; absent ...}. */
    static String report(String where, FetchedRange r) {
        StringBuilder s = new StringBuilder(where).append(' ').append(r.range().topicPartition().key()).append(' ')
                .append(r.range().first()).append("..").append(r.range().last()).append(": expected ")
                .append(r.expected()).append(" (").append(r.range().basis().id()).append("), found ").append(r.found());
        if (!r.absent().isEmpty()) {
            List<String> runs = new ArrayList<>();
            for (Absence a : r.absent()) {
                runs.add(a.toString());
            }
            s.append("; absent ").append(String.join(", ", runs));
            if (r.absent().stream().anyMatch(a -> a.reason() == Absence.Reason.DELETED)) {
                s.append(" (log start offset ").append(r.logStartOffset()).append(')');
            }
            if (r.absent().stream().anyMatch(a -> a.reason() == Absence.Reason.BEYOND_END)) {
                s.append(" (end offset ").append(r.endOffset()).append(')');
            }
        }
        return Shell.visible(s.toString());   // the topic comes from the record
    }

    /** True when the range is not as expected: absent offsets, or fewer records than expected. */
    static boolean incomplete(FetchedRange r) {
        return !r.absent().isEmpty() || r.found() < r.expected();
    }
}
