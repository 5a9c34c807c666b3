package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code responseContext} of a failure record: what the function returned on its last try.
 *
 * <pre>{@code
 * ResponseContext.builder().statusCode(200).executedVersion(JsonField.of("$LATEST"))
 *         .functionError(JsonField.of("Unhandled")).build();
 * }</pre>
 */
@Value.Immutable
public abstract sealed class ResponseContext permits ImmutableResponseContext {

    static final java.util.Set<String> NAMES = java.util.Set.of("statusCode", "executedVersion", "functionError");

    /** {@code statusCode}: 200 even when the function failed. */
    public abstract int statusCode();

    /** {@code executedVersion}: {@code $LATEST} or a version number. */
    @Value.Default
    public JsonField<String> executedVersion() {
        return JsonField.absent();
    }

    /** {@code functionError}: {@code Unhandled} or {@code Handled}. */
    @Value.Default
    public JsonField<String> functionError() {
        return JsonField.absent();
    }

    /** Members the model does not know, in the order they were read. */
    public abstract Map<String, JsonValue> unknownFields();

    @Value.Check
    protected void check() {
        Members.checkUnknown(unknownFields(), NAMES, "responseContext");
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this value. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ResponseContext}. */
    public static final class Builder extends ImmutableResponseContext.Builder {
    }
}
