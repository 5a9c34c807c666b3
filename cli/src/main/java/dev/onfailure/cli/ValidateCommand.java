package dev.onfailure.cli;

import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import dev.onfailure.sources.SourceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onfailure validate}: checks records, files, directories and streams. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Validate failure records against the schemas and the semantic rules.",
                "Inputs are files, directories (every *.json, *.ndjson, *.jsonl below them) and standard input (no"
                + " path, or -). NDJSON holds one record per line. SNS notifications and Lambda SQS and SNS events"
                + " are unwrapped: each record inside is reported on its own.",
                "Inputs may also be where the records live: s3://bucket/prefix (every object), sqs://queue (name or"
                + " URL; messages are left in the queue and come back after its visibility timeout, unless"
                + " --delete-valid), kafka://topic (earliest to the end at start; no group, no commit)."},
        footer = {"",
                "Examples:",
                "  onfailure validate failure.json",
                "  onfailure validate --profile strict --format json out/records.ndjson",
                "  onfailure validate --format sarif dlq/ > onfailure.sarif",
                "  cat bodies.ndjson | onfailure validate --fail-on warning",
                "  onfailure validate --aws-examples          # AWS's documented examples",
                "  onfailure validate s3://dlq-bucket/aws/lambda/ --since 2026-11-01",
                "  onfailure validate sqs://orders-dlq --region eu-west-1 --delete-valid",
                "  onfailure validate kafka://orders-failures \\",
                "      --bootstrap-server b-1.example:9092",
                "  # MinIO, LocalStack:",
                "  onfailure validate s3://failures --endpoint-url http://127.0.0.1:9000",
                "",
                "Exit codes: 0 no record has a finding at or above --fail-on; 1 some record",
                "does; 2 a usage error or an input that could not be read (every other input",
                "is still reported)."})
final class ValidateCommand implements Callable<Integer> {

    private final Io io;

