package dev.onfailure.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * AWS credentials for the in-process servers, the way users give them: a shared credentials file with a default
 * profile that the servers accept, a profile {@code wrong} that they refuse and a profile {@code nokeys} without
 * credentials. The SDK reads the file named by the
 * {@code aws.sharedCredentialsFile} system property, set once per test JVM before any client is made.
 */
public final class TestAws {

    public static final String ACCESS_KEY = "onfailure-test-key";
    public static final String SECRET_KEY = "onfailure-test-secret";
    public static final String WRONG_PROFILE = "wrong";
    /** A profile with a region and no credentials. */
    public static final String NO_KEYS_PROFILE = "nokeys";
    /** A profile with the servers' credentials and no region. */
    public static final String NO_REGION_PROFILE = "noregion";
    /** A profile with the servers' credentials, a region and an {@code endpoint_url} where nothing listens. */
    public static final String ELSEWHERE_PROFILE = "elsewhere";
    /** {@link #ELSEWHERE_PROFILE}'s endpoint. */
    public static final String ELSEWHERE_ENDPOINT = "http://127.0.0.1:1";

    private static boolean installed;

    private TestAws() {
    }

    /** Code to run with system properties set (a null value: cleared), each restored afterwards. */
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} with system properties set, given as key, value, key, value... (a null value clears one), and
     * restores each afterwards.
     */
    public static void withProperties(Body body, String... keysAndValues) throws Exception {
        java.util.Map<String, String> before = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            before.put(keysAndValues[i], System.getProperty(keysAndValues[i]));
        }
        try {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                setProperty(keysAndValues[i], keysAndValues[i + 1]);
            }
            body.run();
        } finally {
            before.forEach(TestAws::setProperty);
        }
    }

    private static void setProperty(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("onfailure-aws");
            // removed when the JVM exits (scripts/local-servers stopped with Ctrl-C too): the files go first, as
            // deleteOnExit runs in the reverse order of registration
            dir.toFile().deleteOnExit();
            Path credentials = dir.resolve("credentials");
            credentials.toFile().deleteOnExit();
            Files.writeString(credentials, "[default]\naws_access_key_id = " + ACCESS_KEY
                    + "\naws_secret_access_key = " + SECRET_KEY + "\n\n[" + WRONG_PROFILE + "]\n"
                    + "aws_access_key_id = " + ACCESS_KEY + "\naws_secret_access_key = not-the-secret\n"
                    + "\n[" + NO_REGION_PROFILE + "]\naws_access_key_id = " + ACCESS_KEY
                    + "\naws_secret_access_key = " + SECRET_KEY + "\n"
                    + "\n[" + ELSEWHERE_PROFILE + "]\naws_access_key_id = " + ACCESS_KEY
                    + "\naws_secret_access_key = " + SECRET_KEY + "\n");
            Path config = dir.resolve("config");
            config.toFile().deleteOnExit();
            Files.writeString(config, "[default]\nregion = us-east-1\n\n[profile " + WRONG_PROFILE + "]\n"
                    + "region = us-east-1\n\n[profile " + NO_KEYS_PROFILE + "]\nregion = us-east-1\n"
                    + "\n[profile " + NO_REGION_PROFILE + "]\n"
                    + "\n[profile " + ELSEWHERE_PROFILE + "]\nregion = us-east-1\nendpoint_url = "
                    + ELSEWHERE_ENDPOINT + "\n");
            System.setProperty("aws.sharedCredentialsFile", credentials.toString());
            System.setProperty("aws.configFile", config.toString());
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
