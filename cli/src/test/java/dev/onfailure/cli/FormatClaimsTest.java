package dev.onfailure.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.sources.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatClaimsTest {

    private static final Path DIR = Path.of("out");

    /** The refusals {@code keys} meet in this order, as "key<-earlier". */
    private static List<String> refusals(String bucket, String... keys) {
        Location location = Location.parse("s3://" + bucket);
        FormatCommand.Claims claims = new FormatCommand.Claims(location, FileTime.from(Instant.now()));
        List<String> refused = new ArrayList<>();
        for (String key : keys) {
            String source = "s3://" + bucket + "/" + key;
            String earlier = claims.claim(FormatCommand.outputFile(DIR, location, source), source);
            if (earlier != null) {
                refused.add(key + "<-" + earlier.substring(("s3://" + bucket + "/").length()));
            }
        }
        return refused;
    }

    @Test
    void inKeyOrder_aKeyAndTheKeyWithJsonAdded_share_andNothingElseDoes() {
        assertThat(refusals("bkt", "a", "a!", "a-b", "a-b.json", "a.j", "a.json", "a.json.json", "a/b", "a/b.json", "b",
                "b.json", "c.json"))
                .containsExactly("a-b.json<-a-b", "a.json<-a", "a/b.json<-a/b",
                        "b.json<-b");
    }

    @Test
    void keysBeyondUFFFF_areInOrderAfterUE000() {
        // S3's order is the UTF-8 bytes': U+FF01 before U+1F600, though its UTF-16 unit is the greater
        assertThat(refusals("bkt", "\uFF01", "\uD83D\uDE00", "\uD83D\uDE00.json")).containsExactly(
                "\uD83D\uDE00.json<-\uD83D\uDE00");
        assertThat(FormatCommand.Claims.compareUtf8("\uFF01", "\uD83D\uDE00")).isNegative();
        assertThat(FormatCommand.Claims.compareUtf8("a", "ab")).isNegative();
        assertThat(FormatCommand.Claims.compareUtf8("ab", "ab")).isZero();
    }

    @Test
    void aMillionKeysInOrder_holdOnlyTheStack() {
        Location location = Location.parse("s3://bkt/aws/lambda");
        FormatCommand.Claims claims = new FormatCommand.Claims(location, FileTime.from(Instant.now()));
        int most = 0;
        for (int i = 0; i < 1_000_000; i++) {
            String source = String.format("s3://bkt/aws/lambda/%07d/p-%d%s", i / 10, i % 10, i % 3 == 0 ? "" : ".json");
            assertThat(claims.claim(FormatCommand.outputFile(DIR, location, source), source)).isNull();
            most = Math.max(most, claims.held());
        }
        assertThat(most).isEqualTo(1);
    }

    /**
     * A listing out of order after the keys of a pair went by: the file map starts where order ended, and a file
     * written earlier in the run is known by its time; a file an earlier run wrote is not this run's.
     */
    @Test
    void outOfOrder_afterThePairsFirstKeyWentBy_isStillRefused(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        Location location = Location.parse("s3://bkt");
        Path old = FormatCommand.outputFile(out, location, "s3://bkt/c.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{}");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(60)));
        for (List<String> keys : List.of(List.of("a", "b.json", "z", "b"), List.of("b", "c", "z", "b.json"),
                List.of("a", "z", "c.json"))) {
            FormatCommand.Claims claims = new FormatCommand.Claims(location, FormatCommand.now(out));
            List<String> refused = new ArrayList<>();
            for (String key : keys) {
                String source = "s3://bkt/" + key;
                Path file = FormatCommand.outputFile(out, location, source);
                String earlier = claims.claim(file, source);
                if (earlier != null) {
                    refused.add(key + "<-" + earlier);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "{}");
                }
            }
            // the first two meet a file of this run; the third only an earlier run's c.json, which it replaces
            assertThat(refused).as(keys.toString()).hasSize(keys.contains("c.json") ? 0 : 1)
                    .allSatisfy(r -> assertThat(r).endsWith("<-"));
            for (String key : keys) {
                Files.deleteIfExists(FormatCommand.outputFile(out, location, "s3://bkt/" + key));
            }
            Files.writeString(old, "{}");
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(60)));
        }
    }

    /**
     * On a file system that folds case (macOS's, Windows's), A.json and a.json are one file, and S3 lists other keys
     * between them: the second is known by the file's time. Linux tells case, so the folding is played with a hard
     * link made where the file system would have taken the name for the same file.
     */
    @Test
    void keysThatDifferOnlyInCase_onAFileSystemThatFoldsIt_areRefused(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        assertThat(FormatCommand.foldsCase(out)).as("Linux tells case").isFalse();
        try (java.util.stream.Stream<Path> left = Files.list(out)) {
            assertThat(left).as("the probe is gone").isEmpty();
        }
        Location location = Location.parse("s3://bkt");
        Path upper = FormatCommand.outputFile(out, location, "s3://bkt/A.json");
        Path lower = FormatCommand.outputFile(out, location, "s3://bkt/a.json");
        for (boolean folds : new boolean[] {true, false}) {
            FormatCommand.Claims claims = new FormatCommand.Claims(location, FormatCommand.now(out), folds);
            assertThat(claims.claim(upper, "s3://bkt/A.json")).isNull();
            Files.createDirectories(upper.getParent());
            Files.writeString(upper, "{}");
            Files.createLink(lower, upper);                       // what a folding file system makes of a.json
            assertThat(claims.claim(FormatCommand.outputFile(out, location, "s3://bkt/B"), "s3://bkt/B")).isNull();
            assertThat(claims.claim(lower, "s3://bkt/a.json")).as("folds=%s", folds)
                    .isEqualTo(folds ? FormatCommand.Claims.FOLDED : null);
            Files.delete(lower);
            Files.delete(upper);
        }
        // an earlier run's file is not this run's, folding or not
        Files.writeString(upper, "{}");
        Files.setLastModifiedTime(upper, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(new FormatCommand.Claims(location, FormatCommand.now(out), true).claim(upper, "s3://bkt/A.json"))
                .isNull();
    }

    /** Keys a.json and a.json/b (S3 holds both; a file system cannot): the second is left, with why. */
    @Test
    void aKeysFileThatIsAnothersDirectory_isAClash_anythingElseIsNot(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        Location location = Location.parse("s3://bkt");
        Path file = FormatCommand.outputFile(out, location, "s3://bkt/a.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "{}");
        Path below = FormatCommand.outputFile(out, location, "s3://bkt/a.json/b");
        assertThat(FormatCommand.clash(out, below)).contains("its directory " + file + " is a file, written for"
                + " another key");
        Path dir = FormatCommand.outputFile(out, location, "s3://bkt/d.json");
        java.nio.file.Files.createDirectories(dir);
        assertThat(FormatCommand.clash(out, dir)).contains("its file " + dir + " is a directory, made for the keys"
                + " below it");
        assertThat(FormatCommand.clash(out, FormatCommand.outputFile(out, location, "s3://bkt/e/f"))).isEmpty();
        // the output directory itself is not another key's
        assertThat(FormatCommand.clash(file, file.resolve("x.json"))).isEmpty();
    }

    @Test
    void aDirectoryBucket_listsOutOfOrder_andEveryFileIsRemembered() {
        assertThat(refusals("fast--usw2-az1--x-s3", "x.json", "y", "x")).containsExactly("x<-x.json");
    }

    @Test
    void aListingOutOfOrder_isNoticed_andFilesAreRememberedFromThere() {
        // m, given .json and still on the stack when order broke, is remembered too
        assertThat(refusals("bkt", "m", "c.json", "c", "m.json")).containsExactly("c<-c.json", "m.json<-m");
    }
}
