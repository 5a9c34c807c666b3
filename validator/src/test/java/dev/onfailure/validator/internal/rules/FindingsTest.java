package dev.onfailure.validator.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.json.JsonPointer;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import dev.onfailure.validator.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings the rules make from a pointer's parts behave as findings made from the whole pointer. */
final class FindingsTest {

    private static final String RANGES = "/KafkaBatchInfo/recordsInfo/";

    /**
     * Every pointer these parts make: heads that are equal but not the same string, prefixes of one another and
     * empty; keys that need escaping, that are prefixes of one another, and none; tails empty and not.
     */
    private static List<Finding> madeFromParts(List<String> pointers) {
        List<String> heads = List.of("", "/a", "/a/", "/b", RANGES, new String(RANGES.toCharArray()),
                "/requestContext/requestId");
        List<String> keys = new ArrayList<>(List.of("", "x", "x~", "x/y", "~", "/", "Topic-0", "Topic-1", "Topic-10",
                "Topic-1/"));
        keys.add(null);
        List<String> tails = List.of("", "/", "/f", "/firstRecordOffset", "/lastRecordOffset");
        List<Finding> out = new ArrayList<>();
        for (String head : heads) {
            for (String key : keys) {
                for (String tail : tails) {
                    if (key == null && !tail.isEmpty()) {
                        continue;
                    }
                    pointers.add(head + (key == null ? "" : JsonPointer.escape(key)) + tail);
                    out.add(Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, head, key, tail,
                            new String[] {"id", "x"}));
                }
            }
        }
        return out;
    }

    @Test
    void pointerIsHeadEscapedKeyAndTail() {
        assertThat(Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, RANGES, "a/b~c", "/lastRecordOffset",
                new String[] {"id", "x"}).pointer()).isEqualTo(RANGES + "a~1b~0c/lastRecordOffset");
        assertThat(Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, "/requestContext/requestId", null, "",
                new String[] {"id", "x"}).pointer()).isEqualTo("/requestContext/requestId");
    }

    @Test
    void orderCompares_pointersMadeOrNot_asTheirStrings() {
        List<String> pointers = new ArrayList<>();
        List<Finding> all = madeFromParts(pointers);
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < all.size(); j++) {
                String pa = pointers.get(i);
                String pb = pointers.get(j);
                assertThat(Integer.signum(Finding.ORDER.compare(all.get(i), all.get(j)))).as("%s against %s", pa, pb)
                        .isEqualTo(Integer.signum(pa.compareTo(pb)));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).pointer()).isEqualTo(pointers.get(i));
        }
    }

    @Test
    void equalPointers_makeEqualFindings_whicheverWayMade() {
        Finding parts = Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, RANGES, "t-0", "/offset",
                new String[] {"id", "x"});
        Finding whole = FindingCode.REQUEST_ID.finding(Profile.TOLERANT, RANGES + "t-0/offset", "id", "x");
        assertThat(parts).isEqualTo(whole).hasSameHashCodeAs(whole);
        assertThat(Finding.ORDER.compare(parts, whole)).isZero();
        assertThat(parts.withSeverity(Severity.ERROR).pointer()).isEqualTo(whole.pointer());
    }

    @Test
    void checkedAsThePublicMethodChecks() {
        assertThatThrownBy(() -> Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, "/x", null, "",
                new String[] {"name", "x"})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> Findings.make(FindingCode.SCHEMA, Severity.ERROR, "/x", null, "",
                new String[] {"detail", "x"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, "/x", null, "",
                new String[] {"id"})).isInstanceOf(IllegalArgumentException.class);
        String[] argv = {"id", "y".repeat(10_000)};
        assertThat(Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, "/x", null, "", argv).message())
                .hasSizeLessThan(1_000);
    }

    @Test
    void findingIsInstalledOnce() {
        assertThat(FindingCode.REQUEST_ID.finding(Profile.TOLERANT, "/x", "id", "x").pointer()).isEqualTo("/x");
        assertThatThrownBy(() -> Findings.install((c, s, h, k, t, a) -> null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyIsEscaped_asJsonPointerEscapes() {
        for (String key : List.of("~", "/", "a~/b", "~1", "plain")) {
            assertThat(Findings.make(FindingCode.REQUEST_ID, Severity.WARNING, "/r/", key, "", new String[] {"id",
                    "x"}).pointer()).isEqualTo("/r/" + JsonPointer.escape(key));
        }
    }
}
