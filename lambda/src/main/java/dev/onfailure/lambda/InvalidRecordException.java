package dev.onfailure.lambda;

/**
 * Thrown by the default {@link FailureRecordHandler#onInvalid} and {@link FailureRecordHandler#onUnavailable}: the
 * item fails, and its findings (or problem) have already been logged.
 */
public final class InvalidRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient OnFailureItem item;

    /** Creates the exception for {@code item}. */
    public InvalidRecordException(OnFailureItem item) {
        super(item.id().text() + " is " + item.status().name().toLowerCase(java.util.Locale.ROOT));
        this.item = item;
    }

    /** Returns the item. */
    public OnFailureItem item() {
        return item;
    }
}
