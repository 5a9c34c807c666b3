package dev.onfailure.cli;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;

/** Jazzer target: formatting. Every order and layout writes back the same document, whatever the input. */
public final class FormatFuzzTarget {

    private static final WriteOptions SORTED = WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT);

    private FormatFuzzTarget() {
    }

    /** One input. */
    public static void fuzzerTestOneInput(byte[] data) {
        JsonValue doc;
        try {
            doc = Json.parse(data);
        } catch (ReadException e) {
            return;
        }
        String expected = Json.write(doc, SORTED);
        for (KeyOrder order : KeyOrder.values()) {
            for (Layout layout : Layout.values()) {
                String out = FormatCommand.write(doc, WriteOptions.of(order, layout));
                if (!Json.write(Json.parse(out), SORTED).equals(expected)) {
                    throw new AssertionError("format " + order + " " + layout + " lost something: " + out);
                }
            }
        }
    }
}
