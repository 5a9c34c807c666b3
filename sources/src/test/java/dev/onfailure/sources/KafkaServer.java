package dev.onfailure.sources;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** One Kafka broker in KRaft mode (combined broker and controller), in-process, on ephemeral ports. */
public final class KafkaServer implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaServer(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaServer start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new KafkaServer(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** The controller listener (KRaft), which answers no client request a broker answers. */
    public String controllerListener() {
        return cluster.bootstrapControllers();
    }

    /**
     * Creates a topic and waits until the broker's metadata shows a leader for each partition: the controller has
     * the topic when creation returns, the broker a moment later, and a client asking it before then is told of no
     * such topic (a test that read at once failed so, now and then, under the load of the whole build).
     */
    public void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    var description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                    if (description.partitions().size() == partitions
                            && description.partitions().stream().allMatch(p -> p.leader() != null)) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // not in the broker's metadata yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " has no leader after 30 s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** A producer as Lambda would use one: acknowledged by the broker, idempotent. */
    public KafkaProducer<byte[], byte[]> producer() {
        return producer(bootstrapServers());
    }

    /** A producer as {@link #producer()} makes one, for the broker (or a relay in front of it) at {@code servers}. */
    public static KafkaProducer<byte[], byte[]> producer(String servers) {
        return producer(servers, "none");
    }

    /** A producer as {@link #producer()} makes one, its batches compressed with {@code compression} (gzip, zstd...). */
    public static KafkaProducer<byte[], byte[]> producer(String servers, String compression) {
        Properties p = new Properties();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "5"));
        return new KafkaProducer<>(p);
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
