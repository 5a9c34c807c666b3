package dev.onfailure.cli;

import dev.onfailure.codegen.Entropy;
import dev.onfailure.codegen.GeneratedRecord;
import dev.onfailure.codegen.Generator;
import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.InvalidRecord;
import dev.onfailure.codegen.InvalidRecords;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.S3Record;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.Severity;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onfailure generate}: seeded, deterministic records for tests, valid or labelled invalid. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Generate records as NDJSON, one per line.",
                "The same seed gives the same output on every run"
                + " and machine. Valid records are realistic and full of the format's edge cases; an S3 record's"
                + " members are sorted at every level, as AWS writes S3 objects, the others in AWS's order.",
                "With --invalid each line is a test case: {\"expectedValid\": false, \"expectedCodes\": [{\"code\":"
                + " \"...\", \"severity\": \"error\"}], \"profile\": \"...\", \"mutation\": \"...\", \"text\":"
                + " \"<record text>\"}: one mutation of a valid record without findings, and exactly the findings"
                + " and verdict it must get under --profile. Only cases invalid under that profile are made unless"
                + " --include-warnings adds those whose only finding is a warning (\"expectedValid\": true)."},
        footer = {"",
                "Examples:",
                "  onfailure generate --kind kafka.s3 --count 100 --seed 42 > s3.ndjson",
                "  onfailure generate --count 1000 --seed 1 --profile strict \\",
                "      | onfailure validate --profile strict",
                "  onfailure generate --invalid --count 50 --seed 7 --profile strict",
                "  onfailure generate --invalid --include-warnings --count 50"})
final class GenerateCommand implements Callable<Integer> {

    /** How AWS writes an S3 object: members sorted at every level, on one line here. */
    private static final WriteOptions S3_ORDER = WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT);

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "KIND", description = "${COMPLETION-CANDIDATES} (default: all;"
            + " repeat for several).")
    List<Choices.RecordChoice> kinds = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "How many records (default 10).")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed (default 1).")
    long seed;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "tolerant",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}): strict makes only what a conformant"
                    + " producer emits, tolerant also what only a tolerant consumer accepts. With --invalid: the"
                    + " profile the records will be checked under.")
    Choices.ProfileChoice profile;

    @Option(names = "--invalid", description = "Generate labelled test cases: one mutation each, and its verdict.")
    boolean invalid;

    @Option(names = "--include-warnings",
            description = "With --invalid: also cases whose only finding is a warning under --profile (envelope.empty,"
                    + " kafka.payload-size, record.unknown-condition, ...), which validate as valid.")
    boolean includeWarnings;

    @Option(names = "--max-records", paramLabel = "N", defaultValue = "20",
            description = "The most Kafka records in one generated batch (1 to 10000; default 20).")
    int maxRecords;

    GenerateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Profile p = profile.profile();
        if (count < 0) {
            throw usage("--count must not be negative");
        }
        if (maxRecords < 1 || maxRecords > 10_000) {
            throw usage("--max-records must be from 1 to 10000, not " + maxRecords);
        }
        EnumSet<Kind> set = EnumSet.noneOf(Kind.class);
        for (Choices.RecordChoice k : kinds) {
            set.add(k.kind());
        }
        if (set.isEmpty()) {
            set = EnumSet.copyOf(Kind.records());
        }
        GeneratorOptions options;
        try {
            options = GeneratorOptions.defaults().kinds(set).maxRecords(maxRecords).strictOnly(p == Profile.STRICT);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (includeWarnings && !invalid) {
            throw usage("--include-warnings goes with --invalid");
        }
        Entropy entropy = SeededEntropy.of(seed);
        if (invalid) {
            Generator<InvalidRecord> gen = cases(options, p);
            for (int i = 0; i < count; i++) {
                io.out().println(Json.write(line(gen.generate(entropy), p)));
            }
        } else {
            Generator<GeneratedRecord> gen = RecordGenerators.records(options);
            for (int i = 0; i < count; i++) {
                KafkaFailureRecord r = gen.generate(entropy).record();
                // an S3 object sorted at every level, as AWS writes them; an SQS/SNS body or a topic message in
                // AWS's order (as build writes them)
                io.out().println(r instanceof S3Record ? RecordCodec.defaults().write(r, S3_ORDER)
                        : RecordCodec.defaults().write(r));
            }
        }
        io.out().flush();
        return ExitCodes.OK;
    }

    /**
     * Cases for {@code profile}: mutations of records the validator finds nothing in, so that a case's findings are
     * its mutation's alone; by default only the mutations whose code is an error under the profile.
     */
    private Generator<InvalidRecord> cases(GeneratorOptions options, Profile profile) {
        Validator validator = Validator.create();
        ValidationOptions validation = ValidationOptions.of(profile);
        return InvalidRecords.generator(options, profile == Profile.STRICT,
                code -> includeWarnings || severity(code, profile) == Severity.ERROR,
                base -> validator.validate(RecordCodec.defaults().write(base), validation).findings().isEmpty());
    }

    /** One case as a line: the verdict and the findings it must get under {@code profile}, then the record. */
    static JsonObject line(InvalidRecord r, Profile profile) {
        List<JsonValue> codes = new ArrayList<>();
        boolean valid = true;
        for (String code : r.expectedCodes()) {
            Severity severity = severity(code, profile);
            valid &= severity != Severity.ERROR;
            codes.add(JsonObject.builder().put("code", JsonString.of(code))
                    .put("severity", JsonString.of(severity.id())).build());
        }
        return JsonObject.builder()
                .put("expectedValid", JsonBoolean.of(valid))
                .put("expectedCodes", JsonArray.of(codes))
                .put("profile", JsonString.of(profile.id()))
                .put("mutation", JsonString.of(r.mutation()))
                .put("text", JsonString.of(r.text()))
                .build();
    }

    private static Severity severity(String code, Profile profile) {
        return FindingCode.fromId(code).orElseThrow(() -> new IllegalStateException("a mutation labelled with"
                + " a code the validator does not know: " + code)).severity(profile);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
