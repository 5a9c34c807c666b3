package dev.onfailure.cli;

import dev.onfailure.redrive.FetchRange;
import dev.onfailure.redrive.FetchedRange;
import dev.onfailure.redrive.LambdaJson;
import dev.onfailure.redrive.RangeFetcher;
import dev.onfailure.redrive.RecoveryException;
import dev.onfailure.redrive.Verification;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onfailure fetch}: the original records of failure records, read back by offset or from the payload. */
@Command(name = "fetch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Get the discarded Kafka records back.",
                "For every failure record and every topic-partition "
                + "range in it, read exactly the offsets first..last from the cluster (assign and seek: no "
                + "consumer group, nothing committed; read_committed unless --kafka-config says otherwise), "
                + "or take them from the payload of S3 and Kafka-topic records. Writes NDJSON in the Lambda "
                + "Kafka event's record form on standard output, and per range on standard error how many "
                + "records were expected and found and which offsets are absent and why (deleted, aborted, "
                + "compacted-or-marker, beyond-end).",
                "SOURCEs are taken as validate takes them: files, directories, NDJSON, standard input, "
                + "and the places failure records live: s3://bucket/prefix, sqs://queue (messages are left "
                + "in the queue; they come back after its visibility timeout), kafka://topic (the "
                + "on-failure topic, read from --bootstrap-server's cluster unless "
                + "--source-bootstrap-server names another; no group, no commit).",
                "A failure record that cannot be read is reported on standard error and skipped (exit "
                + "code 2)."},
        footer = {"",
                "Examples:",
                "  onfailure fetch failure.json --bootstrap-server b-1.msk:9092",
                "  onfailure fetch dlq-dump/ --bootstrap-server localhost:9092 --as event \\",
                "      > events.ndjson",
                "  # from the payload, no cluster:",
                "  onfailure fetch s3-record.json",
                "  onfailure fetch s3-record.json --bootstrap-server localhost:9092 --verify",
                "  onfailure fetch sqs://orders-dlq --region eu-west-1 \\",
                "      --bootstrap-server b-1.msk:9092",
                "  onfailure fetch s3://dlq-bucket/aws/lambda/ --since 2026-11-30 \\",
                "      --from payload",
                "  onfailure fetch kafka://orders-failures --bootstrap-server b-1.msk:9092 \\",
                "      --as event",
                "",
                "Exit codes: 0 every record found, 1 offsets absent or --verify differences,",
                "2 unreadable input (a missing bucket or queue, refused credentials, a record",
                "that is not one), bad offsets or an unreachable cluster."})
final class FetchCommand implements Callable<Integer> {

    /** Ranges are read together in windows of about this many records. */
    private static final long WINDOW_RECORDS = 20_000;
    private static final int WINDOW_RANGES = 500;

    enum As {
        records, event
    }

    private final Io io;

    @Mixin
    RecoverySources input;

    @Option(names = "--from", paramLabel = "cluster|payload",
            description = "Where records come from (default: cluster when a cluster is named, else payload).")
    Recovery.From from;

    @Option(names = "--as", paramLabel = "records|event", defaultValue = "records",
            description = "records: one NDJSON line per Kafka record; event: one Lambda Kafka invocation event per "
                    + "failure record (default: ${DEFAULT-VALUE}).")
    As as;

    @Option(names = "--verify",
            description = "Compare the payload's records with the cluster's copy, record by record.")
    boolean verify;

    FetchCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PrintWriter err = io.err();
        try {
            boolean cluster = input.kafka.hasCluster();
            Recovery.From source = from != null ? from : cluster ? Recovery.From.cluster : Recovery.From.payload;
            if ((source == Recovery.From.cluster || verify) && !cluster) {
                err.println("onfailure: fetch: give --bootstrap-server (or bootstrap.servers in --kafka-config) to "
                        + (verify ? "verify against" : "read from") + " the cluster");
                return ExitCodes.USAGE;
            }
            Optional<String> offsetsOnly = input.offsetsOnly();
            if (source == Recovery.From.payload && offsetsOnly.isPresent()) {
                err.println("onfailure: fetch: " + offsetsOnly.get() + " holds SQS/SNS failure records, which carry"
                        + " only offsets: give --bootstrap-server to read the records from the cluster");
                return ExitCodes.USAGE;
            }
            try (Remote remote = input.remote()) {
                Optional<String> unused = input.unused();
                if (unused.isPresent()) {
                    err.println("onfailure: fetch: " + unused.get());
                    return ExitCodes.USAGE;
                }
                FailureInputs inputs = input.inputs(io, remote);
                boolean incomplete = source == Recovery.From.payload && !verify ? fromPayload(inputs)
                        : fromCluster(inputs, source);
                inputs.noneFrom(offsetsOnly);
                io.out().flush();
                return inputs.skipped() > 0 ? ExitCodes.USAGE : incomplete ? ExitCodes.FINDINGS : ExitCodes.OK;
            }
        } catch (RecoveryException e) {
            io.out().flush();
            err.println("onfailure: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println(input.cannotReadConfig(e));
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            io.out().flush();
            err.println("onfailure: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private boolean fromPayload(FailureInputs inputs) {
        for (Optional<FailureInputs.Located> r = inputs.next(); r.isPresent(); r = inputs.next()) {
            try {
                write(r.get(), Recovery.fromPayload(r.get()), inputs);
            } catch (FailureInputs.BadInput e) {
                inputs.skip(e.getMessage());
            }
        }
        return false;
    }

    private boolean fromCluster(FailureInputs inputs, Recovery.From source) throws IOException {
        boolean incomplete = false;
        try (RangeFetcher fetcher = RangeFetcher.connect(input.kafka.settings(), input.kafka.timeout())) {
            List<FailureInputs.Located> window = new ArrayList<>();
            List<List<FetchRange>> ranges = new ArrayList<>();
            long records = 0;
            int count = 0;
            for (Optional<FailureInputs.Located> r = inputs.next(); r.isPresent(); r = inputs.next()) {
                List<FetchRange> rs;
                try {
                    rs = ranges(r.get());
                } catch (FailureInputs.BadInput e) {
                    inputs.skip(e.getMessage());
                    continue;
                }
                // a record whose topic or partition is gone is left with its line; the others are fetched
                Optional<String> gone = Optional.empty();
                for (int i = 0; i < rs.size() && gone.isEmpty(); i++) {
                    gone = fetcher.unreadable(rs.get(i));
                }
                if (gone.isPresent()) {
                    inputs.skip(r.get().where() + ": not fetched: " + gone.get());
                    continue;
                }
                window.add(r.get());
                ranges.add(rs);
                for (FetchRange f : rs) {
                    records += Math.min(f.expected(), f.span());
                    count++;
                }
                if (records >= WINDOW_RECORDS || count >= WINDOW_RANGES) {
                    incomplete |= flush(fetcher, window, ranges, source, inputs);
                    records = 0;
                    count = 0;
                }
            }
            incomplete |= flush(fetcher, window, ranges, source, inputs);
        }
        return incomplete;
    }

    static List<FetchRange> ranges(FailureInputs.Located r) throws FailureInputs.BadInput {
        try {
            return FetchRange.of(r.record());
        } catch (IllegalArgumentException e) {
            throw new FailureInputs.BadInput(r.where() + ": " + e.getMessage());
        }
    }

    /** Fetches the window's ranges together, writes its records in input order, and empties it. */
    private boolean flush(RangeFetcher fetcher, List<FailureInputs.Located> window, List<List<FetchRange>> ranges,
            Recovery.From source, FailureInputs inputs) {
        List<FetchRange> all = new ArrayList<>();
        ranges.forEach(all::addAll);
        List<FetchedRange> fetched = fetcher.fetch(all);
        boolean incomplete = false;
        int k = 0;
        for (int i = 0; i < window.size(); i++) {
            FailureInputs.Located r = window.get(i);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int j = 0; j < ranges.get(i).size(); j++, k++) {
                FetchedRange f = fetched.get(k);
                io.err().println(Recovery.report(r.where(), f));
                incomplete |= Recovery.incomplete(f);
                records.addAll(f.records());
            }
            try {
                if (verify) {
                    List<ConsumerRecord<byte[], byte[]>> payload = Recovery.fromPayload(r);
                    List<Verification.Difference> diffs = Verification.compare(payload, records);
                    for (Verification.Difference d : diffs) {
                        io.err().println(r.where() + " verify: " + d);
                    }
                    if (diffs.isEmpty()) {
                        io.err().println(r.where() + " verify: the payload's " + payload.size()
                                + " records are the cluster's, byte for byte");
                    }
                    incomplete |= !diffs.isEmpty();
                    if (source == Recovery.From.payload) {
                        records = payload;
                    }
                }
                write(r, records, inputs);
            } catch (FailureInputs.BadInput e) {
                inputs.skip(e.getMessage());
            }
        }
        window.clear();
        ranges.clear();
        return incomplete;
    }

    /**
     * Writes the records of {@code r}. A record the event form cannot carry (a header with a null value, no timestamp
     * type) is left out with its line, and the others are still written: it is that record's problem, not theirs.
     */
    private void write(FailureInputs.Located r, List<ConsumerRecord<byte[], byte[]>> records, FailureInputs inputs) {
        PrintWriter out = io.out();
        StringBuilder s = new StringBuilder(256);
        List<ConsumerRecord<byte[], byte[]>> writable = as == As.event ? new ArrayList<>(records.size()) : null;
        for (ConsumerRecord<byte[], byte[]> c : records) {
            s.setLength(0);
            try {
                LambdaJson.appendRecord(s, c);
            } catch (IllegalArgumentException e) {
                inputs.skip(r.where() + ": " + e.getMessage() + " (left out; redrive sends it as it is)");
                continue;
            }
            if (writable != null) {
                writable.add(c);
            } else {
                out.println(s);
            }
        }
        if (writable != null) {
            out.println(LambdaJson.event(writable, Recovery.eventSource(r.record()),
                    Recovery.eventSourceArn(r.record()), Recovery.bootstrapServers(r.record())));
        }
    }
}
