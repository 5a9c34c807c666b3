package dev.onfailure.model;

/**
 * The JSON types a member of a record may have, as its JSON Schema's {@code type} keyword names them.
 *
 * <pre>{@code
 * RequestContext.TABLE.spec(RequestContext.Members.APPROXIMATE_INVOKE_COUNT).types(false);   // [INTEGER]
 * }</pre>
 */
public enum JsonType {
    /** A JSON string. */
    STRING,
    /** A JSON number without fraction or exponent. */
    INTEGER,
    /** A JSON object. */
    OBJECT,
    /** A JSON array. */
    ARRAY,
    /** The JSON literal {@code null}. */
    NULL;

    /** Returns the name JSON Schema uses: {@code "string"}, {@code "integer"}, ... */
    public String schemaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
