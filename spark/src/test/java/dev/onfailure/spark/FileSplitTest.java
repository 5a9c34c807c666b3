package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How files are packed into tasks. */
final class FileSplitTest {

    private static List<FileSplit.File> files(int n, long length) {
        List<FileSplit.File> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FileSplit.File(String.format("file:/d/r%06d.json", i), length));
        }
        return out;
    }

    @Test
    void smallFiles_fillAFewTasksPerCore_notOneTaskPerFewFiles() {
        List<FileSplit.File> files = files(10_000, 2_200);
        List<FileSplit> splits = FileSplit.pack(files, 128L << 20, FailureScan.OPEN_COST, 2);
        assertThat(splits).hasSizeBetween(2 * FileSplit.TASKS_PER_CORE, 2 * FileSplit.TASKS_PER_CORE + 1);
        assertThat(splits.stream().flatMap(s -> s.files().stream()).toList()).containsExactlyElementsOf(files);
        // what Spark's own 4 MB open cost made of the same files: a task per 32 files
        assertThat(FileSplit.pack(files, 128L << 20, 4L << 20, 2)).hasSizeGreaterThan(300);
    }

    @Test
    void manyFiles_areCappedByMaxPartitionBytes() {
        List<FileSplit> splits = FileSplit.pack(files(100_000, 2_200), 128L << 20, FailureScan.OPEN_COST, 2);
        assertThat(splits).hasSizeGreaterThan(2 * FileSplit.TASKS_PER_CORE);
        assertThat(splits).allMatch(s -> s.files().size() * (2_200 + FailureScan.OPEN_COST) <= (128L << 20)
                + 2_200 + FailureScan.OPEN_COST);
        // thousands of small files a task, so that Spark's cost per task (deserialising it, an aggregation's shuffle
        // files) stays small beside the files' (bench/README.md, "Fewer, larger tasks")
        assertThat(splits.subList(0, splits.size() - 1)).allMatch(s -> s.files().size() >= 5_000);
    }

    @Test
    void aFileOverTheTarget_isATaskOfItsOwn_andNothingIsLost() {
        List<FileSplit.File> files = new ArrayList<>(files(3, 1_000));
        files.add(1, new FileSplit.File("file:/d/big.json", 300L << 20));
        List<FileSplit> splits = FileSplit.pack(files, 128L << 20, FailureScan.OPEN_COST, 2);
        assertThat(splits).anyMatch(s -> s.files().equals(List.of(files.get(1))));
        assertThat(splits.stream().flatMap(s -> s.files().stream()).toList()).containsExactlyElementsOf(files);
        assertThat(FileSplit.pack(List.of(), 128L << 20, FailureScan.OPEN_COST, 2)).isEmpty();
    }

    @Test
    void serialised_isTheSameFiles_withTheirSharedPrefixOnce() throws Exception {
        List<FileSplit.File> files = new ArrayList<>(files(2_000, 2_200));
        files.add(new FileSplit.File("file:/d/sub/\u00e9t\u00e9 \ud83d\ude00.json", 7));
        files.add(new FileSplit.File("file:/d", 0));
        List<FileSplit.File> problems = new ArrayList<>(files.subList(0, 3));
        problems.add(1, FileSplit.File.problem("file:/d/up", LocalPaths.LOOP));
        problems.add(FileSplit.File.problem("file:/d/pipe.json", LocalPaths.NOT_A_FILE));
        for (List<FileSplit.File> split : List.of(files, List.of(files.get(0)), List.<FileSplit.File>of(), problems,
                List.of(problems.get(1)))) {
            var bytes = new java.io.ByteArrayOutputStream();
            try (var out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(new FileSplit(split));
            }
            Object back;
            try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                back = in.readObject();
            }
            assertThat(back).isEqualTo(new FileSplit(split));
            if (split == files) {   // "file:/d/" once, then 11 characters and 12 bytes of numbers a file
                assertThat(bytes.size()).isLessThan(split.size() * 30);
            }
        }
    }
}
