package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.SchemaLocation;
import com.sun.net.httpserver.HttpServer;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.internal.SchemaEngine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator never touches the network: a local server counts every request that would reach it. */
final class OfflineTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\":\"string\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void recordsNamingRemoteSchemas_causeNoRequest() {
        Validator validator = Validator.create();
        String record = HandMadeRecords.named("unknown-fields.sqs-sns.json").json().replaceFirst("\\{",
                "{\"\\$schema\": \"" + base + "schema.json\", \"\\$ref\": \"" + base + "ref.json\", \"\\$id\": \""
                        + base + "id.json\",");
        for (Profile p : Profile.values()) {
            validator.validate(record, ValidationOptions.of(p));
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void aSchemaWithARemoteRef_failsWithoutARequest() {
        var registry = SchemaEngine.registry();
        String schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
                + "\"$id\":\"https://onfailure.dev/schemas/test/remote.json\",\"$ref\":\"" + base + "remote.json\"}";
        assertThatThrownBy(() -> {
            var s = registry.getSchema(SchemaLocation.of("https://onfailure.dev/schemas/test/remote.json"),
                    schema, com.networknt.schema.InputFormat.JSON);
            s.initializeValidators();
            s.validate("\"x\"", com.networknt.schema.InputFormat.JSON);
        }).isInstanceOf(com.networknt.schema.SchemaException.class).hasMessageContaining(base + "remote.json");
        assertThat(requests).hasValue(0);
    }
}
