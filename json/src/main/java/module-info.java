/**
 * The lossless JSON layer: a tree that keeps number text, member order and null versus absent, read within limits.
 *
 * <pre>{@code
 * JsonValue doc = Json.parse(bytes);
 * String sorted = Json.write(doc, WriteOptions.of(KeyOrder.SORTED, Layout.PRETTY));
 * }</pre>
 */
module dev.onfailure.json {
    // Jackson's streaming parser reads; none of its types is in this module's API
    requires com.fasterxml.jackson.core;

    exports dev.onfailure.json;
}
