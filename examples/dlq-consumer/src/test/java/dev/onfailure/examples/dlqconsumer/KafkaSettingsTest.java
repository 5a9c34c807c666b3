package dev.onfailure.examples.dlqconsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

final class KafkaSettingsTest {

    @Test
    void environment_givesTheClientSettings() {
        Map<String, Object> c = KafkaSettings.fromEnvironment(Map.of(
                "BOOTSTRAP_SERVERS", "b-1:9096,b-2:9096",
                "KAFKA_CLIENT_CONFIG", " security.protocol=SASL_SSL; sasl.mechanism=SCRAM-SHA-512;client.id=a;;b;"));

        assertThat(c).containsOnly(Map.entry("bootstrap.servers", "b-1:9096,b-2:9096"),
                Map.entry("security.protocol", "SASL_SSL"), Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("client.id", "a;b"));
    }

    @Test
    void iamSettingsOfTheReadme_endTheJaasValueWithItsSemicolon() {
        Map<String, Object> c = KafkaSettings.fromEnvironment(Map.of("BOOTSTRAP_SERVERS", "b-1:9098",
                "KAFKA_CLIENT_CONFIG", "security.protocol=SASL_SSL;sasl.mechanism=AWS_MSK_IAM;"
                        + "sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;;;"
                        + "sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler"));

        assertThat(c).containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler")
                .hasSize(5);
    }

    @Test
    void scramCredentials_withQuotesAndBackslashes_makeAJaasConfigKafkaReadsBack() {
        Map<String, Object> c = KafkaSettings.fromEnvironment(Map.of("BOOTSTRAP_SERVERS", "b-1:9096",
                "KAFKA_SCRAM_USERNAME", "dlq \"consumer\"", "KAFKA_SCRAM_PASSWORD", "p\\w\"d;x"));

        JaasContext jaas = JaasContext.loadClientContext(Map.of("sasl.jaas.config",
                new Password((String) c.get("sasl.jaas.config"))));

        Map<String, ?> options = jaas.configurationEntries().get(0).getOptions();
        assertThat(options.get("username")).isEqualTo("dlq \"consumer\"");
        assertThat(options.get("password")).isEqualTo("p\\w\"d;x");
    }

    @Test
    void missingOrBadSettings_areNamed() {
        assertThatThrownBy(() -> KafkaSettings.fromEnvironment(Map.of()))
                .hasMessage("BOOTSTRAP_SERVERS is not set");
        assertThatThrownBy(() -> KafkaSettings.fromEnvironment(Map.of("BOOTSTRAP_SERVERS", "b:1",
                "KAFKA_CLIENT_CONFIG", "acks")))
                .hasMessage("KAFKA_CLIENT_CONFIG: \"acks\" is not name=value");
        assertThatThrownBy(() -> KafkaSettings.required(Map.of("RETRY_TOPIC", " "), "RETRY_TOPIC"))
                .hasMessage("RETRY_TOPIC is not set");
    }
}
