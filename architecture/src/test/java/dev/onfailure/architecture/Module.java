package dev.onfailure.architecture;

import java.util.List;
import java.util.Set;

/**
 * One row of the module table: a module, the modules its main classes may use directly, whether it is a library
 * (published, with a module descriptor), and whether it is a benchmark module whose classes sit in the packages they
 * measure.
 *
 * @param name     the module's folder, such as {@code validator} or {@code examples/dlq-consumer}
 * @param uses     the modules it depends on directly (what its pom declares at compile scope)
 * @param library  true for a library: it has a module descriptor exporting exactly its API packages
 * @param measures true for benchmarks: a class may then use the package it sits in, internal or not, as a test
 *                 would
 */
record Module(String name, Set<String> uses, boolean library, boolean measures) {

    static Module of(String name, String... uses) {
        return new Module(name, Set.of(uses), true, false);
    }

    static Module benchmarks(String name, String... uses) {
        return new Module(name, Set.of(uses), false, true);
    }

    /** An application run on the class path, such as an example Lambda function: no descriptor, API only. */
    static Module application(String name, String... uses) {
        return new Module(name, Set.of(uses), false, false);
    }

    /** The modules this one may use: the ones it names and, through them, theirs. */
    static Set<String> reach(List<Module> table, String name) {
        Set<String> out = new java.util.TreeSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            table.stream().filter(r -> r.name().equals(m)).findFirst().ifPresent(r -> r.uses().forEach(u -> {
                if (out.add(u)) {
                    todo.push(u);
                }
            }));
        }
        return out;
    }
}
