package dev.onfailure.redrive;

/**
 * A situation that stops a fetch or a redrive: the cluster cannot be reached in time, a topic or partition does not
 * exist, a permission is missing, a checkpoint cannot be written. The message is one line meant for the user.
 *
 * <pre>{@code
 * try {
 *     fetcher.fetch(ranges);
 * } catch (RecoveryException e) {
 *     System.err.println("onfailure: " + e.getMessage());   // e.g. "topic orders-eu does not exist"
 * }
 * }</pre>
 */
public final class RecoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Returns an exception with the user-facing {@code message}. */
    public RecoveryException(String message) {
        super(message);
    }

    /** Returns an exception with the user-facing {@code message} and its {@code cause}. */
    public RecoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
