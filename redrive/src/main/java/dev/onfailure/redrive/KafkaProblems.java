package dev.onfailure.redrive;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What the Kafka client's words for a wrong address or a TLS problem mean, in one line with what to do: a KRaft
 * controller's listener answers with its own APIs only ("does not support METADATA"), and a broker certificate the
 * client does not trust is "SSL handshake failed" over the JDK's "PKIX path building failed" (or, for one out of
 * its time, over "NotAfter: DATE" or "NotBefore: DATE"). The words are those of {@code KafkaSource} in
 * {@code sources} (modules share no internals). Shared by
 * {@link RangeFetcher} and {@link Redriver}.
 */
final class KafkaProblems {

    /** The TLS alerts a server sends about the client's certificate (RFC 8446, section 6.2). */
    private static final Pattern CERTIFICATE_ALERT = Pattern.compile("Received fatal alert: (certificate_required"
            + "|bad_certificate|certificate_unknown|unsupported_certificate|certificate_revoked|certificate_expired"
            + "|unknown_ca)\\b");

    /** A JDK exception's class name where a message quotes the exception it wraps. */
    private static final Pattern JDK_CLASS = Pattern.compile(": (?:java|javax|sun|jdk)\\.[\\w.$]+(?:Exception|Error)");

    private KafkaProblems() {
    }

