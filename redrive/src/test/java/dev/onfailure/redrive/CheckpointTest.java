package dev.onfailure.redrive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckpointTest {

    @Test
    void directory_isRefusedInOneLineNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> Checkpoint.open(dir, Target.topic("orders-replay")))
                .isInstanceOf(RecoveryException.class)
                .hasMessage("checkpoint " + dir + " is a directory: give a file (--checkpoint FILE)");
    }
}
