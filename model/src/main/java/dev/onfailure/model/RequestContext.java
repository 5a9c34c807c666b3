package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code requestContext} of a failure record: which invocation failed, and why.
 *
 * <pre>{@code
 * RequestContext rc = RequestContext.builder()
 *         .requestId("316aa6d0-8154-4b1c-9af7-85d5f4a6bc81")
 *         .functionArn("arn:aws:lambda:us-east-1:123456789012:function:myfunction")
 *         .condition(Condition.RETRY_ATTEMPTS_EXHAUSTED)
 *         .approximateInvokeCount(1)
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class RequestContext permits ImmutableRequestContext {

    static final java.util.Set<String> NAMES =
            java.util.Set.of("requestId", "functionArn", "condition", "approximateInvokeCount");

    /** {@code requestId}: the invocation's request id, a UUID in practice. */
    public abstract String requestId();

    /** {@code functionArn}: the function's ARN, unqualified or qualified. */
    public abstract String functionArn();

    /** {@code condition}: why the batch was discarded. */
    public abstract Condition condition();

    /** {@code approximateInvokeCount}: how many times the batch was tried, approximately. */
    public abstract long approximateInvokeCount();

    /** Members the model does not know, in the order they were read. */
    public abstract Map<String, JsonValue> unknownFields();

    @Value.Check
    protected void check() {
        Members.checkUnknown(unknownFields(), NAMES, "requestContext");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this value. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link RequestContext}. */
    public static final class Builder extends ImmutableRequestContext.Builder {
    }
}
