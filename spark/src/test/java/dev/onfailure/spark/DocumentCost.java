package dev.onfailure.spark;

import dev.onfailure.json.ReadLimits;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What making a document's rows costs for a set of columns, with the files already in memory and no Spark: the
 * {@code *.json} files below a directory read once, then each column set's {@link RowMaker} over all of them in turn,
 * round after round, timed by the thread's CPU, with how each set read the documents ({@link ReadStats}). Not part
 * of the test run; see bench/README.md ("Kinds and member columns without a tree").
 *
 * <pre>{@code
 * java -Xmx2g -XX:+UseParallelGC -cp spark/target/test-classes:spark/target/classes:$(cat spark/target/classpath.txt) \
 *     dev.onfailure.spark.DocumentCost /tmp/onfailure-spark-bench-100000/generated 100000 \
 *     'kind;kind,valid;kind,condition' 5
 * }</pre>
 */
final class DocumentCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DocumentCost() {
    }

    /** {@code DIR MAX_FILES COLUMNS[;COLUMNS...] ROUNDS}: columns separated by commas, column sets by semicolons. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: DocumentCost DIR MAX_FILES 'kind;kind,valid' ROUNDS");
            System.exit(2);
        }
        List<byte[]> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().limit(Long.parseLong(args[1]))
                    .forEach(p -> docs.add(read(p)));
        }
        System.out.printf(Locale.ROOT, "%d documents, %d bytes%n", docs.size(),
                docs.stream().mapToLong(d -> d.length).sum());
        String[] sets = args[2].split(";");
        List<RowMaker> makers = new ArrayList<>();
        for (String set : sets) {
            Set<String> wanted = Set.of(set.split(","));
            StructType schema = new StructType(Arrays.stream(FailureRows.SCHEMA.fields())
                    .filter(f -> wanted.contains(f.name())).toArray(StructField[]::new));
            makers.add(new RowMaker(schema, Validator.create(), ValidationOptions.of(Profile.TOLERANT),
                    ReadLimits.defaults()));
        }
        for (int round = 0; round < Integer.parseInt(args[3]); round++) {
            for (int k = 0; k < sets.length; k++) {
                long[] rows = {0};
                ReadStats.reset();
                long start = THREADS.getCurrentThreadCpuTime();
                for (byte[] doc : docs) {
                    makers.get(k).rows("doc", doc, row -> rows[0]++);
                }
                long cpu = THREADS.getCurrentThreadCpuTime() - start;
                System.out.printf(Locale.ROOT, "round %d  %-30s %d rows  %.2f us a document  (kinds skimmed %d,"
                        + " records bound from bytes %d, trees %d, validations %d)%n", round, sets[k], rows[0],
                        cpu / 1e3 / docs.size(), ReadStats.SKIMS.sum(), ReadStats.BOUND.sum(), ReadStats.TREES.sum(),
                        ReadStats.VALIDATIONS.sum());
            }
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
