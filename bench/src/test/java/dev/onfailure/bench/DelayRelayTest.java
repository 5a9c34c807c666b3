package dev.onfailure.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The relay the Kafka benchmark reads through: what goes in comes out, in order, counted, each way. */
final class DelayRelayTest {

    @Test
    void relay_withDelayCapAndWindow_deliversEveryByteInOrderBothWays() throws Exception {
        byte[] sent = new byte[3 * 1024 * 1024 + 17];
        new Random(12).nextBytes(sent);
        try (ServerSocket echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
                DelayRelay relay = DelayRelay.bind()) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> echoOnce(echo));
            relay.relayTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
            relay.oneWayDelayMicros(1000);
            relay.bytesPerSecond(200L * 1024 * 1024);
            relay.windowBytes(256 * 1024);
            byte[] received;
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeInPieces(client, sent));
                received = client.getInputStream().readAllBytes(); // to the end: the echo's close came through
                writer.join();
            }
            server.join();

            assertThat(received).isEqualTo(sent);
            assertThat(relay.bytesUp()).isEqualTo(sent.length);
            assertThat(relay.bytesDown()).isEqualTo(sent.length);
            assertThat(relay.connections()).isEqualTo(1);
        }
    }

    @Test
    void relay_withoutDelay_countsOnlyWhatItRelayed() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
                DelayRelay relay = DelayRelay.bind()) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> echoOnce(echo));
            relay.relayTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()));
            byte[] received;
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                client.shutdownOutput();
                received = client.getInputStream().readAllBytes();
            }
            server.join();

            assertThat(new String(received, StandardCharsets.US_ASCII)).isEqualTo("ping");
            assertThat(relay.bytesUp()).isEqualTo(4);
            assertThat(relay.bytesDown()).isEqualTo(4);
        }
    }

    /** Writes {@code bytes} in pieces of uneven size, then half-closes. */
    private static void writeInPieces(Socket socket, byte[] bytes) {
        Random sizes = new Random(7);
        try {
            OutputStream out = socket.getOutputStream();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + sizes.nextInt(100_000));
                out.write(bytes, at, n);
                at += n;
            }
            out.flush();
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts one connection and sends back everything it reads, then closes. */
    private static void echoOnce(ServerSocket server) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
