package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class ReportJobTest {

    private static Path input;

    @BeforeAll
    static void data() throws IOException {
        input = Files.createTempDirectory("onfailure-report-in");
        TestData.write(input, new TestData.Plan(5, 300, 60, 4, 6, false, 1 << 20));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportJob.run(LocalSpark.get(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void report_writesRecordsAndSummary_andPrintsTheSummary() throws IOException {
        Path output = Files.createTempDirectory("onfailure-report-out").resolve("run");
        Run r = run(input.toString(), output.toString(), "--profile", "strict");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        SparkSession spark = LocalSpark.get();
        long records = spark.read().parquet(output + "/records").count();
        long expected = spark.read().format("onfailure").load(input.toString()).count();
        assertThat(records).isEqualTo(expected);
        List<Row> summary = spark.read().parquet(output + "/summary").collectAsList();
        assertThat(summary).isNotEmpty();
        assertThat(r.out()).contains("functionArn", "topic", "condition", "records", "invalid", "offsetsWaiting")
                .contains("RetryAttemptsExhausted");
        // offsets waiting: the sum of last - first + 1 over the ranges, computed here the slow way
        BigDecimal waiting = summary.stream().map(s -> s.<BigDecimal>getAs("offsetsWaiting"))
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal direct = spark.read().parquet(output + "/records").selectExpr("explode(ranges) as r")
                .selectExpr("r.lastOffset - r.firstOffset + 1 as n").where("n >= 0").collectAsList().stream()
                .map(x -> x.getDecimal(0)).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(waiting).isEqualByComparingTo(direct).isPositive();
        long invalid = summary.stream().mapToLong(s -> s.<Long>getAs("invalid")).sum();
        assertThat(invalid).isPositive();
    }

    @Test
    void rerun_withoutOverwrite_refuses_withOverwrite_replaces() throws IOException {
        Path output = Files.createTempDirectory("onfailure-report-out").resolve("again");
        assertThat(run(input.resolve("corpus").toString(), output.toString()).code()).isZero();
        Run again = run(input.resolve("corpus").toString(), output.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip().lines()).hasSize(1).first().asString().startsWith("onfailure report:")
                .contains("already exists");
        assertThat(run(input.resolve("corpus").toString(), output.toString(), "--overwrite").code()).isZero();
        assertThat(LocalSpark.get().read().parquet(output + "/records").count())
                .isEqualTo(LocalSpark.get().read().format("onfailure").load(input.resolve("corpus").toString())
                        .count());
    }

    @Test
    void usageErrors_exit2_withOneLineAndTheUsage() {
        Run none = run();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("onfailure report: give at least one input and the output");
        Run profile = run("in", "out", "--profile", "lax");
        assertThat(profile.code()).isEqualTo(2);
        assertThat(profile.err()).contains("--profile must be tolerant or strict, not lax");
        // in any case, as the command takes it: past the profile, to the missing input
        assertThat(run("in", "out", "--profile", "STRICT").err())
                .startsWith("onfailure report: no such file or directory");
        Run window = run("in", "out", "--modified-after", "yesterday");
        assertThat(window.code()).isEqualTo(2);
        assertThat(window.err()).startsWith("onfailure report: --modified-after must be a time such as")
                .contains("not yesterday");
        assertThat(run("in", "out", "--modified-before").err()).contains("--modified-before needs a time");
        Run missing = run(input.resolve("nowhere").toString(), input.resolve("out").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("onfailure report: no such file or directory");
        assertThat(Files.exists(input.resolve("out"))).isFalse();
        Run unmatched = run(input + "/nowhere-*", input.resolve("out").toString());
        assertThat(unmatched.code()).isEqualTo(2);
        assertThat(unmatched.err().strip()).isEqualTo("onfailure report: nothing matches " + input + "/nowhere-*");
        assertThat(Files.exists(input.resolve("out"))).isFalse();
    }

    @Test
    void modifiedWindow_reportsTheObjectsModifiedInIt() throws IOException {
        Path out = Files.createTempDirectory("onfailure-report-window");
        String corpus = input.resolve("corpus").toString();
        Run since = run(corpus, out.resolve("since").toString(), "--modified-after", "2000-01-01");
        assertThat(since.code()).as(since.err()).isZero();
        assertThat(LocalSpark.get().read().parquet(out + "/since/records").count())
                .isEqualTo(LocalSpark.get().read().format("onfailure").load(corpus).count()).isPositive();
        Run before = run(corpus, out.resolve("before").toString(), "--modified-before", "2000-01-01T00:00:00Z");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).startsWith("onfailure report: 0 function/topic/condition groups");
        assertThat(LocalSpark.get().read().parquet(out + "/before/records").count()).isZero();
    }

    /** An output inside an input would be read back as records by the next run; inputs that overlap, twice. */
    @Test
    void overlappingInputsAndOutput_areRefusedBeforeAnythingIsWritten() throws IOException {
        String corpus = input.resolve("corpus").toString();
        Path inside = input.resolve("corpus/report");
        Run under = run(corpus, inside.toString());
        assertThat(under.code()).isEqualTo(2);
        assertThat(under.err().strip()).startsWith("onfailure report: the output " + inside + " and the input ")
                .endsWith(" overlap: give an output outside every input").doesNotContain("\n");
        assertThat(Files.exists(inside)).isFalse();
        Path elsewhere = Files.createTempDirectory("onfailure-report-twice");
        for (String[] inputs : List.of(new String[] {corpus, corpus + "/"},
                new String[] {corpus, Files.list(input.resolve("corpus")).findFirst().orElseThrow().toString()},
                new String[] {input + "/{corpus,generated}", corpus})) {
            Run twice = run(inputs[0], inputs[1], elsewhere.resolve("out").toString());
            assertThat(twice.code()).as(String.join(" ", inputs)).isEqualTo(2);
            assertThat(twice.err().strip()).as(String.join(" ", inputs)).startsWith("onfailure report: the input ")
                    .endsWith(": its records would be counted twice");
        }
        // one directory in two spellings is the same input, and said so
        Run same = run("file:" + corpus, "file://" + corpus, elsewhere.resolve("out").toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err().strip()).startsWith("onfailure report: the input file:")
                .endsWith(" is given twice: its records would be counted twice");
        Run reading = run(elsewhere.toString(), elsewhere.resolve("out").toString());
        assertThat(reading.code()).isEqualTo(2);
        assertThat(reading.err()).contains(" overlap: give an output outside every input");
        assertThat(Files.exists(elsewhere.resolve("out"))).isFalse();
    }

    @Test
    void help_printsUsage_exit0() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("usage: ReportJob INPUT... OUTPUT");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void aGlob_matchingOnlyMarkers_isRefusedBeforeAnythingIsWritten() throws IOException {
        Path dir = Files.createTempDirectory("onfailure-report-markers");
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Path output = dir.resolve("out");
        Run markers = run(dir + "/_*", output.toString());
        assertThat(markers.code()).isEqualTo(2);
        assertThat(markers.err().strip()).isEqualTo("onfailure report: nothing matches " + dir + "/_*");
        assertThat(Files.exists(output)).isFalse();
    }

    @Test
    void aGlob_isReadAsWhatItMatches() throws IOException {
        Path output = Files.createTempDirectory("onfailure-report-out").resolve("glob");
        Run r = run(input + "/{corpus,generated}", output.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(LocalSpark.get().read().parquet(output + "/records").count()).isEqualTo(LocalSpark.get().read()
                .format("onfailure").load(input.resolve("corpus").toString(), input.resolve("generated").toString())
                .count());
    }

    @Test
    void cell_writesControlCharactersOut_andCutsLongValues() {
        assertThat(ReportJob.cell("orders-eu-west-1-12")).isEqualTo("orders-eu-west-1-12");
        assertThat(ReportJob.cell("a\u001b[2Jb\nc\td\re\u007f\u009bf")).isEqualTo(
                "a\\u001b[2Jb\\nc\\td\\re\\u007f\\u009bf");
        assertThat(ReportJob.cell("x".repeat(ReportJob.MAX_CELL))).isEqualTo("x".repeat(ReportJob.MAX_CELL));
        assertThat(ReportJob.cell("x".repeat(ReportJob.MAX_CELL + 1)))
                .isEqualTo("x".repeat(ReportJob.MAX_CELL - 3) + "...");
        // a written-out character is never cut in two
        assertThat(ReportJob.cell("\u001b".repeat(1_000))).isEqualTo("\\u001b".repeat(12) + "...");
        assertThat(ReportJob.cell("x".repeat(ReportJob.MAX_CELL - 5) + "\u001b"))
                .isEqualTo("x".repeat(ReportJob.MAX_CELL - 5) + "...");
        // a line shown backwards, or broken by a line separator, reads as written
        assertThat(ReportJob.cell("fn-\u202ecod.exe\u2028next\u2066")).isEqualTo("fn-\\u202ecod.exe\\u2028next\\u2066");
        // a character outside the BMP at the cut stays whole
        String cut = ReportJob.cell("x".repeat(ReportJob.MAX_CELL - 4) + "\uD83D\uDE00" + "y".repeat(10));
        assertThat(cut).isEqualTo("x".repeat(ReportJob.MAX_CELL - 4) + "...");
        assertThat(ReportJob.cell("x".repeat(ReportJob.MAX_CELL - 5) + "\uD83D\uDE00" + "y".repeat(10)))
                .isEqualTo("x".repeat(ReportJob.MAX_CELL - 5) + "\uD83D\uDE00...");
    }

    @Test
    void summary_neverSendsARecordsControlCharactersToTheTerminal() throws IOException {
        Path in = Files.createTempDirectory("onfailure-report-hostile");
        String condition = "Retry\\u001b[2J\\u001b]0;owned\\u0007" + "z".repeat(300);
        String doc = dev.onfailure.fixtures.DocumentedExamples.sqsSns().instances().stream()
                .map(i -> i.json()).filter(j -> j.contains("\"RetryAttemptsExhausted\"")).findFirst().orElseThrow()
                .replace("\"RetryAttemptsExhausted\"", "\"" + condition + "\"");
        Files.writeString(in.resolve("r.json"), doc);
        Path output = Files.createTempDirectory("onfailure-report-out").resolve("run");
        Run r = run(in.toString(), output.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Retry\\u001b[2J\\u001b]0;owned\\u0007zzz").doesNotContain("\u001b")
                .doesNotContain("\u0007").doesNotContain("z".repeat(ReportJob.MAX_CELL));
        // the table keeps the value whole
        assertThat(LocalSpark.get().read().parquet(output + "/summary").collectAsList())
                .anyMatch(row -> ("Retry\u001b[2J\u001b]0;owned\u0007" + "z".repeat(300))
                        .equals(row.getAs("condition")));
    }
}
