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
        description = {"Print the JSON Schema of a kind, or list the kinds.",
                "The schemas are JSON Schema draft 2020-12; --list gives each kind's $id per profile."},
        footer = {"",
                "Examples:",
                "  onfailure schema --list",
                "  onfailure schema kafka.s3 --profile strict > kafka.s3.strict.json",
                "",
                "Schemas reference kafka.common.json beside them; print it with:",
                "  onfailure schema kafka.common"})
final class SchemaCommand implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "List the kinds and the $id of each schema, and of kafka.common (the"
            + " definitions they share).")
    boolean list;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "tolerant",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Choices.ProfileChoice profile;

    @Parameters(paramLabel = "KIND", arity = "0..1",
            description = "${COMPLETION-CANDIDATES} (kafka.common holds the shared definitions).")
    Choices.SchemaDocument kind;

    SchemaCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Profile p = profile.profile();
        if (list) {
            for (Kind k : Kind.values()) {
                for (Profile q : Profile.values()) {
                    io.out().printf("%-14s %-9s %s%n", k.id(), q.id(), SchemaCatalog.id(k, q));
                }
            }
            // the definitions the others $ref (no kind of its own): listed so that a reader can find them
            for (Profile q : Profile.values()) {
                io.out().printf("%-14s %-9s %s%n", SchemaCatalog.COMMON, q.id(),
                        SchemaCatalog.ID_PREFIX + q.id() + "/" + SchemaCatalog.COMMON + ".json");
            }
            return ExitCodes.OK;
        }
        if (kind == null) {
            throw new ParameterException(spec.commandLine(), "name a KIND, or use --list");
        }
        io.out().print(kind.text(p));
        return ExitCodes.OK;
    }
}
