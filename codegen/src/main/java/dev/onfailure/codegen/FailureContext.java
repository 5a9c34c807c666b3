package dev.onfailure.codegen;

import dev.onfailure.model.Condition;
import dev.onfailure.model.JsonField;
import dev.onfailure.model.ResponseContext;
import java.time.Instant;
import java.util.Objects;

/**
 * What Lambda knows of a failed invocation besides the batch: why it failed, which function, which request, how many
 * tries, what the function returned, and when. Every value is given, so building is deterministic.
 *
 * <pre>{@code
 * FailureContext ctx = new FailureContext(Condition.RETRY_ATTEMPTS_EXHAUSTED,
 *         "arn:aws:lambda:us-east-1:123456789012:function:f", "316aa6d0-8154-4b1c-9af7-85d5f4a6bc81", 3,
 *         JsonField.of(ResponseContext.builder().statusCode(200).executedVersion(JsonField.of("$LATEST"))
 *                 .functionError(JsonField.of("Unhandled")).build()),
 *         Instant.parse("2024-05-01T10:00:00.000Z"));
 * }</pre>
 *
 * @param condition              why the batch was discarded
 * @param functionArn            the function's ARN
 * @param requestId              the invocation's request id
 * @param approximateInvokeCount how many times the batch was tried
 * @param response               what the function returned: an object, null, or absent
 * @param time                   when the record is made; written with millisecond precision
 */
public record FailureContext(Condition condition, String functionArn, String requestId, long approximateInvokeCount,
        JsonField<ResponseContext> response, Instant time) {

    /**
     * Returns a context whose time comes from {@code clock} and request id from {@code ids}: inject fixed ones for
     * deterministic output, {@code Clock.systemUTC()} and {@code UUID::randomUUID} to act like Lambda.
     */
    public static FailureContext of(Condition condition, String functionArn, long approximateInvokeCount,
            JsonField<ResponseContext> response, java.time.Clock clock, java.util.function.Supplier<java.util.UUID> ids) {
        return new FailureContext(condition, functionArn, ids.get().toString(), approximateInvokeCount, response,
                clock.instant());
    }

    /** Checks for nulls and a negative invoke count (the schemas' minimum is 0). */
    public FailureContext {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(time, "time");
        if (approximateInvokeCount < 0) {
            throw new IllegalArgumentException("approximateInvokeCount must not be negative: " + approximateInvokeCount);
        }
    }
}
