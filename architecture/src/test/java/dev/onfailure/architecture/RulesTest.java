package dev.onfailure.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.onfailure.architecture.fixture.cycle.a.A;
import dev.onfailure.architecture.fixture.cycle.b.B;
import dev.onfailure.architecture.fixture.high.High;
import dev.onfailure.architecture.fixture.high.Reaching;
import dev.onfailure.architecture.fixture.low.Low;
import dev.onfailure.architecture.fixture.low.Upward;
import dev.onfailure.architecture.fixture.low.internal.LowBenchmark;
import dev.onfailure.architecture.fixture.low.internal.LowEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each architecture rule fails on classes made to break it, and holds on the same classes without the breaker. */
final class RulesTest {

    private static final String FIXTURE = "dev.onfailure.architecture.fixture";

    private static final List<Module> TABLE = List.of(
            Module.of("low"),
            Module.of("high", "low"),
            Module.benchmarks("bench", "high"));

    private static final Map<String, String> MODULE_OF_CLASS = Map.of(
            Low.class.getName(), "low",
            Upward.class.getName(), "low",
            LowEngine.class.getName(), "low",
            High.class.getName(), "high",
            Reaching.class.getName(), "high",
            LowBenchmark.class.getName(), "bench");

    private static JavaClasses of(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    @Test
    void dependencyDirection_againstTheTable_fails() {
        EvaluationResult r = Rules.dependencyDirection(TABLE, MODULE_OF_CLASS).evaluate(
                of(Low.class, LowEngine.class, High.class, Upward.class));
        assertThat(r.hasViolation()).isTrue();
        assertThat(r.getFailureReport().getDetails()).singleElement().asString()
                .contains("module low does not depend on high").contains(Upward.class.getName());
    }

    @Test
    void dependencyDirection_asTheTableSays_holds() {
        assertThat(Rules.dependencyDirection(TABLE, MODULE_OF_CLASS).evaluate(
                of(Low.class, LowEngine.class, High.class, LowBenchmark.class)).hasViolation()).isFalse();
    }

    @Test
    void foreignInternals_used_fails() {
        EvaluationResult r = Rules.noForeignInternals(TABLE, MODULE_OF_CLASS).evaluate(
                of(Low.class, LowEngine.class, High.class, Reaching.class));
        assertThat(r.getFailureReport().getDetails()).singleElement().asString()
                .contains("module high uses " + LowEngine.class.getName() + ", internal to module low");
    }

    @Test
    void foreignInternals_ownOrFromABenchmarkInThePackageItMeasures_hold() {
        assertThat(Rules.noForeignInternals(TABLE, MODULE_OF_CLASS).evaluate(
                of(Low.class, LowEngine.class, High.class, LowBenchmark.class)).hasViolation()).isFalse();
    }

    @Test
    void foreignInternals_fromABenchmarkElsewhere_fails() {
        Map<String, String> moved = new java.util.HashMap<>(MODULE_OF_CLASS);
        moved.put(Reaching.class.getName(), "bench");
        EvaluationResult r = Rules.noForeignInternals(TABLE, moved).evaluate(
                of(Low.class, LowEngine.class, Reaching.class));
        assertThat(r.hasViolation()).as("a benchmark outside the package it measures").isTrue();
    }

    @Test
    void packageCycle_fails() {
        EvaluationResult r = Rules.noPackageCycles(FIXTURE + ".cycle").evaluate(of(A.class, B.class));
        assertThat(r.getFailureReport().toString()).contains("Cycle detected").contains("cycle.a").contains("cycle.b");
    }

    @Test
    void packageCycle_apiToItsOwnInternal_isAllowed_butNotAcrossModules() {
        assertThat(Rules.noPackageCycles(FIXTURE + ".low").evaluate(of(Low.class, LowEngine.class, LowBenchmark.class))
                .hasViolation()).as("low and its engine use each other").isFalse();
        assertThat(Rules.noPackageCycles(FIXTURE).evaluate(of(Low.class, LowEngine.class, High.class, Upward.class))
                .hasViolation()).as("low and high use each other").isTrue();
    }

    @Test
    void publicGeneratedValue_fails() {
        EvaluationResult r = Rules.noPublicGeneratedValues().evaluate(new ClassFileImporter().importPackages(FIXTURE));
        assertThat(r.getFailureReport().getDetails()).singleElement().asString().contains("ImmutableLeak");
    }
}
