package dev.onfailure.validator.internal.rules;

import static dev.onfailure.validator.TextEdits.replaceOnce;
import static dev.onfailure.validator.internal.rules.RuleTesting.run;
import static dev.onfailure.validator.internal.rules.RuleTesting.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Severity;
import org.junit.jupiter.api.Test;

final class RequestIdRuleTest {

    private final Rule rule = new RequestIdRule();
    private final String id = "6f1c2a9e-3b4d-4c5e-8f7a-9b0c1d2e3f4a";

    @Test
    void xmpl_warnsTolerant_failsStrict() {
        String json = replaceOnce(text("self-managed.sqs-sns.json"), id, "316aa6d0-8154-xmpl-9af7-85d5f4a6bc81");
        assertThat(run(rule, json, Profile.TOLERANT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("requestId \"316aa6d0-8154-xmpl-9af7-85d5f4a6bc81\" is not a UUID");
        });
        assertThat(run(rule, json, Profile.STRICT)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void uuids_inEitherCase_pass_otherShapesFail() {
        assertThat(RequestIdRule.isUuid(id)).isTrue();
        assertThat(RequestIdRule.isUuid(id.toUpperCase(java.util.Locale.ROOT))).isTrue();
        assertThat(RequestIdRule.isUuid(id.replace("-", ""))).isFalse();
        assertThat(RequestIdRule.isUuid(id + "0")).isFalse();
        assertThat(RequestIdRule.isUuid("")).isFalse();
        assertThat(run(rule, text("self-managed.sqs-sns.json"))).isEmpty();
    }

    @Test
    void isUuid_agreesWithThePattern_onEverySingleCharacterChange() {
        java.util.regex.Pattern uuid = java.util.regex.Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        char[] replacements = {'0', '9', 'a', 'f', 'g', 'A', 'F', 'G', '-', ' ', '/', ':', '@', '`', '\u00e9', '\u0660'};
        for (int at = 0; at < id.length(); at++) {
            for (char r : replacements) {
                String changed = id.substring(0, at) + r + id.substring(at + 1);
                assertThat(RequestIdRule.isUuid(changed)).as(changed).isEqualTo(uuid.matcher(changed).matches());
            }
        }
    }

    @Test
    void longIds_areAbbreviatedInTheMessage() {
        String json = replaceOnce(text("self-managed.sqs-sns.json"), id, "x".repeat(5000));
        assertThat(run(rule, json)).singleElement().satisfies(f -> assertThat(f.message()).hasSizeLessThan(200)
                .contains("(5000 chars)"));
    }
}
