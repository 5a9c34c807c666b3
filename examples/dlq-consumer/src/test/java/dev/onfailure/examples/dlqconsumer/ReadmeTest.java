package dev.onfailure.examples.dlqconsumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The main README shows this example's function: what it shows is what the build compiles and DlqConsumerTest runs. */
final class ReadmeTest {

    @Test
    void readme_showsTheFunction_verbatim() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(
                Path.of("src/main/java/dev/onfailure/examples/dlqconsumer/DlqConsumer.java"), StandardCharsets.UTF_8);
        String code = source.substring(source.indexOf("import ")).stripTrailing();

        assertThat(readme).contains("```java\n" + code + "\n```\n");
    }

    /** Every fenced block is closed by a bare fence: one left open turns the rest of the README into code. */
    @Test
    void readme_closesEveryCodeBlock() throws IOException {
        for (String file : new String[] {"../../README.md", "README.md"}) {
            java.util.List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            int openedAt = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("```")) {
                    continue;
                }
                if (openedAt < 0) {
                    openedAt = i + 1;
                } else {
                    assertThat(line).as("%s:%d closes the block opened at line %d", file, i + 1, openedAt)
                            .isEqualTo("```");
                    openedAt = -1;
                }
            }
            assertThat(openedAt).as("%s: the block opened at line %d is closed", file, openedAt).isEqualTo(-1);
        }
    }
}
