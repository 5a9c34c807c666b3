package dev.onfailure.redrive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A redrive in a process of its own, to be killed: fetches partitions 0 and 1 of a topic whole and redrives them to
 * a target, sending one record every few milliseconds so that a kill lands mid-way.
 * Arguments: bootstrap, source topic, target topic, checkpoint, milliseconds between sends.
 */
public final class RedriveChild {

    private RedriveChild() {
    }

    public static void main(String[] args) {
        long pause = Long.parseLong(args[4]);
        Redriver.builder().config(Map.of("bootstrap.servers", args[0])).target(Target.topic(args[2]))
                .checkpoint(Path.of(args[3]))
                .producers(c -> new KafkaProducer<byte[], byte[]>(c) {
                    @Override
                    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return super.send(record, callback);
                    }
                })
                .build().redrive(records(args[0], args[1]));
    }

    static List<RedriveRecord> records(String bootstrap, String topic) {
        List<RedriveRecord> out = new ArrayList<>();
        try (RangeFetcher f = RangeFetcher.connect(Map.of("bootstrap.servers", bootstrap), Duration.ofSeconds(30))) {
            List<FetchRange> ranges = List.of(
                    new FetchRange("req-kill", new dev.onfailure.model.TopicPartition(topic, 0), 0, 1499, 1500,
                            FetchRange.Basis.SPAN),
                    new FetchRange("req-kill", new dev.onfailure.model.TopicPartition(topic, 1), 0, 1499, 1500,
                            FetchRange.Basis.SPAN));
            for (FetchedRange r : f.fetch(ranges)) {
                r.records().forEach(c -> out.add(new RedriveRecord("req-kill", c)));
            }
        }
        return out;
    }
}
