/**
 * The lossless JSON layer: a tree that keeps number text, member order and null versus absent, read within limits.
 *
 * <pre>{@code
 * JsonValue doc = Json.parse(bytes);
 * String sorted = Json.write(doc, WriteOptions.of(KeyOrder.SORTED, Layout.PRETTY));
 * }</pre>
 */
module dev.onfailure.json {
    // transitive while ReadLimits.factory()/parser() show Jackson's types (issue 11 takes them out of the API)
    requires transitive com.fasterxml.jackson.core;

    exports dev.onfailure.json;
}
