package dev.onfailure.lambda;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails an invocation whose event source has no partial batch response (SNS, S3), after every item was tried: Lambda
 * retries the event, then sends it to the function's own on-failure destination. The message names the failed items.
 */
public final class FailedItemsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ItemId> failed;

    /** Creates the exception naming {@code failed}. */
    public FailedItemsException(List<ItemId> failed) {
        super(failed.size() + " failure record(s) not processed: "
                + failed.stream().map(ItemId::text).collect(Collectors.joining(", ")));
        this.failed = List.copyOf(failed);
    }

    /** Returns the failed items, in event order. */
    public List<ItemId> failed() {
        return failed;
    }
}
