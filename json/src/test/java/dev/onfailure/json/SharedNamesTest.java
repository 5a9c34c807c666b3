package dev.onfailure.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Jackson's shared table of member names stays small however many distinct names the documents have. */
final class SharedNamesTest {

    @Test
    void manyDistinctNames_doNotGrowTheSharedTableWithoutBound() {
        ReadLimits limits = ReadLimits.builder().build();
        int most = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] doc = ("{\"records\":{\"topic-" + i + "-0\":[1],\"topic-" + i + "-1\":[2]},\"n\":" + i + "}")
                    .getBytes(StandardCharsets.UTF_8);
            JsonObject o = (JsonObject) Json.parse(doc, limits);
            assertThat(((JsonObject) o.get("records").orElseThrow()).names()).hasSize(2);
            most = Math.max(most, limits.sharedNames());
        }
        // without the bound the table would hold 10,000 names (Jackson resets it only at about 6,000 entries)
        assertThat(most).isBetween(2, ReadLimits.MAX_SHARED_NAMES + 8);
    }

    @Test
    void aFreshTable_stillRejectsInvalidUtf8() {
        ReadLimits limits = ReadLimits.builder().build();
        for (int i = 0; i < 2 * ReadLimits.MAX_SHARED_NAMES; i++) {
            Json.parse(("{\"k" + i + "\":1}").getBytes(StandardCharsets.UTF_8), limits);
        }
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse(bad, limits))
                .isInstanceOf(ReadException.class);
    }
}
