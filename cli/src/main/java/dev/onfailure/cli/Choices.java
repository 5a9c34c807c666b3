package dev.onfailure.cli;

import dev.onfailure.json.KeyOrder;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import dev.onfailure.schema.SchemaCatalog;
import dev.onfailure.validator.Severity;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * The closed vocabularies of the command's options, as enums so that picocli converts them (in any case), lists them
 * in {@code --help} ({@code ${COMPLETION-CANDIDATES}}) and names them in its error message. Each constant's
 * {@code toString()} is the spelling users type; each maps onto the library's own type, so the command never matches
 * strings itself. A new option value is one constant here.
 */
final class Choices {

    private Choices() {
    }

    /** {@code --profile}. */
    enum ProfileChoice {
        TOLERANT(Profile.TOLERANT),
        STRICT(Profile.STRICT);

        private final Profile profile;

        ProfileChoice(Profile profile) {
            this.profile = profile;
        }

        Profile profile() {
            return profile;
        }

        @Override
        public String toString() {
            return profile.id();
        }
    }

    /** {@code validate --format}: each format makes its reporter. */
    enum Format {
        TEXT {
            @Override
            Reporter reporter(java.io.PrintWriter out, Ansi ansi, Profile profile) {
                return new TextReporter(out, ansi);
            }
        },
        JSON {
            @Override
            Reporter reporter(java.io.PrintWriter out, Ansi ansi, Profile profile) {
                return new JsonReporter(out);
            }
        },
        SARIF {
            @Override
            Reporter reporter(java.io.PrintWriter out, Ansi ansi, Profile profile) {
                return new SarifReporter(out, profile);
            }
        };

        abstract Reporter reporter(java.io.PrintWriter out, Ansi ansi, Profile profile);

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code validate --fail-on}. */
    enum FailOn {
        ERROR(Severity.ERROR),
        WARNING(Severity.WARNING);

        private final Severity severity;

        FailOn(Severity severity) {
            this.severity = severity;
        }

        Severity severity() {
            return severity;
        }

        @Override
        public String toString() {
            return severity.id();
        }
    }

    /** {@code validate --kind} and {@code schema KIND}: a schema document. */
    enum SchemaChoice {
        SQS_SNS(Kind.SQS_SNS),
        S3(Kind.S3),
        TOPIC(Kind.TOPIC),
        EVENT(Kind.EVENT);

        private final Kind kind;

        SchemaChoice(Kind kind) {
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }

        @Override
        public String toString() {
            return kind.id();
        }
    }

    /** {@code schema KIND}: a schema document, or the definitions the others share. */
    enum SchemaDocument {
        SQS_SNS(Kind.SQS_SNS),
        S3(Kind.S3),
        TOPIC(Kind.TOPIC),
        EVENT(Kind.EVENT),
        COMMON(null);

        private final Kind kind;

        SchemaDocument(Kind kind) {
            this.kind = kind;
        }

        String text(Profile profile) {
            return kind == null ? SchemaCatalog.resourceText(SchemaCatalog.RESOURCE_PREFIX + profile.id() + "/"
                    + SchemaCatalog.COMMON + ".json") : SchemaCatalog.text(kind, profile);
        }

        @Override
        public String toString() {
            return kind == null ? SchemaCatalog.COMMON : kind.id();
        }
    }

    /** {@code generate --kind}: a kind of failure record. */
    enum RecordChoice {
        SQS_SNS(Kind.SQS_SNS),
        S3(Kind.S3),
        TOPIC(Kind.TOPIC);

        private final Kind kind;

        RecordChoice(Kind kind) {
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }

        @Override
        public String toString() {
            return kind.id();
        }
    }

    /** {@code build --destination}: the kind of record a destination receives, named without {@code kafka.}. */
    enum DestinationChoice {
        SQS_SNS(Kind.SQS_SNS),
        S3(Kind.S3),
        TOPIC(Kind.TOPIC);

        private final Kind kind;

        DestinationChoice(Kind kind) {
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }

        @Override
        public String toString() {
            return kind.id().substring("kafka.".length());
        }
    }

    /** {@code format --order}. */
    enum Order {
        AWS(KeyOrder.AWS),
        SORTED(KeyOrder.SORTED),
        /** The document's own member order and every token as written (the model's order is not used). */
        INPUT(KeyOrder.AWS);

        private final KeyOrder order;

        Order(KeyOrder order) {
            this.order = order;
        }

        KeyOrder order() {
            return order;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code --color}: when to colour output and help. */
    enum Colour {
        /** On a terminal, unless {@code NO_COLOR} is set (see {@link Terminal}). */
        AUTO,
        ALWAYS,
        NEVER;

        /** Returns the {@link Ansi} to render with, given what {@code auto} resolves to for this run. */
        Ansi ansi(boolean auto) {
            return this == ALWAYS || this == AUTO && auto ? Ansi.ON : Ansi.OFF;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
