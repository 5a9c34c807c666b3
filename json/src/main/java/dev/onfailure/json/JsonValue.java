package dev.onfailure.json;

/**
 * An immutable JSON value that keeps everything a document said: number text as written, member order, and the
 * difference between {@code null} and an absent member.
 *
 * <p>It is the lossless layer under the typed model: fields the model does not know are kept as {@code JsonValue}s
 * and written back unchanged.
 *
 * <pre>{@code
 * JsonValue v = Json.parse("{\"n\": 1.50, \"s\": \"x\"}");
 * ((JsonObject) v).get("n");          // Optional[1.50]: a JsonNumber, its text kept
 * Json.write(v);                      // {"n":1.50,"s":"x"}
 * }</pre>
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** The JSON type name of this value: {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null}. */
    String typeName();
}
