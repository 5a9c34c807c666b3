package dev.onfailure.validator.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.json.ReadException;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.internal.FastSchemaCheck;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Rules#checkAll} runs every rule of {@link Rules#ALL}, in its order, and nothing else. */
final class RulesTest {

    /** Every record of the corpus, the documented examples and the hand-made records that the model binds. */
    private static List<KafkaFailureRecord> records() {
        List<String> texts = new ArrayList<>();
        Corpus.cases().forEach(c -> texts.add(c.text()));
        DocumentedExamples.allInstances().forEach(i -> texts.add(i.json()));
        HandMadeRecords.all().forEach(r -> texts.add(r.json()));
        List<KafkaFailureRecord> records = new ArrayList<>();
        for (String text : texts) {
            try {
                records.add(RecordCodec.defaults().read(text));
            } catch (ReadException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
                // not a record the model binds: the rules never see it
            }
        }
        return records;
    }

    /** Whether the fast schema check vouches for the record and its payload's event, as the checker asks it. */
    private static boolean vouches(KafkaFailureRecord r, Profile profile) {
        if (!FastSchemaCheck.record(r, profile)) {
            return false;
        }
        try {
            return r.payloadIfAny().map(p -> FastSchemaCheck.event(p.event(), profile)).orElse(true);
        } catch (ReadException e) {
            return true;   // no event: nothing more to vouch for
        }
    }

    @Test
    void checkAll_makesTheFindingsOfEveryRuleInTurn_andEachRuleFindsSomething() {
        List<KafkaFailureRecord> records = records();
        assertThat(records).hasSizeGreaterThan(10);
        int[] found = new int[Rules.ALL.size()];
        int vouched = 0;
        for (KafkaFailureRecord r : records) {
            for (Profile profile : Profile.values()) {
                List<Finding> inTurn = RuleTesting.run((record, ctx) -> {
                    for (Rule rule : Rules.ALL) {
                        rule.check(record, ctx);
                    }
                }, r, profile);
                assertThat(RuleTesting.run(Rules::checkAll, r, profile)).as("%s under %s", r, profile)
                        .isEqualTo(inTurn);
                if (vouches(r, profile)) {
                    // what the fast path does: the schema check has seen the keys, the key rule does not look again
                    assertThat(RuleTesting.run((record, ctx) -> Rules.checkAll(record, ctx.withKeysVouched()),
                            r, profile)).as("%s under %s, keys vouched", r, profile).isEqualTo(inTurn);
                    vouched++;
                }
                for (int i = 0; i < found.length; i++) {
                    found[i] += RuleTesting.run(Rules.ALL.get(i)::check, r, profile).size();
                }
            }
        }
        assertThat(vouched).isPositive();
        // a rule that no record makes report would not show if checkAll left it out
        for (int i = 0; i < found.length; i++) {
            assertThat(found[i]).as("findings of %s", Rules.ALL.get(i).getClass().getSimpleName()).isPositive();
        }
    }
}
