package dev.onfailure.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * One Kafka record header of an invocation event: {@code {"name": [104, 101, ...]}}. Values are <em>signed</em> bytes
 * (-128..127), as Lambda writes them; names may repeat within a record. Some tools write them unsigned (0..255, as the
 * Go emulator gopherstack does) or in other integer forms; {@link #valueText()} keeps those numbers as written.
 *
 * <pre>{@code
 * Header h = Header.of("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
 * h.valueAsUtf8();     // "00-abc"
 * }</pre>
 */
@Value.Immutable
public abstract sealed class Header permits ImmutableHeader {

    Header() {
        // sealed: only the generated class extends it
    }

    /** The header name. */
    @Value.Parameter
    public abstract String name();

    /** The header value; a copy on every call. */
    @Value.Parameter
    public abstract byte[] value();

    /**
     * The value's numbers as written, when any is not the byte's signed canonical form (above 127, such as 200 for
     * -56, or {@code 1.0}); empty otherwise. Writers write these back when there is one per byte.
     */
    @Value.Default
    public java.util.List<String> valueText() {
        return java.util.List.of();
    }

    /** Returns true if the value was written with a number above 127: unsigned bytes, where AWS sends signed ones. */
    public boolean isUnsigned() {
        for (String t : valueText()) {
            java.util.OptionalLong v = new dev.onfailure.json.JsonNumber(t).integralValue();
            if (v.isPresent() && v.getAsLong() > 127) {
                return true;
            }
        }
        return false;
    }

    /** Returns the header {@code name} with {@code value}. */
    public static Header of(String name, byte[] value) {
        return ImmutableHeader.of(name, Objects.requireNonNull(value, "value"));
    }

    /** Returns the value decoded as UTF-8, with malformed bytes replaced. */
    public String valueAsUtf8() {
        return new String(value(), StandardCharsets.UTF_8);
    }
}