    // The fields' initial values are the defaults picocli gives them (QuickValidate makes commands without it;
    // QuickValidateTest holds the two to each other).

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "tolerant",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): tolerant for consumers, strict for"
                    + " producers and contract tests.")
    Choices.ProfileChoice profile = Choices.ProfileChoice.TOLERANT;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): text for people, json for programs"
                    + " (one object per record per line), sarif for code-scanning dashboards.")
    Choices.Format format = Choices.Format.TEXT;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "${COMPLETION-CANDIDATES}: validate as this kind instead of detecting it.")
    Choices.SchemaChoice kind;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): exit 1 when a record has a finding"
                    + " of this severity or worse.")
    Choices.FailOn failOn = Choices.FailOn.ERROR;

    @Option(names = "--aws-examples",
            description = "Also validate the concrete instances of AWS's documented examples (bundled).")
    boolean awsExamples;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    ColourOption colour = new ColourOption();

    @Option(names = "--delete-valid",
            description = "sqs://: delete each message whose record is valid, once its result is written.")
    boolean deleteValid;

    @Mixin
    RemoteOptions remoteOptions = new RemoteOptions();

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files, directories, - for standard input, or s3://, sqs://, kafka:// locations.")
    List<String> paths = new ArrayList<>();

    ValidateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            throw usage("--threads must be at least 1");
        }
        SourceOptions sourceOptions;
        try {
            sourceOptions = remoteOptions.toOptions(ReadLimits.defaults().maxDocumentBytes(), threads);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Optional<String> unused = remoteOptions.unused(paths);
        if (unused.isPresent()) {
            throw usage(unused.get());
        }
        if (deleteValid && !LocationOptions.schemes(paths).contains("sqs://")) {
            throw usage("--delete-valid applies to sqs:// locations, and none is given");
        }
        Reporter reporter = format.reporter(io.out(), colour.ansi(io), profile.profile());
        // SARIF is written at the end: its messages are deleted after that
        boolean streaming = !(reporter instanceof SarifReporter);
        Summary summary = new Summary();
        Validator validator = Validator.create();
        ValidationOptions options = options();
        try (Remote remote = new Remote(() -> sourceOptions, deleteValid)) {
            run(remote, validator, options, reporter, streaming, summary);
        } catch (OutputFailed e) {
            return ExitCodes.USAGE; // Main says so
        }
        return exitCode(summary);
    }

    private void run(Remote remote, Validator validator, ValidationOptions options, Reporter reporter,
            boolean streaming, Summary summary) throws InterruptedException {
        Progress progress = new Progress(io.err(), io.terminal(), remote::progress);
        try {
            new Pipeline(threads).run(units(remote), unit -> check(validator, unit, options, reporter), checked -> {
                count(checked, summary);
                reporter.report(checked);
                remote.reported(checked.unit(), checked.report() != null && checked.report().valid());
                if (streaming && remote.deletable() >= DELETE_BATCH) {
                    deleteWritten(remote, summary);
                }
                progress.tick(summary.records);
            });
        } finally {
            progress.done();
        }
        reporter.finish(summary);
        deleteWritten(remote, summary);
        remote.notes(deleteValid).forEach(io.err()::println);
    }

    /** {@code --delete-valid} deletes this many messages at a time, each batch once its results are flushed. */
    private static final int DELETE_BATCH = 10;

    /** {@code --delete-valid}: once the results are written out, the valid records' SQS messages are deleted. */
    private void deleteWritten(Remote remote, Summary summary) {
        if (io.out().checkError()) { // checkError flushes
            // not written: nothing is deleted, and no more messages are received only to stay in flight
            throw new OutputFailed();
        }
        for (String problem : remote.deleteWritten()) {
            summary.unreadable++;
            io.err().println("onfailure: " + problem);
        }
    }

    /** Standard output cannot be written: the run stops (Main says why). */
    private static final class OutputFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutputFailed() {
            super("standard output could not be written", null, false, false);
        }
    }

    private ValidationOptions options() {
        ValidationOptions options = ValidationOptions.of(profile.profile());
        return kind == null ? options : options.asKind(kind.kind());
    }

    /** The bundled examples first when asked for, then the paths (standard input when there are none). */
    private Iterator<Inputs.Unit> units(Remote remote) {
        ReadLimits limits = ReadLimits.defaults();
        if (!awsExamples) {
            return Inputs.units(paths, io.in(), limits, remote::units);
        }
        return paths.isEmpty() ? examples()
                : Inputs.concat(List.of(examples(), Inputs.units(paths, io.in(), limits, remote::units)));
    }

    /** Runs on a worker thread: validates and renders, so the printing thread does little else. */
    private static Checked check(Validator validator, Inputs.Unit unit, ValidationOptions options, Reporter reporter) {
        if (unit.data() == null) {
            return new Checked(unit, null, null);
        }
        DocumentReport report = validator.validate(unit.data(), options);
        return new Checked(unit, report, reporter.render(unit, report));
    }

    /** Runs in input order: counts, and says on standard error which inputs could not be read. */
    private void count(Checked c, Summary summary) {
        if (c.report() == null) {
            summary.unreadable++;
            io.err().println("onfailure: " + c.unit().source() + ": " + c.unit().problem());
            return;
        }
        for (RecordReport r : c.report().records()) {
            summary.add(r, failOn.severity());
        }
    }

    private static int exitCode(Summary summary) {
        if (summary.unreadable > 0) {
            return ExitCodes.USAGE;
        }
        return summary.failing > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Iterator<Inputs.Unit> examples() {
        List<Inputs.Unit> units = new ArrayList<>();
        for (ExampleInstance i : DocumentedExamples.allInstances()) {
            String source = "aws:" + i.name();
            units.add(new Inputs.Unit(source, source, 0, i.json().getBytes(StandardCharsets.UTF_8), null));
        }
        return units.iterator();
    }

    private ParameterException usage(String message) {
        // spec is null when QuickValidate made this command without picocli
        return new ParameterException(spec != null ? spec.commandLine() : Main.validateCommandLine(io), message);
    }
}
