package dev.onfailure.bench;

import java.net.InetSocketAddress;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One KRaft broker in-process (as the sources tests' {@code KafkaServer}) with a second client listener that is
 * reached only through a {@link DelayRelay}.
 *
 * <p>A Kafka client connects to its bootstrap address only for metadata; it then fetches from the address the broker
 * <em>advertises</em> for the listener the metadata request came in on. A relay in front of the ordinary listener
 * would therefore carry the first request and nothing else. So the broker gets a listener of its own for the relay,
 * {@code RELAYED} on an ephemeral port, advertised as the relay's port: a client bootstrapped at {@link
 * #relayedServers()} is told that the broker is the relay, and every later connection goes through it too. The
 * ordinary listener ({@link #directServers()}, advertised as itself) serves the producer that fills the topic, at
 * full speed. The relay's byte counts show which way the traffic went.
 */
final class RelayedKafka implements AutoCloseable {

    private static final String RELAYED = "RELAYED";

    private final DelayRelay relay;
    private final KafkaClusterTestKit cluster;

    private RelayedKafka(DelayRelay relay, KafkaClusterTestKit cluster) {
        this.relay = relay;
        this.cluster = cluster;
    }

    static RelayedKafka start() throws Exception {
        DelayRelay relay = DelayRelay.bind();
        try {
            // the test kit's own listeners keep their names and pre-bound ports; RELAYED binds its own ephemeral port
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("listeners",
                            "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + RELAYED + "://127.0.0.1:0")
                    .setConfigProp("advertised.listeners",
                            "EXTERNAL://localhost:0," + RELAYED + "://127.0.0.1:" + relay.port())
                    .setConfigProp("listener.security.protocol.map",
                            "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + RELAYED + ":PLAINTEXT")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            int port = cluster.brokers().values().iterator().next().socketServer()
                    .boundPort(new ListenerName(RELAYED));
            relay.relayTo(new InetSocketAddress("127.0.0.1", port));
            return new RelayedKafka(relay, cluster);
        } catch (Exception e) {
            relay.close();
            throw e;
        }
    }

    DelayRelay relay() {
        return relay;
    }

    /** The bootstrap address through the relay: every connection a client makes from it goes through the relay. */
    String relayedServers() {
        return "127.0.0.1:" + relay.port();
    }

    /** The bootstrap address of the ordinary listener, not relayed. */
    String directServers() {
        return cluster.bootstrapServers();
    }

    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** A producer on the direct listener, as {@code KafkaServer.producer()}: acknowledged, idempotent. */
    KafkaProducer<byte[], byte[]> producer() {
        return dev.onfailure.sources.KafkaServer.producer(directServers());
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            relay.close();
        }
    }
}
