package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.schema.Profile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Walks the whole catalogue. */
final class FindingCodeTest {

    @Test
    void everyCode_isUnique_namespaced_andFormatsItsTemplate() {
        Set<String> ids = new HashSet<>();
        for (FindingCode code : FindingCode.values()) {
            assertThat(ids.add(code.id())).as(code.id()).isTrue();
            assertThat(code.id()).matches("(json|record|schema|kafka|envelope)\\.[a-z0-9<>-]+");
            assertThat(FindingCode.fromId(code.id())).contains(code);
            if (code == FindingCode.SCHEMA) {
                continue;
            }
            Map<String, String> args = new HashMap<>();
            Matcher m = Pattern.compile("\\{(\\w+)}").matcher(code.template());
            while (m.find()) {
                args.put(m.group(1), "<" + m.group(1) + ">");
            }
            for (Profile p : Profile.values()) {
                Finding f = code.finding(p, "/x", args);
                assertThat(f.code()).isEqualTo(code.id());
                assertThat(f.severity()).isEqualTo(code.severity(p));
                assertThat(f.message()).doesNotContain("{").isNotBlank();
                args.keySet().forEach(k -> assertThat(f.message()).contains("<" + k + ">"));
            }
        }
    }

    @Test
    void readme_listsTheWholeCatalogue_withItsSeverities() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        for (FindingCode code : FindingCode.values()) {
            String row = readme.lines().filter(l -> l.startsWith("| `" + code.id() + "`")).findFirst().orElse("");
            assertThat(row).as("README row for %s", code.id()).isNotEmpty();
            // columns: code, meaning, tolerant, strict, what it rests on (AWS's text or inference)
            assertThat(row).as(code.id()).contains("| " + code.severity(Profile.TOLERANT).id() + " | "
                    + code.severity(Profile.STRICT).id() + " | ");
        }
    }

    @Test
    void severities_matchTheDocumentedTable() {
        assertThat(FindingCode.OFFSET_INT64.severity(Profile.TOLERANT)).isEqualTo(Severity.WARNING);
        assertThat(FindingCode.OFFSET_INT64.severity(Profile.STRICT)).isEqualTo(Severity.ERROR);
        assertThat(FindingCode.PAYLOAD_NOT_EVENT.severity(Profile.TOLERANT)).isEqualTo(Severity.WARNING);
        assertThat(FindingCode.REQUEST_ID.severity(Profile.STRICT)).isEqualTo(Severity.ERROR);
        assertThat(FindingCode.TIMESTAMP_ORDER.severity(Profile.STRICT)).isEqualTo(Severity.WARNING);
        assertThat(FindingCode.PAYLOAD_SIZE.severity(Profile.STRICT)).isEqualTo(Severity.WARNING);
        assertThat(FindingCode.UNKNOWN_CONDITION.severity(Profile.STRICT)).isEqualTo(Severity.WARNING);
        for (FindingCode c : new FindingCode[] {FindingCode.JSON_SYNTAX, FindingCode.CONDITION_RESPONSE,
                FindingCode.OFFSET_ORDER, FindingCode.TOPIC_PARTITION_KEY, FindingCode.PAYLOAD_MISMATCH,
                FindingCode.ENVELOPE_MESSAGE_NOT_JSON}) {
            assertThat(c.severity(Profile.TOLERANT)).isEqualTo(Severity.ERROR);
        }
    }

    @Test
    void schemaFamily_andMissingArguments() {
        Finding f = FindingCode.schema("required", "", "the record is missing the required member \"version\"");
        assertThat(f.code()).isEqualTo("schema.required");
        assertThat(FindingCode.fromId("schema.anything")).contains(FindingCode.SCHEMA);
        assertThat(FindingCode.fromId("nope")).isEmpty();
        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "", Map.of("first", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p",
                Map.of("first", "1300", "last", "1200", "key", "orders-eu-3")).message())
                .isEqualTo("firstRecordOffset 1300 is after lastRecordOffset 1200 in orders-eu-3");
        assertThat(FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p",
                Map.of("first", "$1 \\", "last", "2", "key", "k")).message()).startsWith("firstRecordOffset $1 \\ is");
    }

    @Test
    void namesAndValues_makeTheSameFindingAsAMap() {
        Finding fromMap = FindingCode.OFFSET_ORDER.finding(Profile.STRICT, "/p",
                Map.of("first", "1300", "last", "1200", "key", "orders-eu-3"));
        Finding fromPairs = FindingCode.OFFSET_ORDER.finding(Profile.STRICT, "/p",
                "key", "orders-eu-3", "first", "1300", "last", "1200");
        assertThat(fromPairs).isEqualTo(fromMap).hasSameHashCodeAs(fromMap);
        assertThat(fromPairs.message()).isEqualTo(fromMap.message());
        assertThat(fromPairs.args()).containsExactly(Map.entry("key", "orders-eu-3"), Map.entry("first", "1300"),
                Map.entry("last", "1200"));
        assertThat(fromPairs.withSeverity(Severity.WARNING).args()).isEqualTo(fromPairs.args());

        String[] given = {"first", "1", "last", "2", "key", "k", "extra", "x".repeat(10_000)};
        Finding capped = FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "", given);
        given[1] = "changed";
        assertThat(capped.args()).containsEntry("first", "1").containsEntry("extra", FindingCode.cap("x".repeat(10_000)));
        assertThat(capped.args().get("extra")).hasSizeLessThanOrEqualTo(FindingCode.MAX_ARGUMENT);

        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "", "first", "1", "last"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "",
                "first", "1", "first", "2", "last", "3", "key", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "", "first", "1", "last", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> FindingCode.SCHEMA.finding(Profile.TOLERANT, "", "detail", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesThatPassedOnce_areTrustedOnlyWhileTheyAreTheSameStrings() {
        Finding first = FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", "1", "last", "2", "key", "k");
        Finding again = FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", "1", "last", "2", "key", "k");
        assertThat(again).isEqualTo(first);
        // the same names: values are still checked and capped at every call
        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", null, "last", "2",
                "key", "k")).isInstanceOf(NullPointerException.class);
        assertThat(FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", "9".repeat(10_000), "last", "2",
                "key", "k").args().get("first")).hasSizeLessThanOrEqualTo(FindingCode.MAX_ARGUMENT);
        // other names (equal text in other strings, a repeat, one left out) are checked in full
        assertThat(FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", new String("first"), "1", "last", "2",
                "key", "k")).isEqualTo(first);
        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", "1", "first", "2",
                "key", "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", "1", "last", "2",
                "kye", "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing argument key");
        assertThat(FindingCode.OFFSET_ORDER.finding(Profile.TOLERANT, "/p", "first", "1", "last", "2", "key", "k"))
                .isEqualTo(first);
    }
}
