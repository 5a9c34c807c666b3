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
        // A number written with a fraction or an exponent. JSON Schema's "integer" is any number whose value is whole
        // (1.0, 1E19), so a whole value becomes an integer node: networknt compares a decimal node with negative scale
        // as a long, so 1E19 failed "minimum" and 1E20 passed "maximum" (and the model then could not bind it).
        // An exponent such as 1e999999999 is a legal JSON number, but expanded it would take forever (and beyond int
        // range it does not even parse as a BigDecimal): a value more than MAX_EXACT_EXPONENT digits from the point
        // becomes a stand-in of the same sign and the same wholeness, beyond every bound our schemas name (no field
        // holds a fraction, and every bound is an int64), so each keyword gives the value's own verdict.
        BigDecimal d;
        try {
            d = new BigDecimal(n.text());
        } catch (NumberFormatException e) {
            String mantissa = n.text().split("[eE]", 2)[0];
            if (mantissa.chars().noneMatch(c -> c >= '1' && c <= '9')) {
                return NODES.numberNode(0);
            }
            return standIn(mantissa.startsWith("-") ? -1 : 1, exponent(n.text()) > 0);
        }
        if (d.signum() == 0) {
            return NODES.numberNode(0);
        }
        long integerDigits = (long) d.precision() - d.scale();
        if (integerDigits > MAX_EXACT_EXPONENT) {
            return standIn(d.signum(), isWhole(d));
        }
        if (integerDigits < -MAX_EXACT_EXPONENT) {
            return standIn(d.signum(), false);
        }
        return isWhole(d) ? NODES.numberNode(d.toBigIntegerExact()) : NODES.numberNode(d);
    }

    /** Whether a nonzero decimal is a whole number; stripping zeros costs one division per zero, at most its digits. */
    private static boolean isWhole(BigDecimal d) {
        return d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** A value of {@code signum}'s sign further from zero (whole) or nearer to it (not whole) than any bound. */
    private static JsonNode standIn(int signum, boolean whole) {
        BigDecimal magnitude = whole ? BigDecimal.TEN.pow((int) MAX_EXACT_EXPONENT + 1)
                : BigDecimal.ONE.movePointLeft((int) MAX_EXACT_EXPONENT + 1);
        BigDecimal value = signum < 0 ? magnitude.negate() : magnitude;
        return whole ? NODES.numberNode(value.toBigIntegerExact()) : NODES.numberNode(value);
    }

    /** How many digits from the point a number keeps exactly on its way to the schema engine. */
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
