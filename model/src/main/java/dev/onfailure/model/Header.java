package dev.onfailure.model;

import java.nio.charset.StandardCharsets;
import org.immutables.value.Value;

/**
 * One Kafka record header of an invocation event: {@code {"name": [104, 101, ...]}}. Values are <em>signed</em> bytes
 * (-128..127), as Lambda writes them; names may repeat within a record.
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

    /** Returns the header {@code name} with {@code value}. */
    public static Header of(String name, byte[] value) {
        return ImmutableHeader.of(name, value);
    }

    /** Returns the value decoded as UTF-8, with malformed bytes replaced. */
    public String valueAsUtf8() {
        return new String(value(), StandardCharsets.UTF_8);
    }
}
