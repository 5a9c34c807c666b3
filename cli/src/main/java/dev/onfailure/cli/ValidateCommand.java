package dev.onfailure.cli;

import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.Kind;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.Severity;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onfailure validate}: checks records, files, directories and streams. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Validate Kafka failure records against the schemas and the semantic rules.",
                "Inputs are files, directories (every *.json, *.ndjson, *.jsonl below them) and standard input (no",
                "path, or -). NDJSON holds one record per line. SNS notifications and Lambda SQS and SNS events are",
                "unwrapped: each record inside is reported on its own."},
        footer = {"", "Examples:",
                "  onfailure validate failure.json",
                "  onfailure validate --profile strict --format json out/records.ndjson",
                "  onfailure validate --format sarif dlq/ > onfailure.sarif",
                "  cat bodies.ndjson | onfailure validate --fail-on warning",
                "  onfailure validate --aws-examples          # AWS's documented examples",
                "", "Exit codes: 0 no record has a finding at or above --fail-on; 1 some record does;",
                "2 a usage error or an input that could not be read (every other input is still reported)."})
final class ValidateCommand implements java.util.concurrent.Callable<Integer> {

    /** How many batches may be in flight at once, per thread: bounds memory on endless streams. */
    private static final int WINDOW_PER_THREAD = 4;

    /** A batch holds up to this many units... */
    private static final int BATCH_UNITS = 64;

    /** ...or this many bytes, whichever comes first. */
    private static final long BATCH_BYTES = 1L << 20;

    /** How many bytes of input may be in flight at once: with the parsed trees, this fits a 256 MB heap. */
    private static final long BYTES_IN_FLIGHT = 40L << 20;

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "tolerant",
            description = "tolerant (for consumers; the default) or strict (for producers and contract tests).")
    String profile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (for people; the default), json (one object per record per line) or sarif.")
    String format;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "Validate as this kind instead of detecting it: kafka.sqs-sns, kafka.s3, kafka.topic or"
                    + " kafka.event.")
    String kind;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "Exit 1 when a record has a finding of this severity or worse: error (default) or warning.")
    String failOn;

    @Option(names = "--aws-examples",
            description = "Also validate the concrete instances of AWS's documented examples (bundled).")
    boolean awsExamples;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, directories, or - for standard input.")
    List<String> paths = new ArrayList<>();

    ValidateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Profile p = Profile.fromId(profile).orElseThrow(() -> usage("--profile must be tolerant or strict, not "
                + profile));
        Severity threshold = switch (failOn.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw usage("--fail-on must be error or warning, not " + failOn);
        };
        ValidationOptions options = ValidationOptions.of(p);
        if (kind != null) {
            options = options.asKind(Kind.fromId(kind).orElseThrow(() -> usage("--kind must be one of"
                    + " kafka.sqs-sns, kafka.s3, kafka.topic, kafka.event, not " + kind)));
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1");
        }
        Reporter reporter = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReporter(io.out(), io.terminal());
            case "json" -> new JsonReporter(io.out());
            case "sarif" -> new SarifReporter(io.out(), p);
            default -> throw usage("--format must be text, json or sarif, not " + format);
        };
        Validator validator = Validator.create();
        ReadLimits limits = ReadLimits.defaults();
        Iterator<Inputs.Unit> units = awsExamples && paths.isEmpty() ? examples()
                : awsExamples ? concat(examples(), Inputs.units(paths, io.in(), limits.maxDocumentBytes()))
                : Inputs.units(paths, io.in(), limits.maxDocumentBytes());
        Summary summary = new Summary();
        Progress progress = new Progress(io.err(), io.terminal());
        ValidationOptions opts = options;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "onfailure-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            // Units go to the workers in batches: one hand-off per batch, not per record, keeps the thread that reads
            // and prints from becoming the bottleneck on streams of small records.
            ArrayDeque<Future<List<Checked>>> window = new ArrayDeque<>();
            ArrayDeque<Long> sizes = new ArrayDeque<>();
            long inFlight = 0;
            List<Inputs.Unit> batch = new ArrayList<>();
            long batchBytes = 0;
            while (units.hasNext() || !batch.isEmpty()) {
                if (units.hasNext()) {
                    Inputs.Unit unit = units.next();
                    batch.add(unit);
                    batchBytes += unit.data() == null ? 0 : unit.data().length;
                    if (batch.size() < BATCH_UNITS && batchBytes < BATCH_BYTES && units.hasNext()) {
                        continue;
                    }
                }
                // Bounded by count and by bytes: big documents are checked one or two at a time, small ones in bulk.
                while (!window.isEmpty() && (window.size() >= threads * WINDOW_PER_THREAD
                        || inFlight + batchBytes > BYTES_IN_FLIGHT)) {
                    emit(window.poll(), reporter, summary, threshold, progress);
                    inFlight -= sizes.poll();
                }
                List<Inputs.Unit> work = batch;
                window.add(pool.submit(() -> {
                    List<Checked> done = new ArrayList<>(work.size());
                    for (Inputs.Unit u : work) {
                        done.add(check(validator, u, opts, reporter));
                    }
                    return done;
                }));
                sizes.add(batchBytes);
                inFlight += batchBytes;
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            while (!window.isEmpty()) {
                emit(window.poll(), reporter, summary, threshold, progress);
            }
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        reporter.finish(summary);
        if (summary.unreadable > 0) {
            return ExitCodes.USAGE;
        }
        return summary.failing > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Checked check(Validator validator, Inputs.Unit unit, ValidationOptions options, Reporter reporter) {
        if (unit.data() == null) {
            return new Checked(unit, null, null);
        }
        DocumentReport report = validator.validate(unit.data(), options);
        return new Checked(unit, report, reporter.render(unit, report));
    }

    private void emit(Future<List<Checked>> future, Reporter reporter, Summary summary, Severity threshold,
            Progress progress) throws InterruptedException {
        List<Checked> batch;
        try {
            batch = future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        for (Checked c : batch) {
            if (c.report() == null) {
                summary.unreadable++;
                io.err().println("onfailure: " + c.unit().source() + ": " + c.unit().problem());
            } else {
                for (RecordReport r : c.report().records()) {
                    summary.add(r, threshold);
                }
            }
            reporter.report(c);
        }
        progress.tick(summary.records);
    }

    private Iterator<Inputs.Unit> examples() {
        List<Inputs.Unit> units = new ArrayList<>();
        for (ExampleInstance i : DocumentedExamples.allInstances()) {
            String source = "aws:" + i.name();
            units.add(new Inputs.Unit(source, source, 0, i.json().getBytes(StandardCharsets.UTF_8), null));
        }
        return units.iterator();
    }

    private static Iterator<Inputs.Unit> concat(Iterator<Inputs.Unit> a, Iterator<Inputs.Unit> b) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return a.hasNext() || b.hasNext();
            }

            @Override
            public Inputs.Unit next() {
                return a.hasNext() ? a.next() : b.next();
            }
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
