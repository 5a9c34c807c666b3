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

    private static boolean installed;

    private TestAws() {
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("onfailure-aws");
            Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "[default]\naws_access_key_id = " + ACCESS_KEY
                    + "\naws_secret_access_key = " + SECRET_KEY + "\n\n[" + WRONG_PROFILE + "]\n"
                    + "aws_access_key_id = " + ACCESS_KEY + "\naws_secret_access_key = not-the-secret\n");
            Path config = dir.resolve("config");
            Files.writeString(config, "[default]\nregion = us-east-1\n\n[profile " + WRONG_PROFILE + "]\n"
                    + "region = us-east-1\n\n[profile " + NO_KEYS_PROFILE + "]\nregion = us-east-1\n");
            System.setProperty("aws.sharedCredentialsFile", credentials.toString());
            System.setProperty("aws.configFile", config.toString());
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
