package dev.onfailure.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay in front of a local server that makes each response wait until at least {@code latency} after its
 * request was sent, as a request to S3 waits tens of milliseconds for its first byte while the client's cores are
 * free. Every connection is relayed as it is (HTTP keep-alive included); only the first bytes of a response after a
 * request are held back. For benchmarks only.
 */
final class LatencyProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long latencyNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "latency-proxy");
        t.setDaemon(true);
        return t;
    });

    private LatencyProxy(URI target, long latencyMillis) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.latencyNanos = latencyMillis * 1_000_000;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** Starts a relay to {@code target} (scheme, host and port are used) adding {@code latencyMillis}. */
    static LatencyProxy start(URI target, long latencyMillis) throws IOException {
        return new LatencyProxy(target, latencyMillis);
    }

    /** The relay's endpoint, with the target's scheme. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Connection c = new Connection();
                threads.execute(() -> pump(client, upstream, c, true));
                threads.execute(() -> pump(upstream, client, c, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** When the latest request was forwarded and its response not yet begun: 0 when there is none waiting. */
    private static final class Connection {
        volatile long requestSent;
    }

    private void pump(Socket from, Socket to, Connection c, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (from; to; InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (request) {
                    if (c.requestSent == 0) {
                        c.requestSent = System.nanoTime();
                    }
                } else {
                    long sent = c.requestSent;
                    if (sent != 0) {
                        long wait = sent + latencyNanos - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        c.requestSent = 0;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: the try closes the other
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
