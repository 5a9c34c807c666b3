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
    private final java.security.cert.X509Certificate served;
    /** The CA that signed {@link #served} (its PKCS12 key store), or null for a self-signed relay. */
    private Path ca;

    private TlsRelay(ServerSocket listener, int backend, Path certificate,
            java.security.cert.X509Certificate served) {
        this.listener = listener;
        this.backend = backend;
        this.served = served;
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
        return listen(keystore, pem, target, null);
    }

    /**
     * As {@link #start(Path, URI, String)}, but the relay's certificate is signed by a CA made for the run (whose
     * certificate is {@link #certificate()}, the bundle that trusts it) and is valid for {@code days} from
     * {@code startDate} in keytool's words ({@code -3d}, {@code +2d}): so that a trusted certificate can be out of
     * its time, which a self-signed one given as its own trust anchor never is to the JDK (an anchor's dates go
     * unchecked).
     */
    public static TlsRelay startSigned(Path dir, URI target, String san, String startDate, int days)
            throws Exception {
        String stem = "relay-" + System.nanoTime();
        Path ca = dir.resolve(stem + "-ca.p12");
        Path caPem = dir.resolve(stem + "-ca.pem");
        Path keystore = dir.resolve(stem + ".p12");
        Path request = dir.resolve(stem + ".csr");
        Path signed = dir.resolve(stem + "-signed.pem");
        String pass = new String(PASSWORD);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-startdate", "-10d", "-dname", "CN=onfailure test CA", "-ext", "bc:c", "-keystore", ca.toString(),
                "-storetype", "PKCS12", "-storepass", pass);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storetype", "PKCS12",
                "-storepass", pass, "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=onfailure test relay", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", pass);
        keytool("-certreq", "-alias", "relay", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", pass, "-file", request.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storetype", "PKCS12",
                "-storepass", pass, "-infile", request.toString(), "-outfile", signed.toString(), "-ext", "san=" + san,
                "-startdate", startDate, "-validity", String.valueOf(days));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", pass);
        keytool("-importcert", "-alias", "relay", "-file", signed.toString(), "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", pass);
        TlsRelay relay = listen(keystore, caPem, target, caPem);
        relay.ca = ca;
        return relay;
    }

    /**
     * Makes the relay ask every client for a certificate of its own (mutual TLS) and refuse one that gives none, as a
     * listener with {@code ssl.client.auth=required} does: a failure that is no certificate of the server's.
     */
    public TlsRelay requireClientCertificate() {
        ((SSLServerSocket) listener).setNeedClientAuth(true);

        return this;
    }

    /** The relay's certificate (the one signed, where a CA signed it), as the JDK reads {@link #certificate()}. */
    public java.security.cert.X509Certificate served() {
        return served;
    }

    /**
     * A client's key store (PKCS12, password {@code onfailure-test}, alias {@code client}) with a key pair and its
     * certificate: signed by this relay's CA, which the relay trusts for clients, or self-signed, which it does not.
     * Only for a relay of {@link #startSigned}.
     */
    public Path clientKeyStore(Path dir, boolean signedByTheCa) throws Exception {
        if (ca == null) {
            throw new IllegalStateException("a self-signed relay has no CA to sign a client's certificate");
        }
        String stem = "client-" + System.nanoTime();
        Path keystore = dir.resolve(stem + ".p12");
        String pass = new String(PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=onfailure test client", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", pass);
        if (signedByTheCa) {
            Path request = dir.resolve(stem + ".csr");
            Path signed = dir.resolve(stem + "-signed.pem");
            keytool("-certreq", "-alias", "client", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                    "-storepass", pass, "-file", request.toString());
            keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storetype", "PKCS12",
                    "-storepass", pass, "-infile", request.toString(), "-outfile", signed.toString(), "-validity",
                    "2");
            keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificate.toString(), "-keystore",
                    keystore.toString(), "-storetype", "PKCS12", "-storepass", pass);
            keytool("-importcert", "-alias", "client", "-file", signed.toString(), "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", pass);
        }
        return keystore;
    }

    /** The password of the key stores made here. */
    public static String password() {
        return new String(PASSWORD);
    }

    private static TlsRelay listen(Path keystore, Path pem, URI target, Path clientCa) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        javax.net.ssl.TrustManager[] clients = null;              // the JDK's, where no CA signs clients
        if (clientCa != null) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(clientCa)) {
                trusted.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(in));
            }
            javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            f.init(trusted);
            clients = f.getTrustManagers();
        }
        tls.init(keys.getKeyManagers(), clients, null);
        SSLServerSocket listener = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        TlsRelay relay = new TlsRelay(listener, target.getPort(), pem,
                (java.security.cert.X509Certificate) store.getCertificate("relay"));
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
