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

    ResponseContext() {
        // sealed: only the generated class extends it
    }

    /** The members of {@code responseContext}, in the order AWS writes them. */
    public enum Members implements Member {
        /** {@code statusCode}. */
        STATUS_CODE("statusCode", Spec.required(JsonType.INTEGER)),
        /** {@code executedVersion}. */
        EXECUTED_VERSION("executedVersion", Spec.optional(JsonType.STRING).strictlyRequired()),
        /** {@code functionError}. */
        FUNCTION_ERROR("functionError", Spec.optional(JsonType.STRING));

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

    /** The member table of {@code responseContext}. */
    public static final MemberTable<Members> TABLE = MemberTable.of("responseContext", Members.class);

    /** {@code statusCode}: 200 even when the function failed. */
    @Value.Parameter
    public abstract int statusCode();

    /** {@code executedVersion}: {@code $LATEST} or a version number. */
    @Value.Default
    @Value.Parameter
    public JsonField<String> executedVersion() {
        return JsonField.absent();
    }

    /** {@code functionError}: {@code Unhandled} or {@code Handled}. */
    @Value.Default
    @Value.Parameter
    public JsonField<String> functionError() {
        return JsonField.absent();
    }

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
        NumberTexts.check(numberText(), TABLE.integerNames(), "ResponseContext");
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

        Builder() {
            // through builder()
        }
    }
}
