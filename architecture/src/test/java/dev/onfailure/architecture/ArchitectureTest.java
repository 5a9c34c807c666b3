package dev.onfailure.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The project's architecture, checked on the compiled classes of every module (each module's {@code target/classes},
 * so a class belongs to the module that compiled it, whatever its package).
 */
final class ArchitectureTest {

    /**
     * The module table: which module may use which, directly (through them, theirs too). ARCHITECTURE.md draws it;
     * {@link #table_matchesThePoms()} holds it to the poms. A new module is one row here and one dependency in this
     * module's pom.
     */
    static final List<Module> MODULES = List.of(
            Module.of("json"),
            Module.of("schema"),
            Module.of("model", "json", "schema"),
            Module.of("fixtures", "model"),
            Module.of("validator", "model", "schema"),
            Module.of("codegen", "model"),
            Module.of("lambda", "json", "model", "schema", "validator", "redrive"),
            Module.of("redrive", "model"),
            Module.of("sources", "model", "validator"),
            Module.of("cli", "validator", "codegen", "fixtures", "redrive", "sources"),
            Module.benchmarks("bench", "cli"),
            Module.application("examples/dlq-consumer", "lambda", "redrive", "model"));

    private static final Path ROOT = Path.of("..");

    private static JavaClasses classes;
    private static Map<String, String> moduleOfClass;

    @BeforeAll
    static void importEveryModule() {
        moduleOfClass = new HashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (Module m : MODULES) {
            Path dir = ROOT.resolve(m.name()).resolve("target/classes");
            assertThat(dir).as("compiled classes of %s", m.name()).isDirectory();
            dirs.add(dir);
            for (JavaClass c : new ClassFileImporter().importPath(dir)) {
                String previous = moduleOfClass.put(c.getName(), m.name());
                assertThat(previous).as("%s compiled in two modules", c.getName()).isNull();
            }
        }
        classes = new ClassFileImporter().importPaths(dirs);
    }

    @Test
    void dependencies_runAsTheModuleTableSays() {
        Rules.dependencyDirection(MODULES, moduleOfClass).check(classes);
    }

    @Test
    void noModule_usesAnotherModulesInternalPackages() {
        Rules.noForeignInternals(MODULES, moduleOfClass).check(classes);
    }

    @Test
    void packages_formNoCycle() {
        Rules.noPackageCycles("dev.onfailure").check(classes);
    }

    @Test
    void noGeneratedValueClass_isPublic() {
        Rules.noPublicGeneratedValues().check(classes);
        assertThat(classes.stream().filter(c -> c.getSimpleName().startsWith("Immutable")).count())
                .as("the model's generated classes are among those checked").isGreaterThan(10);
    }

    @Test
    void everyLibraryModule_hasADescriptor_exportingExactlyItsApiPackages() throws IOException {
        for (Module m : MODULES) {
            Path file = ROOT.resolve(m.name()).resolve("target/classes/module-info.class");
            if (!m.library()) {
                assertThat(file).as("%s runs on the class path", m.name()).doesNotExist();
                continue;
            }
            ModuleDescriptor d;
            try (var in = Files.newInputStream(file)) {
                d = ModuleDescriptor.read(in);
            }
            assertThat(d.name()).isEqualTo("dev.onfailure." + m.name());
            Set<String> api = new TreeSet<>();
            moduleOfClass.forEach((type, module) -> {
                String pkg = type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : "";
                if (module.equals(m.name()) && !pkg.isEmpty() && !Rules.isInternal(pkg)) {
                    api.add(pkg);
                }
            });
            Set<String> exported = new TreeSet<>();
            for (ModuleDescriptor.Exports e : d.exports()) {
                assertThat(e.isQualified()).as("%s exports %s to everyone or not at all", d.name(), e.source()).isFalse();
                exported.add(e.source());
            }
            assertThat(exported).as("what %s exports", d.name()).isEqualTo(m.name().equals("cli") ? Set.of() : api);
            assertThat(d.opens()).as("what %s opens", d.name()).allSatisfy(o ->
                    assertThat(o.targets()).as("opened only to picocli").containsExactly("info.picocli"));
            for (ModuleDescriptor.Requires r : d.requires()) {
                if (r.name().startsWith("dev.onfailure.")) {
                    assertThat(Module.reach(MODULES, m.name())).as("%s requires %s", d.name(), r.name())
                            .contains(r.name().substring("dev.onfailure.".length()));
                }
            }
        }
    }

    /**
     * ARCHITECTURE.md's module table (module, artifact, what it depends on at compile time, what it exports) names, in
     * its third column, the same onfailure modules as this table: the document cannot drift from the poms.
     */
    @Test
    void architectureDocument_tableMatchesTheModuleTable() throws IOException {
        Set<String> names = new TreeSet<>();
        MODULES.forEach(m -> names.add(m.name()));
        Map<String, Set<String>> documented = new HashMap<>();
        Pattern ticked = Pattern.compile("`([^`]+)`");
        for (String line : Files.readAllLines(ROOT.resolve("ARCHITECTURE.md"))) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("| `") || cells.length < 4) {
                continue;
            }
            Matcher module = ticked.matcher(cells[1]);
            if (!module.find() || !names.contains(module.group(1))) {
                continue;
            }
            Set<String> uses = new TreeSet<>();
            Matcher dep = ticked.matcher(cells[3]);
            while (dep.find()) {
                if (names.contains(dep.group(1))) {
                    uses.add(dep.group(1));
                }
            }
            documented.put(module.group(1), uses);
        }
        for (Module m : MODULES) {
            assertThat(documented).as("ARCHITECTURE.md has a row for %s", m.name()).containsKey(m.name());
            assertThat(documented.get(m.name())).as("ARCHITECTURE.md: what %s depends on", m.name())
                    .isEqualTo(m.uses());
        }
    }

    @Test
    void table_matchesThePoms() throws Exception {
        Set<String> inReactor = new TreeSet<>();
        Element root = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        for (Element module : elements(root, "module")) {
            // The default reactor only: spark, in the spark profile, is a guest kept out of the table (ARCHITECTURE.md).
            if (module.getParentNode().getParentNode().equals(root)) {
                inReactor.add(module.getTextContent().trim());
            }
        }
        Set<String> inTable = new TreeSet<>();
        for (Module m : MODULES) {
            inTable.add(m.name());
            Set<String> declared = new TreeSet<>();
            Element project = parse(ROOT.resolve(m.name()).resolve("pom.xml")).getDocumentElement();
            for (Element dependencies : elements(project, "dependencies")) {
                if (!dependencies.getParentNode().equals(project)) {
                    continue;
                }
                for (Element d : elements(dependencies, "dependency")) {
                    String artifact = text(d, "artifactId");
                    boolean main = text(d, "scope").isEmpty() || text(d, "scope").equals("compile");
                    if (artifact.startsWith("onfailure-") && main && text(d, "type").isEmpty()) {
                        declared.add(artifact.substring("onfailure-".length()));
                    }
                }
            }
            assertThat(declared).as("onfailure dependencies of %s/pom.xml", m.name()).isEqualTo(m.uses());
        }
        inReactor.remove("architecture");
        assertThat(inTable).as("every module of the reactor has a row").isEqualTo(inReactor);
    }

    private static org.w3c.dom.Document parse(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return f.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String text(Element parent, String name) {
        for (Element e : elements(parent, name)) {
            if (e.getParentNode().equals(parent)) {
                return e.getTextContent().trim();
            }
        }
        return "";
    }
}
