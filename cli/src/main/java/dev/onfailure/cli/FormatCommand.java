package dev.onfailure.cli;

import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onfailure format}: reads a document and writes it back, losslessly, in the order and layout asked for. */
@Command(name = "format", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Write a record (or any JSON document) back in AWS order or sorted, pretty or compact."
                + " Nothing is lost: number text, string content, null versus absent and unknown members are kept."
                + " A known record is written in the order AWS uses for SQS and SNS bodies (--order aws) or sorted at"
                + " every level as AWS writes S3 objects (--order sorted); any other document keeps its own order."
                + " --order input keeps the document's own member order and every token as written (a string's"
                + " escapes such as \\u003c, a number's form): a compact record comes back byte for byte."},
        footer = {"", "Examples:",
                "  onfailure format failure.json",
                "  onfailure format --order sorted --compact failure.json > s3-object.json",
                "  pbpaste | onfailure format -",
                "  onfailure format --order input --compact emulator-record.json   # token for token",
                "", "Exit codes: 0 written; 1 the input is not well-formed JSON (its json.* finding is printed);",
                "2 a usage error or an input that could not be read."})
final class FormatCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "aws",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Choices.Order order;

    @ArgGroup(exclusive = true)
    LayoutChoice layout = new LayoutChoice();

    static final class LayoutChoice {
        @Option(names = "--pretty", description = "Two-space indentation (the default).")
        boolean pretty;

        @Option(names = "--compact", description = "No whitespace: an SQS or SNS message body.")
        boolean compact;
    }

    @Parameters(paramLabel = "PATH", arity = "0..1", description = "The document; - or nothing for standard input.")
    String path;

    FormatCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        WriteOptions options = WriteOptions.of(order.order(), layout.compact ? Layout.COMPACT : Layout.PRETTY);
        byte[] bytes;
        try {
            bytes = ReadInput.bytes(path, io.in());
        } catch (IOException e) {
            io.err().println("onfailure: " + ReadInput.name(path) + ": cannot read: " + Inputs.message(e));
            return ExitCodes.USAGE;
        }
        JsonValue doc;
        try {
            doc = Json.parse(bytes);
        } catch (ReadException e) {
            // The same finding the validator gives, so the two commands agree on what is wrong.
            Validator.create().validate(bytes).findings().forEach(f -> io.err().println(ReadInput.name(path) + ": "
                    + f.severity().id() + " " + f.code() + " at " + (f.pointer().isEmpty() ? "/" : f.pointer())
                    + ": " + f.message()));
            return ExitCodes.FINDINGS;
        }
        io.out().println(order == Choices.Order.INPUT ? TokenLayout.layout(bytes, !layout.compact)
                : write(doc, options));
        return ExitCodes.OK;
    }

    /** Writes a record through the typed model (AWS order); anything else as the tree it is. */
    static String write(JsonValue doc, WriteOptions options) {
        if (doc instanceof JsonObject o && RecordCodec.kindOf(o).isPresent()) {
            try {
                RecordCodec codec = RecordCodec.defaults();
                return codec.write(codec.read(o), options);
            } catch (ReadException e) {
                // Not a well-shaped record: still JSON, still written back exactly.
                return Json.write(doc, options);
            }
        }
        return Json.write(doc, options);
    }

}
