package dev.onfailure.validator.internal;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.schema.SchemaCatalog;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns networknt's violations into {@code schema.<keyword>} findings whose messages a person understands: the member
 * named, and for "form" keywords (pattern, format, const, enum, propertyNames) the schema's own description of what is
 * expected instead of a regular expression.
 */
public final class SchemaFindings {

    private final Map<String, JsonValue> documents = new HashMap<>();

    private static final class Shared {
        static final SchemaFindings INSTANCE = new SchemaFindings();
    }

    /** Returns the process-wide instance. */
    public static SchemaFindings shared() {
        return Shared.INSTANCE;
    }

    /** Loads the schema documents, for their descriptions. */
    public SchemaFindings() {
        for (String resource : SchemaCatalog.resources()) {
            documents.put(SchemaCatalog.ID_PREFIX + resource.substring(SchemaCatalog.RESOURCE_PREFIX.length()),
                    Json.parse(SchemaCatalog.resourceText(resource)));
        }
    }

    /** Returns the finding for {@code v}, its pointer moved under {@code prefix}. */
    public Finding finding(SchemaEngine.Violation v, String prefix, String inside) {
        String keyword = v.keyword();
        String name = name(v.pointer());
        String detail;
        switch (keyword) {
            case "required":
                detail = name + " is missing the required member \"" + (v.property().isEmpty()
                        ? v.message() : v.property()) + "\"";
                break;
            case "pattern":
            case "format":
            case "const":
            case "enum":
            case "propertyNames": {
                String what = keyword.equals("propertyNames")
                        ? v.message().replaceFirst(": does not match the regex pattern .*$", "")
                        : keyword.equals("format")
                        // networknt: "does not match the date-time pattern must be a valid RFC 3339 date-time"
                        ? name + " " + v.message().replaceFirst("^does not match the \\S+ pattern must be (.*)$",
                                "is not $1")
                        : name + " " + v.message().replaceFirst("does not match the regex pattern .*$",
                                "does not have the expected form");
                detail = what + description(v.schemaLocation()).map(d -> " (expected: " + d + ")").orElse("");
                break;
            }
            case "additionalProperties":
            case "unevaluatedProperties":
                detail = name + ": " + v.message() + " (the strict profile admits no member the format does not define)";
                break;
            default:
                detail = name + ": " + v.message();
        }
        if (!inside.isEmpty()) {
            detail = "in the payload string at " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + detail;
        }
        return FindingCode.schema(keyword, inside.isEmpty() ? prefix + v.pointer() : prefix, detail);
    }

    /** Returns the description of the schema that holds the failed keyword, or of its parent. */
    Optional<String> description(String schemaLocation) {
        int hash = schemaLocation.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        JsonValue doc = documents.get(schemaLocation.substring(0, hash));
        String[] tokens = schemaLocation.substring(hash + 1).split("/");
        // the last token is the keyword itself; try the schema holding it, then its parents
        for (int end = tokens.length - 1; end > 0; end--) {
            JsonValue node = doc;
            for (int i = 1; i < end && node != null; i++) {
                String token = tokens[i].replace("~1", "/").replace("~0", "~");
                node = node instanceof JsonObject o ? o.get(token).orElse(null) : null;
            }
            if (node instanceof JsonObject o && o.get("description").orElse(null) instanceof JsonString s) {
                return Optional.of(s.value());
            }
        }
        return Optional.empty();
    }

    static String name(String pointer) {
        if (pointer.isEmpty()) {
            return "the record";
        }
        String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        return last.chars().allMatch(Character::isDigit) ? pointer : last;
    }
}
