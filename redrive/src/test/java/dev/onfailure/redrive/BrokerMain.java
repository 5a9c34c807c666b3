package dev.onfailure.redrive;

import dev.onfailure.schema.Kind;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A broker to try the command against by hand: starts one, makes {@code orders-eu-west-1} (2 partitions, 20 awkward
 * records each) and {@code orders-replay}, writes an SQS and an S3 failure record for a batch of them into the
 * directory given, prints the bootstrap servers, and runs until killed.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        TestBroker broker = TestBroker.start();
        broker.createTopic("orders-eu-west-1", 2, Map.of());
        broker.createTopic("orders-replay", 2, Map.of());
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> p = broker.producer(Map.of())) {
            batch.addAll(Batches.produce(p, "orders-eu-west-1", 0, 20, 1).subList(5, 15));
            batch.addAll(Batches.produce(p, "orders-eu-west-1", 1, 20, 2).subList(0, 4));
        }
        RecordCodec codec = RecordCodec.defaults();
        for (Kind d : List.of(Kind.SQS_SNS, Kind.S3)) {
            KafkaFailureRecord r = Batches.failureRecords(batch, d, "316aa6d0-8154-4b1c-9af7-85d5f4a6bc81").get(0);
            Files.writeString(dir.resolve(d.id() + ".json"), codec.write(r));
        }
        System.out.println(broker.bootstrap());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
