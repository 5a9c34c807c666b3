package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which files are read, and how: the command's rule, by name. */
final class DocumentsTest {

    @Test
    void recordFiles_areJsonNdjsonAndJsonl_inAnyCase() {
        assertThat(Documents.isRecordFile("a.json")).isTrue();
        assertThat(Documents.isRecordFile("A.JSON")).isTrue();
        assertThat(Documents.isRecordFile("b.NdJson")).isTrue();
        assertThat(Documents.isRecordFile("c.jsonl")).isTrue();
        assertThat(Documents.isRecordFile(".json")).isTrue();
        assertThat(Documents.isRecordFile("json")).isFalse();
        assertThat(Documents.isRecordFile("a.json.gz")).isFalse();
        assertThat(Documents.isRecordFile("a.txt")).isFalse();
        // what toLowerCase(Locale.ROOT) leaves alone is no match: the long s, the Kelvin sign
        assertThat(Documents.isRecordFile("a.j\u017fon")).isFalse();
        assertThat("a.j\u017fon".toLowerCase(java.util.Locale.ROOT).endsWith(".json")).isFalse();
    }

    @Test
    void ndjson_isNdjsonAndJsonl_only() {
        assertThat(Documents.isNdjson("batch.ndjson")).isTrue();
        assertThat(Documents.isNdjson("BATCH.JSONL")).isTrue();
        assertThat(Documents.isNdjson("a.json")).isFalse();
        assertThat(Documents.isNdjson("ndjson")).isFalse();
    }
}
