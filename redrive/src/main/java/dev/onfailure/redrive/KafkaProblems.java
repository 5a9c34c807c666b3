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
