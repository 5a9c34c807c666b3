package dev.onfailure.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The architecture rules, over any set of classes and any module table, so that each can be shown to fail on a set
 * made to break it ({@code RulesTest}) as well as to hold on the project ({@code ArchitectureTest}).
 */
final class Rules {

    private Rules() {
    }

    /** Dependencies run only as the table says: a class uses its own module's classes and those of modules it reaches. */
    static ArchRule dependencyDirection(List<Module> table, Map<String, String> moduleOfClass) {
        return ArchRuleDefinition.classes().should(new ArchCondition<>("use only the modules their module depends on") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String from = moduleOfClass.get(c.getName());
                if (from == null) {
                    return;
                }
                Set<String> allowed = Module.reach(table, from);
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String to = moduleOf(d, moduleOfClass).orElse(from);
                    if (!to.equals(from) && !allowed.contains(to)) {
                        events.add(SimpleConditionEvent.violated(d, "module " + from + " does not depend on " + to
                                + ": " + d.getDescription()));
                    }
                }
            }
        });
    }

    /**
     * No class uses an {@code internal} package of another module. A benchmark sits in the package it measures, as a
     * test would, and may use that package: that one, and no other internal package.
     */
    static ArchRule noForeignInternals(List<Module> table, Map<String, String> moduleOfClass) {
        return ArchRuleDefinition.classes().should(new ArchCondition<>("not use another module's internal packages") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String from = moduleOfClass.get(c.getName());
                if (from == null) {
                    return;
                }
                boolean measures = table.stream().anyMatch(m -> m.name().equals(from) && m.measures());
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    Optional<String> to = moduleOf(d, moduleOfClass);
                    if (to.isEmpty() || to.get().equals(from) || !isInternal(target.getPackageName())
                            || (measures && target.getPackageName().equals(c.getPackageName()))) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(d, "module " + from + " uses " + target.getName()
                            + ", internal to module " + to.get() + ": " + d.getDescription()));
                }
            }
        });
    }

    /**
     * The packages under {@code root} form no cycle. A module's API package may call into its own internal packages
     * (the facade wires the engine, which makes the API's values); every other dependency between packages is
     * acyclic.
     */
    static ArchRule noPackageCycles(String root) {
        return SlicesRuleDefinition.slices().matching(root + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("a module's API package",
                        (JavaClass c) -> !isInternal(c.getPackageName())),
                        DescribedPredicate.describe("its own internal packages", (JavaClass c) -> isInternal(
                                c.getPackageName())))
                .allowEmptyShould(false);
    }

    /** No class whose simple name starts with {@code Immutable} is public: generated implementations are not API. */
    static ArchRule noPublicGeneratedValues() {
        return ArchRuleDefinition.noClasses().that().haveSimpleNameStartingWith("Immutable")
                .should().haveModifier(JavaModifier.PUBLIC)
                .because("Immutables' generated classes are not API: the abstract types and their builder() are")
                .allowEmptyShould(true);
    }

    static boolean isInternal(String packageName) {
        return packageName.endsWith(".internal") || packageName.contains(".internal.");
    }

    private static Optional<String> moduleOf(Dependency d, Map<String, String> moduleOfClass) {
        return Optional.ofNullable(moduleOfClass.get(d.getTargetClass().getBaseComponentType().getName()));
    }
}
