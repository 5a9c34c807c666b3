package dev.onfailure.cli;

import dev.onfailure.model.BatchInfo;
import dev.onfailure.model.Condition;
import dev.onfailure.model.KafkaBatchInfo;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.Payload;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.RecordRange;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.model.TopicPartition;
import dev.onfailure.model.TopicRecord;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.validator.Envelope;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import dev.onfailure.json.ReadLimits;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code onfailure inspect}: a summary for people, with the command to re-read the discarded records. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Summarise a failure record: what failed, when, which offsets.",
                "Kind, condition, function, when, invoke count, and per"
                + " topic-partition the offset range and record count, with a ready kafka-console-consumer command to"
                + " re-read that range. Envelopes (SNS notification, Lambda SQS or SNS event) are unwrapped."},
        footer = {"",
                "Examples:",
                "  onfailure inspect failure.json",
                "  aws s3 cp s3://dlq-bucket/aws/lambda/... - | onfailure inspect -",
                "  # every object:",
                "  onfailure inspect s3://dlq-bucket/aws/lambda/ --since 2026-11-30",
                "  # left in the queue:",
                "  onfailure inspect sqs://orders-dlq --max-messages 5",
                "  onfailure inspect kafka://orders-failures \\",
                "      --bootstrap-server b-1.example:9092"})
