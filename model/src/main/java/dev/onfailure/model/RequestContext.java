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

    RequestContext() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code requestContext}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code requestId}. */
        REQUEST_ID("requestId", Spec.required(JsonType.STRING)),
        /** {@code functionArn}. */
        FUNCTION_ARN("functionArn", Spec.required(JsonType.STRING)),
        /** {@code condition}. */
        CONDITION("condition", Spec.required(JsonType.STRING)),
        /** {@code approximateInvokeCount}. */
        APPROXIMATE_INVOKE_COUNT("approximateInvokeCount", Spec.required(JsonType.INTEGER));

        private final String jsonName;
        private final Spec spec;

        Members(String jsonName, Spec spec) {
            this.jsonName = jsonName;
            this.spec = spec;
        }

        @Override
        public String jsonName() {
            return jsonName;
        }

        @Override
        public Spec spec() {
            return spec;
        }
    }

    /** The member table of {@code requestContext}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("requestContext", Members.class);

    /** {@code requestId}: the invocation's request id, a UUID in practice. */
    @Value.Parameter
    public abstract String requestId();

    /** {@code functionArn}: the function's ARN, unqualified or qualified. */
    @Value.Parameter
    public abstract String functionArn();

    /** {@code condition}: why the batch was discarded. */
    @Value.Parameter
    public abstract Condition condition();

    /** {@code approximateInvokeCount}: how many times the batch was tried, approximately. */
    @Value.Parameter
    public abstract long approximateInvokeCount();

    /** Members the model does not know, in the order they were read. */
    public abstract Map<String, JsonValue> unknownFields();

    /**
     * Integer members written in another form than the canonical one ({@code 1.0}, {@code 2E0}, {@code -0}, which JSON
     * Schema counts as integers), by member name, as written; empty when every integer is canonical. The typed
     * accessors hold the values; writers write these forms back where they still denote the value.
     */
    public abstract Map<String, String> numberText();

    @Value.Check
    protected void check() {
        TABLE.checkUnknown(unknownFields());
        NumberTexts.check(numberText(), TABLE.integerNames(), "RequestContext");
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

        Builder() {
            // through builder()
        }
    }
}
