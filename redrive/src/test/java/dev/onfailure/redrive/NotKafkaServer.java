package dev.onfailure.redrive;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A server that is not Kafka: to each connection's first request it answers bytes a Kafka client reads as the size
 * of a response past any array Java can make (an HTTP server's "HTTP" asks for 1.2 GB, past the command's heap), so a
 * client fails the same way whatever the heap.
 */
final class NotKafkaServer implements AutoCloseable {

    private final ServerSocket socket;

    NotKafkaServer() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread answering = new Thread(this::answer, "not-kafka");
        answering.setDaemon(true);
        answering.start();
    }

    /** Returns {@code host:port}. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void answer() {
        while (!socket.isClosed()) {
            try (Socket c = socket.accept()) {
                c.getInputStream().read(new byte[64]);
                c.getOutputStream().write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'x'});
                c.getOutputStream().flush();
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                // closed: the test is over
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
