package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckpointTest {

    private static final Target TARGET = Target.topic("orders-replay");

    @Test
    void directory_isRefusedInOneLineNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> Checkpoint.open(dir, TARGET))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("checkpoint " + dir + " is a directory: give a file (--checkpoint FILE)");
    }

    @Test
    void anotherFileOfOneLineWithoutANewline_isRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        // an S3 object saved as it came has no newline at its end: given as --checkpoint by mistake, it is the user's
        Path record = dir.resolve("s3-record.json");
        Files.writeString(record, "{\"requestContext\":{}}");
        assertThatThrownBy(() -> Checkpoint.open(record, TARGET))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("checkpoint " + record + " is not a redrive checkpoint (give another --checkpoint; this"
                        + " file is left as it is)");
        assertThat(record).hasContent("{\"requestContext\":{}}");
    }

    @Test
    void aHeaderCutShortByAKill_startsAfresh(@TempDir Path dir) throws Exception {
        Path cp = dir.resolve("cut.checkpoint");
        Files.writeString(cp, "onfailure-redrive-check");
        try (Checkpoint c = Checkpoint.open(cp, TARGET)) {
            assertThat(c.sent).isEmpty();
        }
        assertThat(cp).hasContent("onfailure-redrive-checkpoint 1 topic:orders-replay\n");
    }

    @Test
    void bytesThatAreNotText_areOneLineAndTheFileIsLeftAsItIs(@TempDir Path dir) throws Exception {
        Path noise = dir.resolve("noise.checkpoint");
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 0, 1, '\n'};
        Files.write(noise, bytes);
        assertThatThrownBy(() -> Checkpoint.open(noise, TARGET))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("checkpoint " + noise + " is not a redrive checkpoint (give another --checkpoint; this"
                        + " file is left as it is)");
        Path damaged = dir.resolve("damaged.checkpoint");
        byte[] header = "onfailure-redrive-checkpoint 1 topic:orders-replay\nsent orders 0 1\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withNoise = java.util.Arrays.copyOf(header, header.length + bytes.length);
        System.arraycopy(bytes, 0, withNoise, header.length, bytes.length);
        Files.write(damaged, withNoise);
        assertThatThrownBy(() -> Checkpoint.open(damaged, TARGET))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("checkpoint " + damaged + " is damaged: it holds bytes that are not UTF-8 text (give"
                        + " another --checkpoint; this file is left as it is)");
        assertThat(Files.readAllBytes(damaged)).isEqualTo(withNoise);
    }

    @Test
    void aPlaceThatCannotHoldAFile_isOneLineInWords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("records.json");
        Files.writeString(file, "{}\n");
        assertThatThrownBy(() -> Checkpoint.open(file.resolve("redrive.checkpoint"), TARGET))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("cannot use checkpoint " + file.resolve("redrive.checkpoint") + ": " + file
                        + " is a file, not a directory");
    }

    @Test
    void aFileThatCannotBeForcedToDisk_isARecoveryException() {
        // /dev/null takes writes but not fsync on Linux (EINVAL): that is one line, not an unchecked I/O error
        Path devNull = Path.of("/dev/null");
        if (!Files.isWritable(devNull)) {
            return;
        }
        try {
            Checkpoint.open(devNull, TARGET).close();
        } catch (RecoveryException e) {
            assertThat(e).hasMessageStartingWith("cannot write checkpoint /dev/null to the disk: ");
        }
    }
}
