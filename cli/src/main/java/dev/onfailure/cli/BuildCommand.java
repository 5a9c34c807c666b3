package dev.onfailure.cli;

import dev.onfailure.schema.Kind;
import dev.onfailure.codegen.FailureContext;
import dev.onfailure.codegen.RecordBuilder;
import dev.onfailure.codegen.TopicMessage;
import dev.onfailure.model.Condition;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.model.ResponseContext;
import dev.onfailure.json.Json;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code onfailure build}: the record Lambda would send for a batch, as a producer or emulator needs it. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Build the record Lambda would send for a Kafka event's batch.",
                "EVENT is a Kafka invocation event, the batch Lambda discards. batchSize, recordsInfo, payloadSize and, for S3, the escaped payload come from the"
                + " event; a batch over 6 MB becomes MaximumPayloadSizeExceeded with a null responseContext (for every"
                + " destination: the function is invoked with the batch). For a topic destination, one record per Kafka"
                + " record is written, one per line, its payload's members sorted as in AWS's example; --with-key adds"
                + " the message key Lambda uses, the original record's key."},
        footer = {"",
                "Examples:",
                "  onfailure build --event event.json --condition RetryAttemptsExhausted \\",
                "      --function-arn arn:aws:lambda:us-east-1:123456789012:function:f \\",
                "      --destination s3",
                "  onfailure build --event event.json --condition RecordAgeExceeded \\",
                "      --function-arn arn:aws:lambda:us-east-1:123456789012:function:f \\",
                "      --destination topic \\",
                "      --request-id 316aa6d0-8154-4b1c-9af7-85d5f4a6bc81 \\",
                "      --time 2024-05-01T10:00:00Z",
                "  # {\"key\":\"dGVzdC1rZXk=\",\"value\":{...}} per line:",
                "  onfailure build --event event.json --condition RetriesExhausted \\",
                "      --function-arn arn:aws:lambda:us-east-1:123456789012:function:f \\",
                "      --destination topic --with-key"})
final class BuildCommand implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--event", paramLabel = "EVENT.json", required = true,
            description = "The Kafka invocation event (the batch); - for standard input.")
    String event;

    @Option(names = "--condition", paramLabel = "C", required = true,
            description = "RetryAttemptsExhausted, MaximumPayloadSizeExceeded, RecordAgeExceeded, RetriesExhausted, ...")
    String condition;

    @Option(names = "--function-arn", paramLabel = "ARN", required = true, description = "The function's ARN.")
    String functionArn;

    @Option(names = "--destination", paramLabel = "D", required = true, description = "${COMPLETION-CANDIDATES}.")
    Choices.DestinationChoice destination;

    @Option(names = "--request-id", paramLabel = "ID", description = "The request id (default: a random UUID).")
    String requestId;

    @Option(names = "--time", paramLabel = "ISO", description = "When the record is made (default: now).")
    String time;

    @Option(names = "--invoke-count", paramLabel = "N", defaultValue = "1",
            description = "approximateInvokeCount (default 1).")
    long invokeCount;

    @Option(names = "--executed-version", paramLabel = "V", defaultValue = "$LATEST",
            description = "responseContext.executedVersion, when the function ran (default $LATEST).")
    String executedVersion;

    @Option(names = "--function-error", paramLabel = "E", defaultValue = "Unhandled",
            description = "responseContext.functionError, when the function ran (default Unhandled).")
    String functionError;

    @Option(names = "--pretty", description = "Pretty-print (the default is one compact record per line).")
    boolean pretty;

    @Option(names = "--with-key", description = {"Topic destination only: print each message as",
            "{\"key\":K,\"value\":RECORD}, K the original record's key (base64, as in the event) or null when it had",
            "none (Kafka's default partitioning then)."})
    boolean withKey;

    BuildCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Kind d = destination.kind();
        Instant when;
        try {
            when = time == null ? Instant.now() : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw usage("--time must be an ISO-8601 instant such as 2024-05-01T10:00:00.000Z, not " + time);
        }
        // Options that would make a record no profile takes without a word are refused here, not written with exit 0.
        int year = when.atZone(java.time.ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
            throw usage("--time must be an ISO-8601 instant such as 2024-05-01T10:00:00.000Z with a year from 0000 to"
                    + " 9999, not " + time);
        }
        if (invokeCount < 0) {
            throw usage("--invoke-count must not be negative");
        }
        if (condition.isEmpty()) {
            throw usage("--condition must not be empty");
        }
        if (!functionArn.startsWith("arn:")) {
            throw usage("--function-arn must be an ARN such as arn:aws:lambda:us-east-1:123456789012:function:f, not "
                    + functionArn);
        }
        if (requestId != null && requestId.isEmpty()) {
            throw usage("--request-id must not be empty");
        }
        Condition c = Condition.of(condition);
        KafkaEvent batch;
        try {
            batch = RecordCodec.defaults().readEvent(ReadInput.bytes(event, io.in()));
        } catch (IOException e) {
            io.err().println("onfailure: " + ReadInput.name(event) + ": cannot read: " + Inputs.message(e));
            return ExitCodes.USAGE;
        } catch (ReadException e) {
            io.err().println("onfailure: " + ReadInput.name(event) + ": not a Kafka invocation event: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        FailureContext ctx = new FailureContext(c, functionArn, requestId != null ? requestId
                : UUID.randomUUID().toString(), invokeCount, response(c), when);
        if (withKey && d != Kind.TOPIC) {
            throw usage("--with-key applies to --destination topic only: the other destinations have no message key");
        }
        // an S3 object sorted at every level, as AWS writes them; an SQS/SNS body or a topic message in AWS's order
        WriteOptions options = WriteOptions.of(d == Kind.S3 ? KeyOrder.SORTED : KeyOrder.AWS,
                pretty ? Layout.PRETTY : Layout.COMPACT);
        try {
            if (withKey) {
                for (TopicMessage m : RecordBuilder.topicMessages(batch, ctx)) {
                    String key = m.key().map(Json::quote).orElse("null");
                    String sep = pretty ? "\n" : "";
                    String value = RecordCodec.defaults().write(m.value(), options);
                    io.out().println("{\"key\":" + key + ",\"value\":" + sep + value + sep + "}");
                }
            } else {
                for (KafkaFailureRecord r : RecordBuilder.build(batch, ctx, d)) {
                    io.out().println(RecordCodec.defaults().write(r, options));
                }
            }
        } catch (IllegalArgumentException e) {
            io.err().println("onfailure: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        io.out().flush();
        return ExitCodes.OK;
    }

    /** What Lambda writes for each condition: null when the function never ran, absent for record age. */
    private JsonField<ResponseContext> response(Condition c) {
        if (c.is(Condition.Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED)) {
            return JsonField.ofNull();
        }
        if (c.is(Condition.Known.RECORD_AGE_EXCEEDED)) {
            return JsonField.absent();
        }
        return JsonField.of(ResponseContext.builder().statusCode(200).executedVersion(JsonField.of(executedVersion))
                .functionError(JsonField.of(functionError)).build());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
