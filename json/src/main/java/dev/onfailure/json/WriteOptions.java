package dev.onfailure.json;

import java.util.Objects;

/**
 * How to write JSON: the {@link KeyOrder} and the {@link Layout}.
 *
 * <pre>{@code
 * Json.write(value, WriteOptions.of(KeyOrder.SORTED, Layout.PRETTY));
 * }</pre>
 *
 * @param order  the member order
 * @param layout compact or pretty
 */
public record WriteOptions(KeyOrder order, Layout layout) {

    /** Compact, in the order the value holds (AWS order for model records): the default. */
    public static final WriteOptions COMPACT = new WriteOptions(KeyOrder.AWS, Layout.COMPACT);

    /** Pretty, in the order the value holds. */
    public static final WriteOptions PRETTY = new WriteOptions(KeyOrder.AWS, Layout.PRETTY);

    /** Checks for nulls. */
    public WriteOptions {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(layout, "layout");
    }

    /** Returns the options for {@code order} and {@code layout}. */
    public static WriteOptions of(KeyOrder order, Layout layout) {
        return new WriteOptions(order, layout);
    }
}
