package dev.onfailure.sources;

import java.util.Objects;
import java.util.Optional;

/**
 * One document read from a source: its bytes (at most the document limit plus one byte, so that the validator reports
 * an over-long document as {@code json.limit} without all of it ever being read) and where it came from; or, when that
 * one document could not be read, why.
 *
 * <pre>{@code
 * if (document.problem().isPresent()) {
 *     System.err.println(document.origin().source() + ": " + document.problem().get());
 * } else {
 *     DocumentReport report = validator.validate(document.bytes());
 * }
 * }</pre>
 */
public final class Document {

    private final byte[] bytes;
    private final Origin origin;
    private final Optional<String> problem;
    /** The SQS receipt handle, for {@link Source#delete(Document)}; empty for other sources. */
    private final Optional<String> receipt;

    private Document(byte[] bytes, Origin origin, Optional<String> problem, Optional<String> receipt) {
        this.bytes = bytes;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.problem = problem;
        this.receipt = receipt;
    }

    static Document of(byte[] bytes, Origin origin) {
        return new Document(bytes, origin, Optional.empty(), Optional.empty());
    }

    static Document message(byte[] bytes, Origin origin, String receiptHandle) {
        return new Document(bytes, origin, Optional.empty(), Optional.of(receiptHandle));
    }

    static Document unreadable(Origin origin, String problem) {
        return new Document(new byte[0], origin, Optional.of(SourceException.oneLine(problem)), Optional.empty());
    }

    /**
     * Returns the document's bytes (not copied: do not change them). Empty when {@link #problem()} is present; one
     * byte longer than the document limit when the document is over it.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** Returns where the document came from. */
    public Origin origin() {
        return origin;
    }

    /** Returns why this one document could not be read, or empty when it was. */
    public Optional<String> problem() {
        return problem;
    }

    Optional<String> receipt() {
        return receipt;
    }

    @Override
    public String toString() {
        return origin.source() + problem.map(p -> " (" + p + ")").orElse(" (" + bytes.length + " bytes)");
    }
}
