package dev.onfailure.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay that delivers every byte a fixed one-way delay after it arrived, in each direction and in order, as a
 * link between two availability zones does; optionally also at most so many bytes a second, and at most so many
 * bytes in flight (a TCP window), per direction and connection. Unlike {@link LatencyProxy}, which holds back the
 * start of an HTTP response, it knows nothing of the protocol: a chunk read at time {@code t} is written at {@code t +
 * delay} (later if the bandwidth cap says so), and chunks read meanwhile travel behind it, so a long response streams
 * as it would over the link, and a Kafka consumer's fetch waits a round trip (two delays) before its first byte.
 *
 * <p>It binds first and is pointed at its target afterwards ({@link #relayTo}), because a Kafka broker must be told
 * the relay's port as its advertised address before it starts (see {@link RelayedKafka}). It counts the bytes it
 * relays each way, so that a benchmark can check that its traffic went through it. For benchmarks only.
 *
 * <pre>{@code
 * try (DelayRelay relay = DelayRelay.bind()) {
 *     relay.relayTo(new InetSocketAddress("localhost", brokerPort));
 *     relay.oneWayDelayMicros(1000);             // a 2 ms round trip
 *     ... connect to localhost:relay.port() ...
 *     long fromServer = relay.bytesDown();
 * }
 * }</pre>
 */
final class DelayRelay implements AutoCloseable {

    /** Chunks read but not yet written, per direction of a connection, at most (without a window: 64 MiB). */
    private static final int QUEUED_CHUNKS = 1024;
    private static final int CHUNK = 64 * 1024;

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "delay-relay");
        t.setDaemon(true);
        return t;
    });
    private volatile InetSocketAddress target;
    private volatile long delayNanos;
    private volatile long bytesPerSecond;
    private volatile long windowBytes;
    private final ScheduledExecutorService acks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "delay-relay-acks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private DelayRelay() throws IOException {
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    }

    /** Binds an ephemeral port on the loopback address; nothing is accepted before {@link #relayTo}. */
    static DelayRelay bind() throws IOException {
        return new DelayRelay();
    }

    /** The port clients connect to. */
    int port() {
        return server.getLocalPort();
    }

    /** Starts accepting connections, each relayed to its own new connection to {@code target}. */
    void relayTo(InetSocketAddress target) {
        if (this.target != null) {
            throw new IllegalStateException("already relaying to " + this.target);
        }
        this.target = target;
        threads.execute(this::accept);
    }

    /** The delay each way from now on, for bytes read from now on; 0 relays at once. */
    void oneWayDelayMicros(long micros) {
        delayNanos = micros * 1_000;
    }

    /** At most this many bytes a second per direction and connection from now on; 0 for no cap. */
    void bytesPerSecond(long rate) {
        bytesPerSecond = rate;
    }

    /**
     * At most this many bytes in flight per direction and connection from now on, as a TCP window: read from the
     * sender but not yet acknowledged, an acknowledgement coming back one delay after the bytes were delivered, so a
     * direction carries at most a window per round trip. 0 for no window (the default): the relay then reads
     * whatever the sender writes, at once.
     */
    void windowBytes(long bytes) {
        windowBytes = bytes;
    }

    /** Bytes relayed from clients to the target so far (written to the target). */
    long bytesUp() {
        return up.get();
    }

    /** Bytes relayed from the target to clients so far (written to the clients). */
    long bytesDown() {
        return down.get();
    }

    /** Connections accepted so far. */
    long connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target);
                } catch (IOException e) {
                    client.close();
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                connections.incrementAndGet();
                AtomicInteger ended = new AtomicInteger();
                direction(client, upstream, up, ended);
                direction(upstream, client, down, ended);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** A chunk of bytes, when it may be written, and whether it counts in a window; empty: the end of the stream. */
    private record Chunk(byte[] bytes, long due, boolean windowed) {
    }

    /** Bytes in flight in one direction of a connection. */
    private static final class InFlight {
        private long bytes;

        /** Waits until {@code window} leaves room, then returns how many bytes may be read, at most {@code max}. */
        synchronized int room(long window, int max) throws InterruptedException {
            while (bytes >= window) {
                wait();
            }
            return (int) Math.min(max, window - bytes);
        }

        synchronized void add(long n) {
            bytes += n;
        }

        synchronized void acknowledge(long n) {
            bytes -= n;
            notifyAll();
        }
    }

    /** One direction of a connection: a thread reads and stamps, another waits and writes. */
    private void direction(Socket from, Socket to, AtomicLong counter, AtomicInteger ended) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        InFlight inFlight = new InFlight();
        threads.execute(() -> read(from, to, queue, inFlight));
        threads.execute(() -> write(from, to, queue, inFlight, counter, ended));
    }

    private void read(Socket from, Socket to, BlockingQueue<Chunk> queue, InFlight inFlight) {
        byte[] buffer = new byte[CHUNK];
        try {
            InputStream in = from.getInputStream();
            while (true) {
                long window = windowBytes;
                int n = in.read(buffer, 0, window > 0 ? inFlight.room(window, CHUNK) : CHUNK);
                if (n < 0) {
                    break;
                }
                if (window > 0) {
                    inFlight.add(n);
                }
                queue.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos, window > 0));
            }
            queue.put(new Chunk(new byte[0], System.nanoTime() + delayNanos, false));
        } catch (IOException e) {
            closeBoth(from, to); // reset or closed: so is the other side
        } catch (InterruptedException e) {
            closeBoth(from, to);
            Thread.currentThread().interrupt();
        }
    }

    private void write(Socket from, Socket to, BlockingQueue<Chunk> queue, InFlight inFlight, AtomicLong counter,
            AtomicInteger ended) {
        long free = 0; // when the capped link is free for the next chunk
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = queue.take();
                long at = c.due();
                long rate = bytesPerSecond;
                if (rate > 0) {
                    at = Math.max(at, free) + c.bytes().length * 1_000_000_000L / rate;
                    free = at;
                }
                for (long wait; (wait = at - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                if (c.bytes().length == 0) {
                    to.shutdownOutput(); // the half-close travels too
                    if (ended.incrementAndGet() == 2) {
                        closeBoth(from, to);
                    }
                    return;
                }
                out.write(c.bytes());
                out.flush();
                counter.addAndGet(c.bytes().length);
                if (c.windowed()) { // the acknowledgement travels back
                    int n = c.bytes().length;
                    acks.schedule(() -> inFlight.acknowledge(n), delayNanos, TimeUnit.NANOSECONDS);
                }
            }
        } catch (IOException e) {
            closeBoth(from, to);
        } catch (InterruptedException e) {
            closeBoth(from, to);
            Thread.currentThread().interrupt();
        }
    }

    private static void closeBoth(Socket a, Socket b) {
        try {
            a.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            b.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        acks.shutdownNow();
    }
}
