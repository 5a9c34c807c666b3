package dev.onfailure.sources;

/**
 * A source cannot be read at all: a bucket, queue or topic that does not exist, credentials that are refused, an
 * endpoint or broker that does not answer. The message is one line for people and names the location or endpoint,
 * such as {@code s3://dlq-bucket: no such bucket (at http://127.0.0.1:9000)}.
 *
 * <p>Problems with one document (an object deleted between listing and reading, a Kafka message without a value)
 * are not exceptions: they arrive as a {@link Document} with a {@link Document#problem()}.
 */
public final class SourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;

    SourceException(String location, String problem, Throwable cause) {
        super(location + ": " + oneLine(problem), cause);
        this.location = location;
    }

    SourceException(String location, String problem) {
        this(location, problem, null);
    }

    /** Returns the location (or endpoint) the problem is about. */
    public String location() {
        return location;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
