package dev.onfailure.model;

import dev.onfailure.json.JsonValue;
import java.util.Map;
import java.util.Set;

/** Checks shared by the model's values. */
final class Members {

    private Members() {
    }

    /** Unknown members may not shadow a known one: the writer would write the name twice. */
    static void checkUnknown(Map<String, JsonValue> unknown, Set<String> known, String where) {
        for (String name : unknown.keySet()) {
            if (known.contains(name)) {
                throw new IllegalStateException("unknownFields of " + where + " holds the known member \"" + name
                        + "\"; set it through its accessor");
            }
        }
    }
}