final class InspectCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    RemoteOptions remoteOptions = new RemoteOptions();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..1",
            description = "The record (an .ndjson or .jsonl file: each line's); - or nothing for standard input;"
                    + " or an s3://, sqs://, kafka:// location.")
    String path;

    InspectCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        String name = ReadInput.name(path);
        remoteOptions.unused(java.util.Collections.singletonList(path)).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p);
        });
        if (path != null && dev.onfailure.sources.Location.isLocation(path)) {
            return location();
        }
        Iterator<Inputs.Unit> units;
        try {
            units = ReadInput.units(path, io.in());
        } catch (IOException e) {
            io.err().println("onfailure: " + name + ": cannot read: " + Inputs.message(e));
            return ExitCodes.USAGE;
        }
        Inputs.Unit first = units.hasNext() ? units.next() : null;
        if (first != null && first.line() == 0 && !units.hasNext()) {
            if (first.data() == null) {
                io.err().println("onfailure: " + name + ": " + first.problem());
                return ExitCodes.USAGE;
            }
            return inspect(name, first.data());
        }
        // NDJSON: each line's document in turn, as a location's
        List<Inputs.Unit> head = first == null ? List.of() : List.of(first);
        return each(concat(head.iterator(), units));
    }

    private static <T> Iterator<T> concat(Iterator<T> a, Iterator<T> b) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return a.hasNext() || b.hasNext();
            }

            @Override
            public T next() {
                return a.hasNext() ? a.next() : b.next();
            }
        };
    }

    /** Every unit, one after another; one that cannot be read is one line on standard error, exit 2. */
    private int each(Iterator<Inputs.Unit> units) {
        int code = ExitCodes.OK;
        boolean first = true;
        while (units.hasNext()) {
            Inputs.Unit u = units.next();
            if (u.data() == null) {
                io.out().flush();
                io.err().println("onfailure: " + u.source() + ": " + u.problem());
                code = ExitCodes.USAGE;
                continue;
            }
            if (!first) {
                io.out().println();
            }
            first = false;
            code = Math.max(code, inspect(u.source(), u.data()));
        }
        io.out().flush();
        return code;
    }

    /** Every document at the location, one after another; a location that cannot be read is one line, exit 2. */
    private int location() {
        dev.onfailure.sources.SourceOptions options;
        try {
            options = remoteOptions.toOptions(ReadLimits.defaults().maxDocumentBytes(), 1);
        } catch (IllegalArgumentException e) {
            io.err().println("onfailure: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int code;
        try (Remote remote = new Remote(() -> options, false)) {
            code = each(remote.units(path).orElseThrow());
            remote.notes(false).forEach(io.err()::println);
        }
        io.out().flush();
        return code;
    }

    private int inspect(String name, byte[] bytes) {
        JsonValue doc;
        try {
            doc = Json.parse(bytes);
        } catch (ReadException e) {
            io.err().println(name + ": " + e.getMessage());
            return ExitCodes.FINDINGS;
        }
        List<String> locations = new ArrayList<>();
        List<JsonValue> records = new ArrayList<>();
        collect(doc, "", records, locations, 0);
        int code = ExitCodes.OK;
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                io.out().println();
            }
            String where = name + (locations.get(i).isEmpty() ? "" : "#" + locations.get(i));
            try {
                print(io.out(), where, RecordCodec.defaults().read(records.get(i)));
            } catch (ReadException e) {
                io.err().println(where + ": not a readable Kafka failure record: " + e.getMessage()
                        + " (run onfailure validate for every finding)");
                code = ExitCodes.FINDINGS;
            }
        }
        io.out().flush();
        return code;
    }

    private static void collect(JsonValue v, String at, List<JsonValue> out, List<String> locations, int depth) {
        if (v instanceof JsonObject o && depth < 3 && !o.has("KafkaBatchInfo")) {
            Optional<Envelope.Unwrapped> u = Envelope.unwrap(o);
            if (u.isPresent()) {
                for (Envelope.Message m : u.get().messages()) {
                    if (m.text().isPresent()) {
                        try {
                            collect(Json.parse(m.text().get()), at + m.pointer(), out, locations, depth + 1);
                            continue;
                        } catch (ReadException e) {
                            // reported below as an unreadable record
                        }
                    }
                    out.add(JsonObject.empty());
                    locations.add(at + m.pointer());
                }
                return;
            }
        }
        out.add(v);
        locations.add(at);
    }

    static void print(PrintWriter out, String where, KafkaFailureRecord r) {
        BatchInfo info = r.batchInfo();
        Condition c = r.requestContext().condition();
        out.println(Shell.visible(where) + ": " + r.kind().id() + " record (" + destination(r) + ")");
        row(out, "condition", c.text() + explain(c));
        row(out, "function", r.requestContext().functionArn());
        row(out, "request", r.requestContext().requestId());
        row(out, "when", r.timestamp().text());
        row(out, "invoke count", r.requestContext().approximateInvokeCount() + " (approximate)");
        row(out, "response", r.responseContext().isAbsent() ? "none (no responseContext)"
                : r.responseContext().isNull() ? "null: the function never ran" : response(r.responseContext().get()));
        row(out, "cluster", info.eventSourceArn().value().orElse("self-managed Kafka (no eventSourceArn)"));
        row(out, "brokers", info.bootstrapServers());
        row(out, "batch", info.batchSize() + " record" + (info.batchSize() == 1 ? "" : "s") + ", payload "
                + info.payloadSize() + " bytes" + (info instanceof KafkaBatchInfo k && k.isSingleRecord()
                        ? "; a single recordInfo where AWS writes recordsInfo (as the Go emulator gopherstack writes)"
                        : ""));
        Optional<KafkaEvent> event = Optional.empty();
        if (r.payloadIfAny().isPresent()) {
            Payload p = r.payloadIfAny().get();
            String form = p.form() == Payload.Form.STRING ? "an escaped JSON string" : "a JSON object";
            try {
                event = Optional.of(p.event());
                int n = event.get().recordCount();
                row(out, "payload", form + " holding the event (" + n + " record" + (n == 1 ? "" : "s") + ")");
            } catch (ReadException e) {
                row(out, "payload", form + " that is not an invocation event");
            }
        }
        out.println();
        List<String[]> rows = new ArrayList<>();
        // rows hold values from the record: made visible before the widths are measured
        Map<String, long[]> counts = counts(event);
        String server = info.bootstrapServers().split(",")[0];
        List<String> commands = new ArrayList<>();
        if (info instanceof KafkaBatchInfo batch && batch.isSingleRecord()) {
            // A batch of one: the topic-partition only the payload (if any) names.
            single(event, batch.recordInfo().get(), server, rows, commands);
        } else if (info instanceof KafkaBatchInfo batch) {
            for (Map.Entry<String, RecordRange> e : batch.recordsInfo().entrySet()) {
                RecordRange range = e.getValue();
                Optional<TopicPartition> tp = TopicPartition.parse(e.getKey());
                String span = span(range.firstRecordOffset(), range.lastRecordOffset());
                long[] inPayload = counts.get(e.getKey());
                rows.add(new String[] {e.getKey(), range.firstRecordOffset().text(), range.lastRecordOffset().text(),
                        span + (inPayload == null ? "" : " (" + inPayload[0] + " in payload)"),
                        range.firstRecordTimestamp().text(), range.lastRecordTimestamp().text()});
                command(tp, range.firstRecordOffset(), span, server).ifPresent(commands::add);
            }
        } else if (r instanceof TopicRecord t) {
            single(event, t.batchInfo().recordInfo(), server, rows, commands);
        }
        table(out, rows.stream().map(InspectCommand::visible).toList());
        if (!commands.isEmpty()) {
            out.println();
            out.println("  Re-read the discarded records with:");
            commands.forEach(cmd -> out.println("    " + cmd));
        }
        if (commands.size() < rows.size()) {
            out.println(Shell.hasControl(server)
                    ? "  (no command: the broker list holds control characters, which a copied line must not carry)"
                    : "  (no command for ranges whose key or offsets are not a real topic-partition and int64 offsets)");
        }
    }

    /** The row and command of one failed record: its offset and timestamp, its topic-partition from the payload. */
    private static void single(Optional<KafkaEvent> event, dev.onfailure.model.RecordInfo info, String server,
            List<String[]> rows, List<String> commands) {
        Optional<TopicPartition> tp = event.flatMap(ev -> ev.allRecords().stream().findFirst())
                .flatMap(KafkaRecord::topicPartition);
        rows.add(new String[] {tp.map(TopicPartition::key).orElse("(unknown: no payload record)"),
                info.offset().text(), info.offset().text(), "1", info.timestamp().text(), info.timestamp().text()});
        command(tp, info.offset(), "1", server).ifPresent(commands::add);
    }

    private static Map<String, long[]> counts(Optional<KafkaEvent> event) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        event.ifPresent(ev -> ev.allRecords().forEach(k -> counts.computeIfAbsent(k.topic() + "-" + k.partition(),
                x -> new long[1])[0]++));
        return counts;
    }

    private static String span(Offset first, Offset last) {
        Optional<BigInteger> a = first.toBigInteger();
        Optional<BigInteger> b = last.toBigInteger();
        if (a.isEmpty() || b.isEmpty() || a.get().compareTo(b.get()) > 0) {
            return "?";
        }
        return b.get().subtract(a.get()).add(BigInteger.ONE).toString();
    }

    /**
     * The kafka-console-consumer line that re-reads a range. The broker list and the topic come from the record, so
     * every argument is quoted for the shell (a hostile record must not turn a copied line into another command).
     */
    static Optional<String> command(Optional<TopicPartition> tp, Offset first, String span, String server) {
        if (tp.isEmpty() || !first.fitsInt64() || span.equals("?") || span.length() > 9 || Shell.hasControl(server)) {
            return Optional.empty();
        }
        List<String> argv = new ArrayList<>();
        argv.add("kafka-console-consumer.sh");
        argv.addAll(Shell.option("--bootstrap-server", server));
        argv.addAll(Shell.option("--topic", tp.get().topic()));
        argv.addAll(Shell.option("--partition", Integer.toString(tp.get().partition())));
        argv.addAll(Shell.option("--offset", first.text()));
        argv.addAll(Shell.option("--max-messages", span));
        return Optional.of(Shell.line(argv));
    }

    private static String destination(KafkaFailureRecord r) {
        switch (r.kind()) {
            case S3:
                return "S3 destination";
            case TOPIC:
                return "Kafka-topic destination";
            default:
                return "SQS or SNS destination";
        }
    }

    private static String explain(Condition c) {
        return c.known().map(k -> switch (k) {
            case RETRY_ATTEMPTS_EXHAUSTED, RETRIES_EXHAUSTED -> " (the function kept failing until retries ran out)";
            case MAXIMUM_PAYLOAD_SIZE_EXCEEDED -> " (the batch was over 6 MB; the function never ran)";
            case RECORD_AGE_EXCEEDED -> " (the records were older than the maximum record age)";
        }).orElse(" (not a condition AWS is known to send)");
    }

    private static String response(ResponseContext rc) {
        return "status " + rc.statusCode() + ", version " + rc.executedVersion().orElse("?") + ", error "
                + rc.functionError().orElse("none");
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-13s %s%n", label + ":", Shell.visible(value));
    }

    private static void table(PrintWriter out, List<String[]> rows) {
        String[] head = {"topic-partition", "first offset", "last offset", "records", "first timestamp",
            "last timestamp"};
        int[] widths = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            widths[i] = head[i].length();
            for (String[] r : rows) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        line(out, head, widths);
        for (String[] r : rows) {
            line(out, r, widths);
        }
    }

    private static String[] visible(String[] cells) {
        String[] v = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            v[i] = Shell.visible(cells[i]);
        }
        return v;
    }

    private static void line(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            sb.append(cells[i]);
            if (i < cells.length - 1) {
                sb.append(" ".repeat(widths[i] - cells[i].length() + 2));
            }
        }
        out.println(sb);
    }
}
