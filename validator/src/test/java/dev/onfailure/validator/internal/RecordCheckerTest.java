package dev.onfailure.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** networknt is loaded only when the fast check does not vouch, and an engine that cannot load still fails loudly. */
final class RecordCheckerTest {

    /** A compact SQS/SNS record as Lambda writes it, with nothing to warn about under either profile. */
    private static final String VALID = resource("dev/onfailure/fixtures/corpus/valid/compact.sqs-sns.json");

    @Test
    void vouchedRecord_neverAsksForTheEngine() {
        AtomicInteger asked = new AtomicInteger();
        RecordChecker checker = new RecordChecker(counting(asked, SchemaEngine::shared),
                counting(asked, SchemaFindings::shared), RecordCodec.defaults());

        var plain = checker.readPlain(VALID.getBytes(StandardCharsets.US_ASCII));
        assertThat(plain).as("the record takes the straight-from-bytes path").isPresent();
        assertThat(checker.check(plain.orElseThrow(), Profile.STRICT)).isEmpty();
        assertThat(checker.check(Kind.SQS_SNS, Profile.TOLERANT, (JsonObject) Json.parse(VALID))).isEmpty();
        assertThat(asked).hasValue(0);
    }

    @Test
    void recordTheFastCheckDoesNotVouchFor_asksForTheEngine() {
        AtomicInteger asked = new AtomicInteger();
        RecordChecker checker = new RecordChecker(counting(asked, SchemaEngine::shared),
                counting(asked, SchemaFindings::shared), RecordCodec.defaults());

        String noVersion = VALID.replace("\"version\":\"1.0\",", "");
        assertThat(noVersion).isNotEqualTo(VALID);
        assertThat(checker.check(Kind.SQS_SNS, Profile.TOLERANT, (JsonObject) Json.parse(noVersion)))
                .extracting(f -> f.code()).contains("schema.required");
        assertThat(asked.get()).isPositive();
    }

    @Test
    void engineThatCannotLoad_failsTheFirstRecordThatNeedsIt() {
        RecordChecker checker = new RecordChecker(() -> {
            throw new IllegalStateException("cannot load the strict schema of kafka.s3: broken $ref");
        }, SchemaFindings::shared, RecordCodec.defaults());

        String noVersion = VALID.replace("\"version\":\"1.0\",", "");
        assertThatThrownBy(() -> checker.check(Kind.SQS_SNS, Profile.TOLERANT, (JsonObject) Json.parse(noVersion)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot load");
    }

    @Test
    void everySchema_loadsAndInitialises() {
        // The build fails here, not at a user's first invalid record, when a schema or a reference in it is broken.
        SchemaEngine engine = new SchemaEngine();
        for (Profile p : Profile.values()) {
            for (Kind k : Kind.values()) {
                assertThat(engine.validate(k, p, JacksonTrees.toJackson(Json.parse("{}")))).as("%s %s", p, k)
                        .isNotEmpty();
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = RecordCheckerTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Supplier<T> counting(AtomicInteger asked, Supplier<T> supplier) {
        return () -> {
            asked.incrementAndGet();
            return supplier.get();
        };
    }
}
