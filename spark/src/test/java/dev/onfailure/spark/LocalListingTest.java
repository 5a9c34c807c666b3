package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system is listed with java.nio: the same files and paths as Hadoop's own listing gives. */
final class LocalListingTest {

    @TempDir
    java.nio.file.Path dir;

    private void file(String relative, String text) throws IOException {
        java.nio.file.Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void javaNioWalk_listsWhatHadoopLists() throws IOException {
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
        LocalFileSystem fs = LocalFileSystem.getLocal(new Configuration());
        Path root = fs.getFileStatus(new Path(dir.toUri())).getPath();
        for (boolean all : new boolean[] {true, false}) {
            List<FileSplit.File> hadoop = new ArrayList<>();
            FailureScan.walk(fs, root, "", all, hadoop);
            List<FileSplit.File> nio = new ArrayList<>();
            FailureScan.walkLocal((RawLocalFileSystem) fs.getRaw(), root, all, nio);
            hadoop.sort(Comparator.comparing(FileSplit.File::path));
            nio.sort(Comparator.comparing(FileSplit.File::path));
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
}
