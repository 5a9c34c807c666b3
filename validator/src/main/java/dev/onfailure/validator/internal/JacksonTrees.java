package dev.onfailure.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonBoolean;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Converts the lossless {@link JsonValue} tree to the Jackson tree the schema engine reads. Integers become exact
 * integer nodes of any size, other numbers exact decimals, so no value changes on the way.
 */
public final class JacksonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JacksonTrees() {
    }

    /** Returns {@code value} as a Jackson tree. */
    public static JsonNode toJackson(JsonValue value) {
        if (value instanceof JsonObject o) {
            ObjectNode node = NODES.objectNode();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                node.set(e.getKey(), toJackson(e.getValue()));
            }
            return node;
        }
        if (value instanceof JsonArray a) {
            ArrayNode node = NODES.arrayNode(a.size());
            for (JsonValue element : a.elements()) {
                node.add(toJackson(element));
            }
            return node;
        }
        if (value instanceof JsonString s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof JsonNumber n) {
            return number(n);
        }
        if (value instanceof JsonBoolean b) {
            return NODES.booleanNode(b.value());
        }
        return NODES.nullNode();
    }

    private static JsonNode number(JsonNumber n) {
        var exact = n.longValueExact();
        if (exact.isPresent()) {
            long v = exact.getAsLong();
            return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
        }
        if (n.isIntegral()) {
            return NODES.numberNode(new BigInteger(n.text()));
        }
        // An exponent such as 1e999999999 is a legal JSON number, but as a BigDecimal any arithmetic on it would take
        // forever (and beyond int range it does not even parse); as a double it is Infinity or 0, which every schema
        // keyword handles at once. No field of our schemas holds a fraction, so nothing is lost that a check uses.
        if (Math.abs(exponent(n.text())) > MAX_EXACT_EXPONENT) {
            return NODES.numberNode(Double.parseDouble(n.text()));
        }
        return NODES.numberNode(new BigDecimal(n.text()));
    }

    /** The largest exponent a number keeps exactly (as a BigDecimal) on its way to the schema engine. */
    static final long MAX_EXACT_EXPONENT = 400;

    /** Returns the exponent of a JSON number's text, saturated at Long.MAX_VALUE; 0 when it has none. */
    static long exponent(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return 0;
        }
        int i = e + 1;
        boolean negative = false;
        if (text.charAt(i) == '+' || text.charAt(i) == '-') {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        for (; i < text.length(); i++) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return negative ? -Long.MAX_VALUE : Long.MAX_VALUE;
            }
        }
        return negative ? -value : value;
    }
}
