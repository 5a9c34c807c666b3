package dev.onfailure.cli;

import dev.onfailure.schema.Profile;
import dev.onfailure.schema.SchemaCatalog;
import dev.onfailure.schema.Kind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onfailure schema}: prints a bundled JSON Schema, or lists them. */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Print the JSON Schema (draft 2020-12) of a kind, or list the kinds and their $ids.",
        footer = {"", "Examples:",
                "  onfailure schema --list",
                "  onfailure schema kafka.s3 --profile strict > kafka.s3.strict.json",
                "", "Schemas reference kafka.common.json beside them; print it with: onfailure schema kafka.common"})
final class SchemaCommand implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the kinds and the $id of each schema.")
    boolean list;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "tolerant",
            description = "tolerant (the default) or strict.")
    String profile;

    @Parameters(paramLabel = "KIND", arity = "0..1",
            description = "kafka.sqs-sns, kafka.s3, kafka.topic, kafka.event, or kafka.common (shared definitions).")
    String kind;

    SchemaCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Profile p = Profile.fromId(profile).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--profile must be tolerant or strict, not " + profile));
        if (list) {
            for (Kind k : Kind.values()) {
                for (Profile q : Profile.values()) {
                    io.out().printf("%-14s %-9s %s%n", k.id(), q.id(), SchemaCatalog.id(k, q));
                }
            }
            return ExitCodes.OK;
        }
        if (kind == null) {
            throw new ParameterException(spec.commandLine(), "name a KIND, or use --list");
        }
        if (kind.equals(SchemaCatalog.COMMON)) {
            io.out().print(SchemaCatalog.resourceText(SchemaCatalog.RESOURCE_PREFIX + p.id() + "/" + SchemaCatalog.COMMON
                    + ".json"));
            return ExitCodes.OK;
        }
        Kind k = Kind.fromId(kind).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown kind " + kind + "; try onfailure schema --list"));
        io.out().print(SchemaCatalog.text(k, p));
        return ExitCodes.OK;
    }
}
