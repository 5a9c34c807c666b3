package dev.onfailure.json;

/** The JSON literal {@code null}: a member that is present with no value, unlike an absent member. */
public enum JsonNull implements JsonValue {
    /** The only instance. */
    INSTANCE;

    @Override
    public String typeName() {
        return "null";
    }
}
