package dev.onfailure.sparkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spark/target/onfailure-spark.jar} as a cluster gets it. This module's class path is Spark's alone (spark-sql
 * and what it brings, no module of ours), so the jar is checked against what Spark has, and {@code ReportJob} runs
 * through {@code org.apache.spark.deploy.SparkSubmit} in a JVM of its own, as {@code spark-submit --class
 * dev.onfailure.spark.ReportJob onfailure-spark.jar} runs it: a class the jar lacks, a library of ours that meets
 * Spark's, or a data source that is not registered fails here, where the spark module's tests (our classes on the
 * class path, unshaded) would pass.
 */
class SparkSubmitTest {

    private static final Path JAR = Path.of(System.getProperty("onfailure.spark.jar"));
    private static final Path FIXTURES = Path.of(System.getProperty("onfailure.fixtures"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        assertThat(JAR).as("the spark module's shaded jar (built by -Pspark package)").isRegularFile();
        // the Spark this module is meant to run on, with that Spark's own Jackson and Scala (see the POM)
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(System.getProperty("spark.it.jackson"));
        assertThat(scala.util.Properties.versionNumberString()).isEqualTo(System.getProperty("spark.it.scala"));
        spark = SparkSession.builder().master("local[1]").appName("spark-it")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        assertThat(spark.version()).isEqualTo(System.getProperty("spark.it.version"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void jar_holdsOurClassesOnly_noResourceSparkHas() throws IOException {
        List<String> notOurs = new ArrayList<>();
        List<String> sparkHas = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.endsWith(".class")) {
                    // every library's classes relocated under dev/onfailure/shaded, none for a newer JDK left under
                    // its library's name (META-INF/versions/N/...)
                    if (!name.startsWith("dev/onfailure/")) {
                        notOurs.add(name);
                    }
                } else if (!entry.isDirectory() && !name.startsWith("META-INF/")) {
                    // networknt's messages and meta-schemas, ethlo's leap seconds: read by name, so not relocated,
                    // and then they must not be names Spark's class path already answers
                    URL there = getClass().getClassLoader().getResource(name);
                    if (there != null) {
                        sparkHas.add(name + " (Spark has it in " + there + ")");
                    }
                }
            }
            assertThat(notOurs).as("classes outside dev/onfailure").isEmpty();
            assertThat(sparkHas).as("resources Spark's class path also has").isEmpty();

            assertThat(text(jar, "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister"))
                    .as("format(\"onfailure\") is registered").contains("dev.onfailure.spark.OnfailureSource");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.onfailure.spark.ReportJob");
            // the bundled libraries' licence and notices travel with them: the Apache License's text, not a pointer
            // to it, and jackson-core's notice (it names the FastDoubleParser code it carries) merged with the rest
            assertThat(text(jar, "META-INF/LICENSE")).contains("Apache License").contains("TERMS AND CONDITIONS");
            assertThat(text(jar, "META-INF/NOTICE")).contains("Jackson").contains("FastDoubleParser");
        }
    }

    @ParameterizedTest(name = "userClassPathFirst={0}")
    @ValueSource(booleans = {false, true})
    void reportJob_underSparkSubmit_readsTheCorpusAsItsIndexSays(boolean userClassPathFirst, @TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("in");
        Map<String, JsonNode> expected = copyCorpus(in.resolve("corpus"));
        Files.writeString(in.resolve("broken.json"), "{\"requestContext\": {\"requestId\": ");
        String line = JSON.readTree(FIXTURES.resolve("corpus/valid/self-managed.sqs-sns.json").toFile()).toString();
        Files.writeString(in.resolve("two.ndjson"), line + "\n" + line + "\n");
        Path out = dir.resolve("out");

        Submitted run = submit(dir, List.of("--conf", "spark.driver.userClassPathFirst=" + userClassPathFirst),
                in.toString(), out.toString(), "--profile", "strict");

        assertThat(run.code()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe())
                .startsWith("onfailure report: ").contains("records in " + out + "/records");

        // source -> (valid, codes), per file: an envelope's records are rows of their own (source#pointer)
        Map<String, List<Row>> byFile = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve("records").toString())
                .selectExpr("source", "valid", "transform(findings, f -> f.code) as codes").collectAsList()) {
            String source = r.getString(0);
            String file = source.replaceFirst("^file:", "").replaceFirst("#.*$", "").replaceFirst(":[0-9]+$", "");
            byFile.computeIfAbsent(Path.of(file).toString(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, JsonNode> c : expected.entrySet()) {
            List<Row> rows = byFile.get(in.resolve("corpus").resolve(c.getKey()).toString());
            assertThat(rows).as(c.getKey()).isNotEmpty();
            JsonNode strict = c.getValue().get("strict");
            Set<String> codes = new TreeSet<>();
            strict.get("codes").forEach(x -> codes.add(x.asText()));
            Set<String> got = new TreeSet<>();
            rows.forEach(r -> got.addAll(r.getList(2)));
            assertThat(rows.stream().allMatch(r -> r.getBoolean(1))).as(c.getKey() + " valid")
                    .isEqualTo(strict.get("valid").asBoolean());
            assertThat(got).as(c.getKey() + " codes").isEqualTo(codes);
        }
        List<Row> broken = byFile.get(in.resolve("broken.json").toString());
        assertThat(broken).singleElement().satisfies(r -> {
            assertThat(r.getBoolean(1)).isFalse();
            assertThat(r.<String>getList(2)).contains("json.syntax");
        });
        List<Row> ndjson = byFile.get(in.resolve("two.ndjson").toString());
        assertThat(ndjson).hasSize(2).allMatch(r -> r.getBoolean(1));
        assertThat(ndjson.stream().map(r -> r.getString(0).replaceFirst("^.*:", ""))).containsExactly("1", "2");
        Set<String> inputs = new TreeSet<>();
        expected.keySet().forEach(f -> inputs.add(in.resolve("corpus").resolve(f).toString()));
        inputs.add(in.resolve("broken.json").toString());
        inputs.add(in.resolve("two.ndjson").toString());
        assertThat(byFile.keySet()).as("the files rows came from").isEqualTo(inputs);

        long groups = spark.read().parquet(out.resolve("summary").toString()).count();
        assertThat(run.out()).contains("onfailure report: " + groups + " function/topic/condition groups");
    }

    @Test
    void reportJob_aMissingInput_isOneLine_exit2_nothingWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Submitted run = submit(dir, List.of(), dir.resolve("no-such-dir").toString(), out.toString());

        assertThat(run.code()).as(run.describe()).isEqualTo(2);
        assertThat(run.err()).as(run.describe())
                .contains("onfailure report: no such file or directory: " + dir.resolve("no-such-dir"))
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    /** The corpus's files (index.json left out) copied below {@code to}; returns file -> its index entry's expect. */
    private static Map<String, JsonNode> copyCorpus(Path to) throws IOException {
        Path corpus = FIXTURES.resolve("corpus");
        Map<String, JsonNode> expected = new TreeMap<>();
        for (JsonNode c : JSON.readTree(corpus.resolve("index.json").toFile()).get("cases")) {
            expected.put(c.get("file").asText(), c.get("expect"));
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(corpus.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        Files.delete(to.resolve("index.json"));
        return expected;
    }

    private record Submitted(int code, String out, String err) {
        String describe() {
            List<String> lines = err.lines().toList();
            return "exit " + code + "; stdout:\n" + out + "\nstderr (last lines):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    /**
     * Runs {@code SparkSubmit --master local[2] [conf...] --class dev.onfailure.spark.ReportJob onfailure-spark.jar
     * args...} in a JVM of its own, on this JVM's class path without the project's own directories and jars (which
     * leaves Spark's), with the JVM options spark-submit's launcher passes on Java 17 and Spark's logs at WARN.
     */
    private static Submitted submit(Path dir, List<String> conf, String... args) throws Exception {
        Path root = Path.of(System.getProperty("onfailure.root")).toAbsolutePath().normalize();
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().normalize().startsWith(root))
                .filter(e -> !e.replace('\\', '/').contains("/dev/onfailure/"))
                .toList();
        assertThat(entries).as("Spark's class path, without anything of ours")
                .noneMatch(e -> Path.of(e).getFileName().toString().startsWith("onfailure"));
        String classPath = String.join(java.io.File.pathSeparator, entries);
        // this module's own log4j2.properties (warnings and errors, to standard error), from test-classes
        java.net.URI log4j = SparkSubmitTest.class.getResource("/log4j2.properties").toURI();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("spark.jvm").trim().split("\\s+")));
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.addAll(List.of("-cp", classPath, "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.port=0"));
        command.addAll(conf);
        command.addAll(List.of("--class", "dev.onfailure.spark.ReportJob", JAR.toString()));
        command.addAll(Arrays.asList(args));
        Path out = dir.resolve("submit.out");
        Path err = dir.resolve("submit.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // a spark-defaults.conf of this machine's (spark.jars, say) must not reach the run
        builder.environment().keySet().removeAll(List.of("SPARK_HOME", "SPARK_CONF_DIR"));
        Process p = builder.start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("SparkSubmit did not end in 5 minutes; stderr: " + Files.readString(err));
        }
        return new Submitted(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String text(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
