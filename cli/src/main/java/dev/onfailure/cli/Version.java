package dev.onfailure.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class Version implements IVersionProvider {

    static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"onfailure " + version(), "JVM " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"};
    }
}
