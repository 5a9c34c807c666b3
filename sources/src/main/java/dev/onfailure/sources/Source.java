package dev.onfailure.sources;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The documents at a {@link Location}, read once, in a stable order: S3 objects in key order, SQS messages as
 * received, Kafka messages partition by partition in offset order. Open one with {@link #open(Location, SourceOptions)}
 * and close it when done (it holds connections and threads).
 *
 * <p>Reading never changes what it reads: S3 objects are only listed and fetched; Kafka is read with {@code assign}
 * and {@code seek}, never as a member of a consumer group, and no offset is committed; SQS messages are received and
 * left in the queue, where they become visible again after the queue's visibility timeout (a second run sees them
 * again), unless {@link #delete(Document)} is called for them.
 *
 * <pre>{@code
 * Validator validator = Validator.create();
 * try (Source source = Source.open(Location.parse("s3://dlq-bucket/aws/lambda/"), SourceOptions.defaults())) {
 *     source.stream().forEach(d -> System.out.println(d.origin().source() + " " + d.problem()
 *             .orElseGet(() -> validator.validate(d.bytes()).valid() ? "valid" : "invalid")));
 * } catch (SourceException e) {
 *     System.err.println(e.getMessage());      // one line, naming the location or endpoint
 * }
 * }</pre>
 */
public sealed interface Source extends AutoCloseable permits S3Source, SqsSource, KafkaSource {

    /**
     * Opens {@code location}. Nothing is read yet: connections are made on the first {@code hasNext()}.
     *
     * @throws SourceException when the options cannot work for this location (a Kafka location with no bootstrap
     *                         server, a client properties file that cannot be read)
     */
    static Source open(Location location, SourceOptions options) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(options, "options");
        if (location instanceof Location.S3 s3) {
            return new S3Source(s3, options);
        }
        if (location instanceof Location.Sqs sqs) {
            return new SqsSource(sqs, options);
        }
        return new KafkaSource((Location.Kafka) location, options);
    }

    /** Returns the location read. */
    Location location();

    /**
     * Returns the documents, read lazily; call it once. {@code hasNext()} and {@code next()} throw
     * {@link SourceException} when the location cannot be read (no such bucket, credentials refused, no answer).
     */
    Iterator<Document> documents();

    /** Returns {@link #documents()} as a sequential stream. */
    default Stream<Document> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Returns how far reading has got, for progress lines. */
    Counts counts();

    /**
     * Deletes an SQS message read from this source. Call it only once the message's result is safely written: a
     * message deleted is gone.
     *
     * @throws UnsupportedOperationException for S3 and Kafka sources, which are never changed
     * @throws SourceException               when the queue refuses
     */
    void delete(Document document);

    /** Releases connections and threads. */
    @Override
    void close();

    /**
     * How far reading has got.
     *
     * @param listed  objects listed (S3; a zero-byte "folder/" marker is not counted) or messages received (SQS,
     *                Kafka)
     * @param fetched documents handed out
     */
    record Counts(long listed, long fetched) {
    }
}
