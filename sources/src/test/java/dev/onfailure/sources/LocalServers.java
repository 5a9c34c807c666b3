package dev.onfailure.sources;

import dev.onfailure.schema.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts the tests' servers for trying the command by hand: S3Proxy (bucket {@code failures}), ElasticMQ (queue
 * {@code failures}) and a KRaft broker (topic {@code failures}), each holding the tests' corpus, and prints the
 * commands to run. The credentials are in {@link TestAws}: export them as {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}. Runs until killed.
 *
 * <pre>{@code
 * scripts/local-servers
 * }</pre>
 */
public final class LocalServers {

    private LocalServers() {
    }

    public static void main(String[] args) throws Exception {
        S3Server s3Server = S3Server.start();
        SqsServer sqsServer = SqsServer.start();
        // Kafka's storage formatter prints its metadata to standard output, ahead of the lines to copy
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        KafkaServer kafka;
        try {
            kafka = KafkaServer.start();
        } finally {
            System.setOut(out);
        }
        try (S3Client s3 = s3Server.client(); SqsClient sqs = sqsServer.client();
                KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            s3.createBucket(b -> b.bucket("failures"));
            int i = 0;
            for (Map.Entry<String, byte[]> e : Corpus.of(Kind.S3).entrySet()) {
                String key = String.format("aws/lambda/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/orders-0/2026/11/30/"
                        + "2026-11-30T10.00.%02d-%s", i++ % 60, e.getKey());
                s3.putObject(b -> b.bucket("failures").key(key), RequestBody.fromBytes(e.getValue()));
            }
            String url = sqs.createQueue(b -> b.queueName("failures")).queueUrl();
            for (byte[] body : Corpus.of(Kind.SQS_SNS).values()) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(new String(body, StandardCharsets.UTF_8)));
            }
            kafka.createTopic("failures", 2);
            for (byte[] value : Corpus.of(Kind.TOPIC).values()) {
                producer.send(new ProducerRecord<>("failures", null, value)).get();
            }
        }
        System.out.println("export AWS_ACCESS_KEY_ID=" + TestAws.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
                + TestAws.SECRET_KEY + " AWS_REGION=us-east-1");
        System.out.println("onfailure validate --endpoint-url " + s3Server.endpoint() + " s3://failures/aws/lambda/");
        System.out.println("onfailure validate --endpoint-url " + sqsServer.endpoint() + " sqs://failures");
        System.out.println("onfailure validate --bootstrap-server " + kafka.bootstrapServers() + " kafka://failures");
        System.out.flush();
        Thread.currentThread().join();
    }
}
