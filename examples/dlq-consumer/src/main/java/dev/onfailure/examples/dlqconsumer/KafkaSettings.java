package dev.onfailure.examples.dlqconsumer;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka client settings of the function, from its environment: {@code BOOTSTRAP_SERVERS}, and
 * {@code KAFKA_CLIENT_CONFIG} as {@code name=value} pairs separated by {@code ;} ({@code ;;} stands for a {@code ;}
 * inside a value). With SASL/SCRAM, {@code KAFKA_SCRAM_USERNAME} and {@code KAFKA_SCRAM_PASSWORD} make the JAAS
 * configuration (the template resolves them from the Secrets Manager secret at deployment).
 */
final class KafkaSettings {

    private KafkaSettings() {
    }

    static Map<String, Object> fromEnvironment(Map<String, String> env) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", required(env, "BOOTSTRAP_SERVERS"));
        String extra = env.getOrDefault("KAFKA_CLIENT_CONFIG", "");
        for (String pair : extra.replace(";;", "\u0000").split(";")) {
            String p = pair.replace('\u0000', ';').trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("KAFKA_CLIENT_CONFIG: \"" + p + "\" is not name=value");
            }
            c.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        String user = env.get("KAFKA_SCRAM_USERNAME");
        if (user != null && !user.isEmpty()) {
            c.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username="
                    + jaasQuote(user) + " password=" + jaasQuote(env.getOrDefault("KAFKA_SCRAM_PASSWORD", "")) + ";");
        }
        return c;
    }

    /** Returns the variable's value, or throws naming it when it is unset or blank. */
    static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    /** A JAAS option value in double quotes, with backslashes and quotes escaped as the JAAS parser expects. */
    static String jaasQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
