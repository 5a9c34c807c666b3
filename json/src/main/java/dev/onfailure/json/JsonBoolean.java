package dev.onfailure.json;

/** The JSON literals {@code true} and {@code false}. */
public enum JsonBoolean implements JsonValue {
    /** {@code false}. */
    FALSE,
    /** {@code true}. */
    TRUE;

    /** Returns the literal for {@code value}. */
    public static JsonBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Returns this literal as a Java boolean. */
    public boolean value() {
        return this == TRUE;
    }

    @Override
    public String typeName() {
        return "boolean";
    }
}
