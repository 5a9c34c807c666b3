package dev.onfailure.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS listener on 127.0.0.1 in front of a plaintext test server (S3Proxy, ElasticMQ, a Kafka broker): it ends TLS
 * with a key pair made by the JDK's {@code keytool} for this run, and relays the bytes both ways, so a client meets a
 * real TLS endpoint whose certificate no trust store knows.
 */
public final class TlsRelay implements AutoCloseable {

    private static final char[] PASSWORD = "onfailure-test".toCharArray();

    private final ServerSocket listener;
    private final int backend;
    private final Path certificate;

    private TlsRelay(ServerSocket listener, int backend, Path certificate) {
        this.listener = listener;
        this.backend = backend;
        this.certificate = certificate;
    }

    /**
     * Makes a self-signed EC key pair for {@code san} ({@code ip:127.0.0.1}, {@code dns:other.example}) in
     * {@code dir}, and relays TLS connections to {@code target}'s port.
     */
    public static TlsRelay start(Path dir, URI target, String san) throws Exception {
        Path keystore = dir.resolve("relay-" + System.nanoTime() + ".p12");
        Path pem = dir.resolve(keystore.getFileName().toString().replace(".p12", ".pem"));
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=onfailure test relay", "-ext", "san=" + san, "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "relay", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-file", pem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        SSLServerSocket listener = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        TlsRelay relay = new TlsRelay(listener, target.getPort(), pem);
        Thread accept = new Thread(relay::accept, "tls-relay-accept");
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
        }
    }

    /** The relay's endpoint: {@code https://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("https://127.0.0.1:" + listener.getLocalPort());
    }

    /** The same port as {@code http://}: a plain request to a TLS listener. */
    public URI plainEndpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** The relay's certificate, PEM ({@code keytool -exportcert -rfc}): the CA bundle that trusts it. */
    public Path certificate() {
        return certificate;
    }

    /**
     * What an untrusted certificate of {@code endpoint} gives when no bundle is given: the JDK's trust store says no,
     * or the one AWS_CA_BUNDLE names where the test runs with it set (it replaces the JDK's, as the AWS CLI has it).
     */
    public static String untrusted(URI endpoint) {
        String env = System.getenv("AWS_CA_BUNDLE");
        return env == null || env.isBlank()
                ? "the certificate of " + endpoint + " is not trusted (signed by no certificate in the JDK's trust"
                        + " store): give --ca-bundle FILE (or AWS_CA_BUNDLE, or the profile's ca_bundle) with the"
                        + " certificate that signed it"
                : "the certificate of " + endpoint + " is not trusted (signed by no certificate in the CA bundle "
                        + env + " (AWS_CA_BUNDLE)): put the certificate that signed it in " + env
                        + ", or give --ca-bundle FILE with it";
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread t = new Thread(() -> relay(client), "tls-relay");
            t.setDaemon(true);
            t.start();
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket()) {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backend));
            Thread back = new Thread(() -> pump(server, client), "tls-relay-back");
            back.setDaemon(true);
            back.start();
            pump(client, server);
            back.join();
        } catch (IOException e) {
            // a client gone, or a handshake refused: that connection ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies until either side ends, then closes both (HTTP needs no half-close). */
    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed, or the handshake failed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
