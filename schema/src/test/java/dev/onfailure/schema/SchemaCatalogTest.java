package dev.onfailure.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema documents themselves: ids, references, descriptions, and nothing Java-specific. */
final class SchemaCatalogTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void everyDocument_parses_andDeclaresItsIdAndDialect() throws Exception {
        assertThat(SchemaCatalog.resources()).hasSize(10);
        for (String resource : SchemaCatalog.resources()) {
            JsonNode doc = MAPPER.readTree(SchemaCatalog.resourceText(resource));
            assertThat(doc.path("$schema").asText()).as(resource)
                    .isEqualTo("https://json-schema.org/draft/2020-12/schema");
            String id = doc.path("$id").asText();
            assertThat(id).as(resource).startsWith(SchemaCatalog.ID_PREFIX);
            assertThat(SchemaCatalog.resourceForId(id)).as(resource).contains(resource);
            assertThat(doc.path("title").asText()).as(resource).isNotBlank();
            assertThat(doc.path("description").asText()).as(resource).isNotBlank();
        }
    }

    @Test
    void everyProperty_hasADescription() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String resource : SchemaCatalog.resources()) {
            walk(MAPPER.readTree(SchemaCatalog.resourceText(resource)), resource + "#", missing);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyReference_isRelativeOrOurs() throws Exception {
        for (String resource : SchemaCatalog.resources()) {
            List<String> refs = new ArrayList<>();
            collect(MAPPER.readTree(SchemaCatalog.resourceText(resource)), "$ref", refs);
            for (String ref : refs) {
                assertThat(ref).as(resource).doesNotStartWith("http").doesNotStartWith("classpath");
                String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                if (!file.isEmpty()) {
                    String target = resource.substring(0, resource.lastIndexOf('/') + 1) + file;
                    target = target.replaceAll("[^/]+/\\.\\./", "");
                    assertThat(SchemaCatalog.resources()).as(resource + " -> " + ref).contains(target);
                }
            }
        }
    }

    @Test
    void catalogue_mapsKindsAndProfiles() {
        assertThat(SchemaCatalog.id(Kind.S3, Profile.STRICT).toString())
                .isEqualTo("https://onfailure.dev/schemas/strict/kafka.s3.json");
        assertThat(SchemaCatalog.resource(Kind.EVENT, Profile.TOLERANT))
                .isEqualTo("dev/onfailure/schema/tolerant/kafka.event.json");
        assertThat(Kind.fromId("kafka.topic")).contains(Kind.TOPIC);
        assertThat(Profile.fromId("STRICT")).contains(Profile.STRICT);
        assertThat(SchemaCatalog.resourceForId("https://example.com/x.json")).isEmpty();
        assertThat(SchemaCatalog.resourceForId(SchemaCatalog.ID_PREFIX + "tolerant/nope.json")).isEmpty();
        assertThat(SchemaCatalog.text(Kind.SQS_SNS, Profile.TOLERANT)).contains("\"$id\"");
    }

    @Test
    void conditionResponseRule_isExpressedWithIfThen() {
        // Tolerant: only what AWS's text states (MaximumPayloadSizeExceeded: null); strict adds what is inferred.
        String common = SchemaCatalog.resourceText("dev/onfailure/schema/tolerant/kafka.common.json");
        assertThat(common).contains("\"conditionResponse\"").contains("\"if\"").contains("\"then\"")
                .contains("\"MaximumPayloadSizeExceeded\"");
        String strict = SchemaCatalog.resourceText("dev/onfailure/schema/strict/kafka.common.json");
        assertThat(strict).contains("\"conditionResponse\"").contains("\"RetryAttemptsExhausted\"")
                .contains("\"RetriesExhausted\"");
    }

    /** Every schema under "properties" must carry a description, at any depth. */
    private static void walk(JsonNode node, String path, List<String> missing) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                for (Map.Entry<String, JsonNode> e : props.properties()) {
                    if (!e.getValue().has("description")) {
                        missing.add(path + "/properties/" + e.getKey());
                    }
                }
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                walk(e.getValue(), path + "/" + e.getKey(), missing);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, missing);
            }
        }
    }

    private static void collect(JsonNode node, String key, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals(key) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                }
                collect(e.getValue(), key, out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, key, out));
        }
    }
}