    /** The line for {@code e} from the cluster at {@code servers}, with the client's {@code config}; empty if none. */
    static Optional<String> of(KafkaException e, Object servers, Map<String, ?> config) {
        String at = String.valueOf(servers);
        if (e instanceof UnsupportedVersionException && String.valueOf(e.getMessage()).contains("support METADATA")) {
            return Optional.of((at.contains(",") ? "a bootstrap server in " + at : at) + " is a controller listener,"
                    + " not a broker's: give a broker listener in --bootstrap-server");
        }
        if (!(e instanceof SslAuthenticationException)) {
            return Optional.empty();
        }
        Object file = config.get("ssl.truststore.location");
        String store = file != null ? "ssl.truststore.location " + file
                : config.get("ssl.truststore.certificates") != null ? "ssl.truststore.certificates" : null;
        CertPathValidatorException invalid = cause(e, CertPathValidatorException.class);
        CertPathValidatorException.Reason reason = invalid == null ? null : invalid.getReason();
        if (cause(e, CertPathBuilderException.class) != null
                || reason == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return Optional.of("the certificate of " + at + " is not trusted (signed by no certificate in "
                    + (store == null ? "the JDK's trust store): set ssl.truststore.location (ssl.truststore.type=PEM"
                            + " for a PEM file) in the --kafka-config file to the certificate that signed it"
                            : store + "): put the certificate that signed it in "
                                    + (file == null ? "ssl.truststore.certificates" : file)));
        }
        X509Certificate refused = refused(invalid);
        if (cause(e, CertificateExpiredException.class) != null
                || reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return Optional.of("the certificate of " + at + " is not trusted (" + (refused == null ? "it has expired"
                    : "it expired at " + refused.getNotAfter().toInstant()) + ")");
        }
        if (cause(e, CertificateNotYetValidException.class) != null
                || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Optional.of("the certificate of " + at + " is not trusted (" + (refused == null
                    ? "it is not valid yet" : "it is not valid before " + refused.getNotBefore().toInstant()) + ")");
        }
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            Matcher alert = c instanceof SSLException ? CERTIFICATE_ALERT.matcher(String.valueOf(c.getMessage()))
                    : null;
            if (alert != null && alert.find()) {
                Object keys = config.get("ssl.keystore.location");
                return Optional.of(keys == null && config.get("ssl.keystore.certificate.chain") == null
                        ? at + " wants a client certificate (mutual TLS) and was given none: set"
                                + " ssl.keystore.location (and ssl.keystore.password) in the --kafka-config file to the"
                                + " client's key and certificate"
                        : at + " refused the client certificate in " + (keys == null
                                ? "ssl.keystore.certificate.chain" : "ssl.keystore.location " + keys)
                                + " (TLS alert: " + alert.group(1) + ")");
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        Matcher jdk = JDK_CLASS.matcher(why);
        return Optional.of("TLS with " + at + " failed: " + (jdk.find() ? why.substring(0, jdk.start()) : why));
    }

    /**
     * The line for a cluster that gave no answer within {@code timeout}, with why when one TLS handshake with the
     * first bootstrap server tells: a plaintext client at a TLS listener (its request is not a handshake, so the
     * listener drops it and the client tries again until the timeout), a TLS client at a plaintext listener, or a
     * listener that wants a client certificate the client does not have (over TLS 1.3 it may cut the connection
     * before its alert is read). The words are those of {@code KafkaSource}'s; the handshake sends nothing else, so it
     * trusts any certificate, and takes at most a quarter of {@code timeout}, and never more than half a second.
     */
    static String timedOut(Object servers, Map<String, ?> config, java.time.Duration timeout) {
        String hint = tlsHint(String.valueOf(servers), config, timeout);
        return "bootstrap server " + servers + " did not answer within " + RangeFetcher.seconds(timeout)
                + (hint.isEmpty() ? " (is the cluster up and reachable?)" : hint);
    }

    /**
     * The line for a server whose first answer the client took for the size of a response too large to allocate: one
     * that is not Kafka, or a TLS listener answering a plaintext client's request with an alert (which one TLS
     * handshake tells, as for {@link #timedOut}).
     */
    static String notKafka(Object servers, Map<String, ?> config, java.time.Duration timeout) {
        String hint = tlsHint(String.valueOf(servers), config, timeout);
        return hint.isEmpty() ? servers + " answered with something that is not Kafka (its first bytes, read as the"
                + " size of a response, asked for more memory than there is): is it the address of a Kafka listener?"
                : "bootstrap server " + servers + " answered with something that is not Kafka" + hint;
    }

    private static String tlsHint(String servers, Map<String, ?> config, java.time.Duration timeout) {
        String first = servers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon < 1) {
            return "";
        }
        String host = first.substring(0, colon).replace("[", "").replace("]", "");
        boolean tlsClient = String.valueOf(config.get("security.protocol")).toUpperCase(java.util.Locale.ROOT)
                .endsWith("SSL");
        long budget = Math.max(1, Math.min(500, timeout.toMillis() / 4));
        long deadline = System.nanoTime() + budget * 1_000_000;
        try {
            int port = Integer.parseInt(first.substring(colon + 1));
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            NoClientCertificate asked = new NoClientCertificate();
            tls.init(new javax.net.ssl.KeyManager[] {asked}, new javax.net.ssl.TrustManager[] {new AnyCertificate()},
                    null);
            try (java.net.Socket raw = new java.net.Socket()) {
                raw.connect(new java.net.InetSocketAddress(host, port), (int) budget);
                raw.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                        .createSocket(raw, host, port, false)) {
                    socket.startHandshake();
                    if (tlsClient && asked.asked && config.get("ssl.keystore.location") == null
                            && config.get("ssl.keystore.certificate.chain") == null) {
                        return "; it wants a client certificate (mutual TLS): set ssl.keystore.location (and"
                                + " ssl.keystore.password) in the --kafka-config file to the client's key and"
                                + " certificate";
                    }
                    return tlsClient ? "" // both speak TLS: the cause is elsewhere
                            : "; it speaks TLS: set security.protocol=SSL (or SASL_SSL) in the --kafka-config file";
                } catch (java.io.IOException e) {
                    // connected, and no TLS handshake came back
                    return tlsClient ? "; it does not answer a TLS handshake: if its listener is plaintext, set"
                            + " security.protocol=PLAINTEXT (or SASL_PLAINTEXT) in the --kafka-config file" : "";
                }
            }
        } catch (java.io.IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return ""; // not reachable: nothing to add
        }
    }

    /** For the hint's handshake only: gives no certificate, and notes whether the listener asked for one. */
    private static final class NoClientCertificate extends javax.net.ssl.X509ExtendedKeyManager {
        volatile boolean asked;

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            asked = true;
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                javax.net.ssl.SSLEngine engine) {
            asked = true;
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }

    /** For the hint's handshake only, which carries no data. */
    private static final class AnyCertificate implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the handshake only asks whether the listener speaks TLS
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The certificate of its path that {@code invalid} refused, if it says which; null if not. */
    private static X509Certificate refused(CertPathValidatorException invalid) {
        if (invalid == null || invalid.getCertPath() == null || invalid.getIndex() < 0
                || invalid.getIndex() >= invalid.getCertPath().getCertificates().size()) {
            return null;
        }
        return invalid.getCertPath().getCertificates().get(invalid.getIndex()) instanceof X509Certificate x ? x : null;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
