package dev.onfailure.spark;

import org.apache.spark.sql.SparkSession;

/** One Spark session per test JVM (a session costs seconds to start): local, no UI, few shuffle partitions. */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = start("local[2]");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
        }
        return session;
    }

    static SparkSession start(String master) {
        return SparkSession.builder()
                .master(master)
                .appName("onfailure-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
