package dev.onfailure.cli;

import dev.onfailure.redrive.FetchRange;
import dev.onfailure.redrive.FetchedRange;
import dev.onfailure.redrive.RangeFetcher;
import dev.onfailure.redrive.RecoveryException;
import dev.onfailure.redrive.RedriveRecord;
import dev.onfailure.redrive.RedriveReport;
import dev.onfailure.redrive.Redriver;
import dev.onfailure.redrive.Target;
import dev.onfailure.sources.Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onfailure redrive}: republish the original records of failure records, each exactly once. */
@Command(name = "redrive", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Replay a discarded batch to a Kafka topic, each record exactly once.",
                "Get the original records back (from the cluster by offset, or "
                + "with --from payload from S3 and Kafka-topic records) and republish them to --to-topic, "
                + "or with --to-source to the topics and partitions they came from. Same key, value and "
                + "headers, plus provenance headers onfailure.original.topic, .partition, .offset and "
                + ".request-id; an idempotent producer with acks=all. Safe to rerun: a checkpoint records "
                + "what the broker acknowledged, and a run stopped at any point and run again sends each "
                + "record exactly once.",
                "SOURCEs are taken as validate takes them: files, directories, NDJSON, standard input, "
                + "and s3://bucket/prefix, sqs://queue (messages are left in the queue, never deleted), "
                + "kafka://topic (read from --bootstrap-server's cluster unless --source-bootstrap-server "
                + "names another). With a location, the default checkpoint goes with the target and the "
                + "locations, not with the records they hold on one run, so a rerun over a queue that has "
                + "gained messages sends only what was not sent.",
                "A failure record that cannot be read is reported on standard error and skipped (exit "
                + "code 2)."},
        footer = {"",
                "Examples:",
                "  onfailure redrive failure.json --bootstrap-server b-1.msk:9092 \\",
                "      --to-topic orders-replay",
                "  onfailure redrive dlq-dump/ --bootstrap-server localhost:9092 \\",
                "      --to-topic orders-replay --dry-run",
                "  onfailure redrive s3-record.json --from payload \\",
                "      --bootstrap-server localhost:9092 --to-source",
                "  onfailure redrive sqs://orders-dlq --region eu-west-1 \\",
                "      --bootstrap-server b-1.msk:9092 --to-topic orders-replay",
                "",
                "Exit codes: 0 every record sent (or sent before), 1 some offsets were absent",
                "(the rest is sent), 2 unreadable input (a missing bucket or queue, refused",
                "credentials, a record that is not one; the others are still sent), bad",
                "offsets, an unreachable cluster or a failed send (run again to resume)."})
