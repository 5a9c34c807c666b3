package dev.onfailure.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The certificates an S3 or SQS endpoint's certificate must be signed by, when they are not the JDK's: a PEM file
 * named as the AWS CLI looks for one, {@code --ca-bundle} ({@link SourceOptions#caBundle()}), else
 * {@code AWS_CA_BUNDLE}, else the profile's {@code ca_bundle}. Like the AWS CLI's, the bundle replaces the JDK's trust
 * store instead of adding to it: a private endpoint's bundle then trusts only what it names.
 *
 * @param file the PEM file
 * @param setBy what named it, for messages: {@code --ca-bundle}, {@code AWS_CA_BUNDLE}, the profile's setting
 */
record CaBundle(Path file, String setBy) {

    /** A certificate in a PEM file: its Base64 between the armour lines (curl's bundles put titles between them). */
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    /** The bundle the options and the environment name; empty for the JDK's trust store. */
    static Optional<CaBundle> of(SourceOptions options) {
        return of(options, System::getenv);
    }

    /** {@link #of(SourceOptions)} with the environment variables {@code env} gives. */
    static Optional<CaBundle> of(SourceOptions options, UnaryOperator<String> env) {
        if (options.caBundle().isPresent()) {
            return Optional.of(new CaBundle(options.caBundle().get(), "--ca-bundle"));
        }
        String variable = env.apply("AWS_CA_BUNDLE");
        if (variable != null && !variable.isBlank()) {
            return Optional.of(new CaBundle(Path.of(variable), "AWS_CA_BUNDLE"));
        }
        String profile = Aws.profileName(options);
        Optional<String> setting;
        try {
            setting = ProfileFile.defaultProfileFile().profile(profile).flatMap(p -> p.property("ca_bundle"));
        } catch (RuntimeException e) {
            return Optional.empty(); // a profile file that does not parse: the credentials chain says so
        }
        return setting.filter(s -> !s.isBlank())
                .map(s -> new CaBundle(home(s.strip()), "the ca_bundle of profile " + profile));
    }

    private static Path home(String setting) {
        return setting.equals("~") || setting.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), setting.substring(1).replaceFirst("^/", ""))
                : Path.of(setting);
    }

    /**
     * Trust managers holding the file's certificates; a file that cannot be read or holds no certificate is one line
     * about {@code location}.
     */
    TrustManager[] trust(String location) {
        String named = named();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new SourceException(location, named + " is a directory: give a PEM file of certificates");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new SourceException(location, named + " cannot be read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new SourceException(location, named + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new SourceException(location, named + " cannot be read: " + e.getMessage(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            Matcher m = PEM.matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
                byte[] der;
                try {
                    der = Base64.getMimeDecoder().decode(m.group(1));
                    store.setCertificateEntry("ca-" + n, x509.generateCertificate(new ByteArrayInputStream(der)));
                } catch (IllegalArgumentException | CertificateException e) {
                    throw new SourceException(location, named + ": certificate " + n + " does not decode ("
                            + Aws.root(e).getMessage() + ")", e);
                }
            }
            if (n == 0) {
                throw new SourceException(location, named + " holds no certificate: give a PEM file of"
                        + " -----BEGIN CERTIFICATE----- blocks");
            }
            // a block the pattern did not take (no END line, or characters that are not Base64) is not left out
            int begun = 0;
            for (int at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + 1)) {
                begun++;
            }
            if (begun != n) {
                throw new SourceException(location, named + ": " + (begun - n) + " of its " + begun
                        + " certificates do" + (begun - n == 1 ? "es" : "") + " not decode (no -----END CERTIFICATE-----"
                        + " line, or text that is not Base64 inside)");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            // a JDK without X.509 or a key store type is not one to run on
            throw new IllegalStateException(e);
        }
    }

    /** For messages: {@code the CA bundle FILE (--ca-bundle)}. */
    String named() {
        return "the CA bundle " + file + " (" + setBy + ")";
    }
}
