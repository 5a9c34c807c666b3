package dev.onfailure.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command: only help and version; the work is in the subcommands. */
@Command(name = "onfailure", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Validate, inspect and produce the JSON records AWS Lambda sends to an on-failure destination"
                + " when a Kafka event source mapping (Amazon MSK or self-managed Kafka) discards a batch, and get"
                + " the discarded records back and replay them. Reads files, standard input, s3://, sqs:// and"
                + " kafka:// locations. 'onfailure COMMAND --help' tells more of each command."},
        footer = {"", "Examples:",
                "  # every *.json, *.ndjson, *.jsonl below:",
                "  onfailure validate dlq-dump/",
                "  aws sqs receive-message ... | jq -c '.Messages[].Body|fromjson' \\",
                "      | onfailure validate --format json",
                "  onfailure validate --profile strict --aws-examples",
                "  # what failed, and how to re-read it:",
                "  onfailure inspect failure.json",
                "  # the discarded records back:",
                "  onfailure fetch failure.json --bootstrap-server localhost:9092",
                "  onfailure redrive failure.json --bootstrap-server localhost:9092 \\",
                "      --to-topic orders-replay",
                "  onfailure generate --kind kafka.s3 --count 10 --seed 7",
                "", "Exit codes: 0 ok; 1 findings at or above --fail-on (fetch, redrive: offsets",
                "absent, or --verify differences); 2 a usage error, an unreadable input, or a",
                "location or cluster that fails (no such bucket, refused credentials, a broker",
                "down, a failed send)."})
final class OnfailureCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is required: validate, format, inspect, generate, build, schema, fetch or redrive");
    }
}