final class RedriveCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    RecoverySources input;

    static final class Where {
        @Option(names = "--to-topic", paramLabel = "TOPIC", required = true,
                description = "Send every record to TOPIC (it must exist; never a record's own topic).")
        String topic;

        @Option(names = "--to-source", required = true,
                description = "Send each record back to its own topic and partition.")
        boolean source;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--from", paramLabel = "cluster|payload", defaultValue = "cluster",
            description = "Where records come from (default: ${DEFAULT-VALUE}).")
    Recovery.From from;

    @Option(names = "--keep-timestamp", description = "Keep each record's original timestamp (default: now).")
    boolean keepTimestamp;

    @Option(names = "--dry-run", description = "Show what would be sent and where; send nothing.")
    boolean dryRun;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "The checkpoint file (default: one per redrive under $XDG_STATE_HOME/onfailure/redrive, "
                    + "or ~/.local/state/onfailure/redrive; printed at start).")
    Path checkpoint;

    RedriveCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PrintWriter err = io.err();
        PrintWriter out = io.out();
        try {
            boolean cluster = input.kafka.hasCluster();
            if (!cluster && !(dryRun && from == Recovery.From.payload)) {
                err.println("onfailure: redrive: give --bootstrap-server (or bootstrap.servers in --kafka-config)");
                return ExitCodes.USAGE;
            }
            Optional<String> offsetsOnly = input.offsetsOnly();
            if (from == Recovery.From.payload && offsetsOnly.isPresent()) {
                err.println("onfailure: redrive: " + offsetsOnly.get() + " holds SQS/SNS failure records, which carry"
                        + " only offsets: the records come from the cluster (leave out --from payload)");
                return ExitCodes.USAGE;
            }
            Target target = where.source ? Target.source() : Target.topic(where.topic);
            try (Remote remote = input.remote()) {
                Optional<String> unused = input.unused();
                if (unused.isPresent()) {
                    err.println("onfailure: redrive: " + unused.get());
                    return ExitCodes.USAGE;
                }
                FailureInputs inputs = input.inputs(io, remote);
                int code = redrive(inputs, target, offsetsOnly);
                return inputs.skipped() > 0 ? ExitCodes.USAGE : code;
            }
        } catch (RecoveryException | IllegalArgumentException e) {
            out.flush();
            err.println("onfailure: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println(input.cannotReadConfig(e));
            return ExitCodes.USAGE;
        }
    }

    private int redrive(FailureInputs inputs, Target target, Optional<String> queue) throws IOException {
        PrintWriter err = io.err();
        PrintWriter out = io.out();
        List<FailureInputs.Located> located = inputs.all();
        inputs.noneFrom(queue);
        List<RedriveRecord> records = new ArrayList<>();
        boolean incomplete = false;
        if (from == Recovery.From.payload) {
            for (FailureInputs.Located r : located) {
                String id = r.record().requestContext().requestId();
                try {
                    Recovery.fromPayload(r).forEach(c -> records.add(new RedriveRecord(id, c)));
                } catch (FailureInputs.BadInput e) {
                    inputs.skip(e.getMessage());
                }
            }
        } else {
            List<FetchRange> ranges = new ArrayList<>();
            List<String> whereOf = new ArrayList<>();
            for (FailureInputs.Located r : located) {
                try {
                    for (FetchRange f : FetchCommand.ranges(r)) {
                        ranges.add(f);
                        whereOf.add(r.where());
                    }
                } catch (FailureInputs.BadInput e) {
                    inputs.skip(e.getMessage());
                }
            }
            try (RangeFetcher fetcher = RangeFetcher.connect(input.kafka.settings(), input.kafka.timeout())) {
                // every record whose topic or partition is gone is named, and nothing is sent: all or nothing
                List<String> gone = new ArrayList<>();
                for (int i = 0; i < ranges.size(); i++) {
                    Optional<String> why = fetcher.unreadable(ranges.get(i));
                    if (why.isPresent()) {
                        gone.add(whereOf.get(i) + ": cannot be fetched: " + why.get());
                    }
                }
                if (!gone.isEmpty()) {
                    gone.stream().distinct().forEach(g -> err.println("onfailure: " + g));
                    err.println("onfailure: nothing sent: redrive sends every record or none; leave out the records"
                            + " above, or make their topics, and run again");
                    return ExitCodes.USAGE;
                }
                List<FetchedRange> fetched = fetcher.fetch(ranges);
                for (int i = 0; i < fetched.size(); i++) {
                    FetchedRange f = fetched.get(i);
                    err.println(Recovery.report(whereOf.get(i), f));
                    incomplete |= Recovery.incomplete(f);
                    for (ConsumerRecord<byte[], byte[]> c : f.records()) {
                        records.add(new RedriveRecord(f.range().requestId(), c));
                    }
                }
            }
        }
        Map<String, Object> settings = input.kafka.settings();
        settings.putIfAbsent("bootstrap.servers", "(none: dry run)");
        Redriver.Builder builder = Redriver.builder().config(settings).target(target)
                .keepTimestamp(keepTimestamp).timeout(input.kafka.timeout());
        List<String> places = input.paths.stream().filter(Location::isLocation).sorted().distinct().toList();
        if (checkpoint != null) {
            builder.checkpoint(checkpoint);
        } else if (!places.isEmpty()) {
            // what a queue or a bucket holds changes between runs: the checkpoint goes with the places, not the records
            builder.checkpoint(Redriver.defaultCheckpoint(target, places));
        }
        Redriver redriver = builder.build();
        if (dryRun) {
            List<Redriver.Outgoing> plan = redriver.plan(records);
            for (Redriver.Outgoing o : plan) {
                ConsumerRecord<byte[], byte[]> c = o.original().record();
                out.println(c.topic() + "-" + c.partition() + "@" + c.offset() + " -> " + o.record().topic()
                        + (o.record().partition() == null ? "" : "-" + o.record().partition())
                        + " (key " + size(c.key()) + ", value " + size(c.value()) + ", "
                        + o.record().headers().toArray().length + " headers"
                        + (keepTimestamp ? ", timestamp " + c.timestamp() : "") + ")");
            }
            out.println("dry run: would send " + plan.size() + " record" + (plan.size() == 1 ? "" : "s")
                    + (records.size() > plan.size() ? " (" + (records.size() - plan.size())
                    + " named twice, sent once)" : "") + "; checkpoint " + redriver.checkpointFor(records));
            out.flush();
            return incomplete ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
        redriver.plan(records);        // a record bound for its own topic is refused before a checkpoint is named
        err.println("onfailure: redrive: checkpoint " + redriver.checkpointFor(records));
        err.flush();
        RedriveReport report = redriver.redrive(records);
        out.println("sent " + report.sent() + " of " + report.records() + " records to "
                + (target.isSource() ? "their own topics" : target.topicName().orElseThrow())
                + (report.alreadySent() > 0 ? "; " + report.alreadySent() + " sent by an earlier run"
                + (report.reconciled() > 0 ? " (" + report.reconciled() + " found in the target after a stop)"
                : "") : "")
                + (report.duplicates() > 0 ? "; " + report.duplicates() + " named twice, sent once" : ""));
        out.flush();
        return incomplete ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static String size(byte[] b) {
        return b == null ? "null" : b.length + " bytes";
    }
}
