package dev.onfailure.sources.readme;

import dev.onfailure.sources.Location;
import dev.onfailure.sources.Source;
import dev.onfailure.sources.SourceException;
import dev.onfailure.sources.SourceOptions;
import dev.onfailure.validator.Validator;
import java.net.URI;
import java.nio.file.Path;

/**
 * The library example README.md shows, between the markers, outside the library's package so that it uses only the
 * API: {@code KafkaSourceTest} holds README.md to this text and runs it.
 */
public final class ReadmeExample {

    private ReadmeExample() {
    }

    // README begin
    /** Prints each document at {@code location} with its verdict, or why that one document could not be read. */
    public static void check(String location, SourceOptions options) {
        Validator validator = Validator.create();
        try (Source source = Source.open(Location.parse(location), options)) {
            source.stream().forEach(d -> System.out.println(d.origin().source() + " " + d.problem()
                    .orElseGet(() -> validator.validate(d.bytes()).valid() ? "valid" : "invalid")));
        } catch (SourceException e) {
            System.err.println(e.getMessage());          // one line naming the location or endpoint
        }
    }

    public static void main(String[] args) {
        check("s3://failures/aws/lambda/", SourceOptions.builder().endpointUrl(URI.create("http://127.0.0.1:9000"))
                .build());
        // an endpoint whose certificate a private CA signed: that CA's certificate, PEM
        check("s3://failures/", SourceOptions.builder().endpointUrl(URI.create("https://s3.internal.example"))
                .caBundle(Path.of("internal-ca.pem")).build());
    }
    // README end
}
