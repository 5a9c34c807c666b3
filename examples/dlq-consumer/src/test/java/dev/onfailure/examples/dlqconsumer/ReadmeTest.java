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
}
