package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local files without Hadoop: the same files and paths as Hadoop's local file system gives, and whole reads. */
final class LocalPathsTest {

    @TempDir
    java.nio.file.Path dir;

    private void file(String relative, String text) throws IOException {
        java.nio.file.Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /**
     * What Hadoop's local file system lists under {@code root}, by the same rules, sorted by path: the reference
     * {@link LocalPaths#list} is held to.
     */
    private static List<FileSplit.File> hadoopListing(LocalFileSystem fs, Path root, boolean all) throws IOException {
        List<FileSplit.File> hadoop = new ArrayList<>();
        walk(fs, root, "", all, hadoop);
        // in the order of the paths' UTF-8 bytes, as the command sorts a directory's files and S3 lists keys
        hadoop.sort((a, b) -> utf8Order(a.path(), b.path()));
        return hadoop;
    }

    private static void walk(FileSystem fs, Path dir, String relative, boolean all, List<FileSplit.File> out)
            throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            String name = relative + f.getPath().getName();
            if (f.isDirectory()) {
                if (!all || FailureScan.accept(name, true)) {
                    walk(fs, f.getPath(), name + "/", all, out);
                }
            } else if (f.isFile() && FailureScan.accept(name, all)) {
                out.add(new FileSplit.File(f.getPath().toString(), f.getLen()));
            }
        }
    }

    private static int utf8Order(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void compareCodePoints_isTheOrderOfUtf8Bytes() {
        java.util.Random random = new java.util.Random(17);
        int[] edges = {0, 'a', 0x7f, 0x80, 0xff, 0x100, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xff01, 0xffff, 0x10000, 0x1f600,
            0x10ffff};
        for (int i = 0; i < 200_000; i++) {
            String a = randomString(random, edges);
            String b = random.nextInt(4) == 0 ? a + randomString(random, edges) : randomString(random, edges);
            assertThat(Integer.signum(LocalPaths.compareCodePoints(a, b))).as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(utf8Order(a, b)));
        }
    }

    private static String randomString(java.util.Random random, int[] edges) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            int c = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(0x110000);
            if (c >= 0xd800 && c <= 0xdfff) {
                c = 'x';
            }
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    @Test
    void list_givesWhatHadoopLists() throws IOException {
        file("aws/lambda/uuid/orders-0/2026/12/01/a.json", "{}");
        file("aws/lambda/uuid/orders-0/2026/12/01/object-without-extension", "{\"x\":1}");
        file("batch.ndjson", "{}\n{}\n");
        file("notes.txt", "not a record");
        file("with space/and%percent.json", "{}");
        file("_temporary/0/part.json", "{}");
        file(".hidden/x.json", "{}");
        file("ok/_SUCCESS", "");
        file("ok/.a.json.crc", "");
        file("ok/b.json", "{\"b\":2}");
        Files.createSymbolicLink(dir.resolve("linked"), dir.resolve("ok"));
        // where a directory's files sort among names that share its name ('-' and '.' before '/', '0' after)
        file("order/a/x.json", "{}");
        file("order/a.json", "{}");
        file("order/a-b.json", "{}");
        file("order/a0.json", "{}");
        file("order/a/b/y.json", "{}");
        file("order/a/b.json", "{}");
        // names sorted by their first eight characters where those differ and fit a byte each, by the whole name else
        for (String name : new String[] {"abcdefgh.json", "abcdefgh1.json", "abcdefg.json", "abcdefgh/z.json",
            "abcdefg\u00ff.json", "abcdefg\u0100.json", "\u00e9t\u00e9.json", "\u65e5\u672c.json", "\u00ff\u00ff.json",
            "A.json", "z.json", "\uff01.json", "\ud83d\ude00.json", "\ue000.json", "\ud7ff.json", "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff.json",
            "\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff0.json"}) {
            file("order/" + name, "{}");
        }
        LocalFileSystem fs = LocalFileSystem.getLocal(new Configuration());
        Path root = fs.getFileStatus(new Path(dir.toUri())).getPath();
        for (boolean all : new boolean[] {true, false}) {
            List<FileSplit.File> hadoop = hadoopListing(fs, root, all);
            List<FileSplit.File> nio = LocalPaths.list(dir, all);
            assertThat(nio).as("files=%s", all ? "all" : "records").isEqualTo(hadoop);
            assertThat(nio).extracting(FileSplit.File::path)
                    .contains(root + "/ok/b.json", root + "/linked/b.json", root + "/with space/and%percent.json");
            if (all) {   // every file but Hadoop's and Spark's markers
                assertThat(nio).extracting(FileSplit.File::path)
                        .contains(root + "/aws/lambda/uuid/orders-0/2026/12/01/object-without-extension")
                        .noneMatch(p -> p.contains("_temporary") || p.contains(".hidden") || p.endsWith("_SUCCESS"));
            } else {     // the command's rule: record files by name, wherever they are
                assertThat(nio).extracting(FileSplit.File::path)
                        .contains(root + "/.hidden/x.json")
                        .noneMatch(p -> p.endsWith("object-without-extension") || p.endsWith("notes.txt"));
            }
        }
    }

    @Test
    void list_aLargeDirectory_readByThreads_givesWhatHadoopLists() throws IOException {
        int n = LocalPaths.PARALLEL_FROM + 500;
        for (int i = 0; i < n; i++) {
            file("big/r" + (i * 7919 % n) + (i % 3 == 0 ? ".json" : i % 3 == 1 ? "" : ".ndjson"), "{}");
        }
        file("big/_SUCCESS", "");
        file("big/.r1.json.crc", "");
        file("big/r1/inside.json", "{}");
        file("big/r1.jsonl", "{}");
        Files.createSymbolicLink(dir.resolve("big/dangling.json"), dir.resolve("nowhere.json"));
        LocalFileSystem fs = LocalFileSystem.getLocal(new Configuration());
        Path root = fs.getFileStatus(new Path(dir.toUri())).getPath();
        for (boolean all : new boolean[] {true, false}) {
            List<FileSplit.File> hadoop = hadoopListing(fs, root, all);
            List<FileSplit.File> nio = LocalPaths.list(dir, all);
            // but for the link that leads nowhere, which Hadoop leaves out and ours keeps, for its row to say so
            String dangling = root + "/big/dangling.json";
            assertThat(nio).extracting(FileSplit.File::path).contains(dangling);
            assertThat(nio.stream().filter(f -> !f.path().equals(dangling)).toList())
                    .as("files=%s", all ? "all" : "records").isEqualTo(hadoop).hasSizeGreaterThan(all ? n : n * 2 / 3);
        }
    }

    @Test
    void list_aLinkBackToAnAncestor_isALoopInTheListing_andTheWalkGoesOn() throws IOException {
        file("a/b/c.json", "{}");
        file("a/z.json", "{}");
        file("b.json", "{}");
        Files.createSymbolicLink(dir.resolve("a/b/up"), dir.resolve("a"));
        assertThat(LocalPaths.list(dir, true)).containsExactly(
                new FileSplit.File(LocalPaths.uri(dir.resolve("a/b/c.json")), 2),
                FileSplit.File.problem(LocalPaths.uri(dir.resolve("a/b/up")), LocalPaths.LOOP),
                new FileSplit.File(LocalPaths.uri(dir.resolve("a/z.json")), 2),
                new FileSplit.File(LocalPaths.uri(dir.resolve("b.json")), 2));
    }

    /** A FIFO would hold a task forever and a device never ends: named as records, they are said to be neither. */
    @Test
    void list_whatIsNotARegularFile_isAProblem_namedOrBelowADirectory() throws Exception {
        file("a.json", "{}");
        mkfifo(dir.resolve("pipe.json"));
        mkfifo(dir.resolve("pipe-not-a-record"));
        Files.createSymbolicLink(dir.resolve("null.json"), Paths.get("/dev/null"));
        assertThat(LocalPaths.list(dir, false)).containsExactly(
                new FileSplit.File(LocalPaths.uri(dir.resolve("a.json")), 2),
                FileSplit.File.problem(LocalPaths.uri(dir.resolve("null.json")), LocalPaths.NOT_A_FILE),
                FileSplit.File.problem(LocalPaths.uri(dir.resolve("pipe.json")), LocalPaths.NOT_A_FILE));
        for (String named : List.of("pipe.json", "pipe-not-a-record", "null.json")) {
            assertThat(LocalPaths.list(dir.resolve(named), false)).as(named)
                    .containsExactly(FileSplit.File.problem(LocalPaths.uri(dir.resolve(named)), LocalPaths.NOT_A_FILE));
        }
        Files.createSymbolicLink(dir.resolve("broken.json"), dir.resolve("nowhere.json"));
        assertThat(LocalPaths.list(dir.resolve("broken.json"), false)).containsExactly(
                FileSplit.File.problem(LocalPaths.uri(dir.resolve("broken.json")), LocalPaths.BROKEN_LINK));
    }

    /** Only where permissions hold: root reads any directory (this project's own machines run the build as root). */
    @Test
    void list_aDirectoryThatCannotBeListed_isAProblem_andTheWalkGoesOn() throws IOException {
        file("a/locked/x.json", "{}");
        file("b.json", "{}");
        java.nio.file.Path locked = dir.resolve("a/locked");
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "permissions do not hold for root");
            assertThat(LocalPaths.list(dir, true)).containsExactly(
                    FileSplit.File.problem(LocalPaths.uri(locked), "cannot list the directory: permission denied"),
                    new FileSplit.File(LocalPaths.uri(dir.resolve("b.json")), 2));
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * An entry whose attributes cannot be read (here its path is longer than the system takes, PATH_MAX, which holds
     * for root too) is a problem, in the command's words, and the walk goes on.
     */
    @Test
    void list_anEntryThatCannotBeRead_isAProblem_andTheWalkGoesOn() throws Exception {
        file("b.json", "{}");
        String part = "d".repeat(200);
        // levels of 201 characters, then a name that takes the path one past the longest the system takes (4,095)
        int levels = (4095 - dir.toString().length() - 50) / 201;
        int rest = 4095 - dir.toString().length() - levels * 201;
        String name = "x".repeat(rest - 5) + ".json";
        // made a directory at a time from inside the last: an absolute path this long cannot be used
        run("sh", "-c", "cd \"$0\" && for i in $(seq " + levels + "); do mkdir " + part + " && cd " + part
                + " || exit 1; done && echo '{}' > " + name, dir.toString());
        try {
            java.nio.file.Path tooLong = dir.resolve((part + "/").repeat(levels) + name);
            assertThat(LocalPaths.uri(tooLong)).hasSize("file:".length() + 4096);
            assertThat(LocalPaths.list(dir, true)).containsExactly(
                    new FileSplit.File(LocalPaths.uri(dir.resolve("b.json")), 2),
                    FileSplit.File.problem(LocalPaths.uri(tooLong), "cannot read: File name too long"));
        } finally {
            run("rm", "-rf", dir.resolve(part).toString());              // JUnit cannot delete what it cannot name
        }
    }

    /**
     * A name that is not UTF-8 (Latin-1 {@code café.json}) is listed with U+FFFD for the byte that is not, which
     * names no file; {@link LocalPaths#onDisk} finds it again, and it is read whole.
     */
    @Test
    void aNameThatIsNotUtf8_isListed_andReadThroughItsDirectory() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")));
        run("sh", "-c", "printf '{\"a\":1}' > \"$0/caf$(printf '\\351').json\"", dir.toString());
        List<FileSplit.File> listed = LocalPaths.list(dir, false);
        assertThat(listed).extracting(FileSplit.File::path).containsExactly(LocalPaths.uri(dir) + "/caf\uFFFD.json");
        java.nio.file.Path named = LocalPaths.qualified(listed.get(0).path()).orElseThrow();
        assertThat(Files.exists(named)).as("the text names no file").isFalse();
        assertThat(new String(LocalPaths.readWhole(LocalPaths.onDisk(named), 100), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}");
        assertThat(LocalPaths.onDisk(dir.resolve("plain.json"))).isEqualTo(dir.resolve("plain.json"));
        assertThat(LocalPaths.onDisk(dir.resolve("nowhere\uFFFD.json"))).isEqualTo(dir.resolve("nowhere\uFFFD.json"));
    }

    /**
     * A name that is not UTF-8 sorts by its bytes, as the command sorts paths: Latin-1 {@code E9} before the
     * {@code EF} of U+FB01 though its text's U+FFFD is after it, and a directory of that name after the file that
     * extends it with a dot.
     */
    @Test
    void aNameThatIsNotUtf8_sortsByItsBytes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")));
        run("sh", "-c", "e=$(printf '\\351'); mkdir \"$0/caf$e\"; for f in \"caf$e.json\" \"caf$e/x.json\""
                + " caf\u0444.json caf\uFB01.json caf\uFFFD.json; do printf '{}' > \"$0/$f\"; done", dir.toString());
        String at = LocalPaths.uri(dir) + "/";
        assertThat(LocalPaths.list(dir, false)).extracting(FileSplit.File::path).containsExactly(
                at + "caf\u0444.json", at + "caf\uFFFD.json", at + "caf\uFFFD/x.json", at + "caf\uFB01.json",
                at + "caf\uFFFD.json");
        List<String> command = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> command.add(LocalPaths.uri(f)));
        }
        assertThat(LocalPaths.list(dir, false)).extracting(FileSplit.File::path).isEqualTo(command);
    }

    static void mkfifo(java.nio.file.Path p) throws Exception {
        run("mkfifo", p.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", List.of(command), out).isZero();
    }

    @Test
    void list_aFile_isReadWhateverItsName_asHadoopNamesIt() throws IOException {
        file("notes.txt", "abc");
        LocalFileSystem fs = LocalFileSystem.getLocal(new Configuration());
        FileStatus hadoop = fs.getFileStatus(new Path(dir.resolve("notes.txt").toString()));
        assertThat(LocalPaths.list(dir.resolve("notes.txt"), false))
                .containsExactly(new FileSplit.File(hadoop.getPath().toString(), 3));
        assertThatThrownBy(() -> LocalPaths.list(dir.resolve("nowhere"), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("onfailure: no such file or directory: " + dir.resolve("nowhere"));
    }

    @Test
    void of_isLocalForFileUris_andForPathsWithoutSchemeOnALocalDefaultFileSystem() {
        java.nio.file.Path abs = Paths.get("/data/dlq");
        assertThat(LocalPaths.of("/data/dlq", "file:///")).contains(abs);
        assertThat(LocalPaths.of("/data/./x/../dlq/", "file:///")).contains(abs);
        assertThat(LocalPaths.of("file:/data/dlq", "hdfs://nn:8020")).contains(abs);
        assertThat(LocalPaths.of("file:///data/dlq", "file:///")).contains(abs);
        assertThat(LocalPaths.of("file://localhost/data/dlq", "file:///")).contains(abs);
        assertThat(LocalPaths.of("dlq", "file:///")).contains(Paths.get("dlq").toAbsolutePath());
        assertThat(LocalPaths.of("/data/dlq", "hdfs://nn:8020")).isEmpty();
        assertThat(LocalPaths.of("s3a://bucket/prefix", "file:///")).isEmpty();
        assertThat(LocalPaths.of("file://otherhost/data", "file:///")).isEmpty();
    }

    @Test
    void source_isThePathTheCommandPrints_orTheUriOfAnotherFileSystem() {
        java.nio.file.Path p = Paths.get("/data/with space/a%20b.json");
        assertThat(LocalPaths.uri(p)).isEqualTo("file:/data/with space/a%20b.json");
        assertThat(LocalPaths.source(LocalPaths.uri(p))).isEqualTo("/data/with space/a%20b.json");
        assertThat(LocalPaths.source("s3a://bucket/aws/lambda/x")).isEqualTo("s3a://bucket/aws/lambda/x");
        assertThat(LocalPaths.qualified("s3a://bucket/x")).isEqualTo(Optional.empty());
        assertThat(LocalPaths.name("s3a://bucket/aws/lambda/x.ndjson")).isEqualTo("x.ndjson");
    }

    @Test
    void readWhole_givesAnArrayOfExactlyTheFileSize_upToTheCap() throws IOException {
        byte[] data = new byte[3 * 65_536 + 17];   // more than any read buffer, not a power of two
        new Random(7).nextBytes(data);
        java.nio.file.Path f = dir.resolve("big.json");
        Files.write(f, data);
        byte[] read = LocalPaths.readWhole(f, Integer.MAX_VALUE - 16);
        assertThat(read).hasSize(data.length).isEqualTo(data);
        // over the cap: exactly the cap (one byte past the document limit, for json.limit)
        assertThat(LocalPaths.readWhole(f, 1_001)).hasSize(1_001)
                .isEqualTo(java.util.Arrays.copyOf(data, 1_001));
        java.nio.file.Path empty = dir.resolve("empty.json");
        Files.write(empty, new byte[0]);
        assertThat(LocalPaths.readWhole(empty, 100)).isEmpty();
        assertThatThrownBy(() -> LocalPaths.readWhole(dir.resolve("nowhere.json"), 100))
                .isInstanceOf(IOException.class).hasMessageContaining("nowhere.json");
    }
}
