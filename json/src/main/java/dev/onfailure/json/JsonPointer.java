package dev.onfailure.json;

import java.util.Objects;

/**
 * RFC 6901 JSON Pointer helpers.
 *
 * <pre>{@code
 * JsonPointer.append("/KafkaBatchInfo/recordsInfo", "a/b~c");   // "/KafkaBatchInfo/recordsInfo/a~1b~0c"
 * }</pre>
 */
public final class JsonPointer {

    private JsonPointer() {
    }

    /** Returns {@code pointer} followed by the reference token for {@code name}. */
    public static String append(String pointer, String name) {
        return Objects.requireNonNull(pointer, "pointer") + "/" + escape(name);
    }

    /** Returns {@code pointer} followed by the reference token for array index {@code index}. */
    public static String append(String pointer, int index) {
        return Objects.requireNonNull(pointer, "pointer") + "/" + index;
    }

    /** Escapes a member name as a reference token: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
    public static String escape(String name) {
        if (Objects.requireNonNull(name, "name").indexOf('~') < 0 && name.indexOf('/') < 0) {
            return name;
        }
        return name.replace("~", "~0").replace("/", "~1");
    }
}
