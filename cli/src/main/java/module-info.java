/**
 * The onfailure command. It exports nothing: it is run, not used ({@code java -jar onfailure.jar}, or
 * {@code java -p ... -m dev.onfailure.cli/dev.onfailure.cli.Main}).
 */
module dev.onfailure.cli {
    requires dev.onfailure.validator;
    requires dev.onfailure.codegen;
    requires dev.onfailure.fixtures;
    requires dev.onfailure.redrive;
    requires dev.onfailure.sources;
    requires kafka.clients;
    requires info.picocli;

    // picocli reads and sets the commands' annotated fields reflectively
    opens dev.onfailure.cli to info.picocli;
}
