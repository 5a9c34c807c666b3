package dev.onfailure.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.schema.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One validator shared by many threads gives every thread the answers it gives alone. */
final class ConcurrencyTest {

    @Test
    void sharedValidator_sameReportsOnEveryThread() throws Exception {
        Validator validator = Validator.create();
        List<CorpusCase> cases = Corpus.cases();
        List<DocumentReport> alone = new ArrayList<>();
        for (CorpusCase c : cases) {
            alone.add(validator.validate(c.text(), ValidationOptions.of(Profile.STRICT)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<DocumentReport>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    List<DocumentReport> out = new ArrayList<>();
                    for (int i = 0; i < cases.size(); i++) {
                        int k = (i + offset * 7) % cases.size();
                        out.add(null);
                        out.set(out.size() - 1, validator.validate(cases.get(k).text(), ValidationOptions.of(Profile.STRICT)));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<DocumentReport> reports = runs.get(t).get();
                for (int i = 0; i < cases.size(); i++) {
                    int k = (i + t * 7) % cases.size();
                    assertThat(reports.get(i)).as(cases.get(k).file()).isEqualTo(alone.get(k));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
