package dev.onfailure.redrive;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What the Kafka client's words for a wrong address or a TLS problem mean, in one line with what to do: a KRaft
 * controller's listener answers with its own APIs only ("does not support METADATA"), and a broker certificate the
 * client does not trust is "SSL handshake failed" over the JDK's "PKIX path building failed". Shared by
 * {@link RangeFetcher} and {@link Redriver}.
 */
final class KafkaProblems {

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
        CertPathValidatorException invalid = cause(e, CertPathValidatorException.class);
        if (cause(e, CertPathBuilderException.class) != null || invalid != null
                && invalid.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            return Optional.of("the certificate of " + at + " is not trusted (signed by no certificate in "
                    + (file == null ? "the JDK's trust store): set ssl.truststore.location (ssl.truststore.type=PEM"
                            + " for a PEM file) in the --kafka-config file to the certificate that signed it"
                            : "ssl.truststore.location " + file + "): put the certificate that signed it in " + file));
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = String.valueOf(root.getMessage());
        int end = why.indexOf(": ");
        return Optional.of("TLS with " + at + " failed: " + (end > 0 ? why.substring(0, end) : why));
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
