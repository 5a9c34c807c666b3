package dev.onfailure.sources;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A web server that answers every request with a page and a status of 200, as a store's console or any web server
 * at a mistyped port does: an endpoint that answers, but not as S3 or SQS would.
 */
public final class WebPage implements AutoCloseable {

    private static final byte[] PAGE = ("<!DOCTYPE html>\n<html><head><title>Console</title></head>"
            + "<body><p>Sign in</p></body></html>\n").getBytes(StandardCharsets.UTF_8);

    private final HttpServer http;

    private WebPage(HttpServer http) {
        this.http = http;
    }

    /** Starts the server on a free port of 127.0.0.1. */
    public static WebPage start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, PAGE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PAGE);
            }
        });
        http.start();
        return new WebPage(http);
    }

    /** Where it answers. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
