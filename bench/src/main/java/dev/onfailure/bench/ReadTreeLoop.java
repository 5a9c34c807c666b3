package dev.onfailure.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The yardstick of the whole-run comparisons ({@code bench/whole-runs.sh}): a one-thread program that only parses
 * each input with Jackson's {@code readTree} and counts what it read. Arguments are NDJSON files (every non-blank
 * line is a document) or JSON files (the file is one document); it prints the number of documents and nodes so that
 * nothing can be optimised away.
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar dev.onfailure.bench.ReadTreeLoop records.ndjson}</pre>
 */
public final class ReadTreeLoop {

    private ReadTreeLoop() {
    }

    public static void main(String[] args) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        long documents = 0;
        long nodes = 0;
        for (String arg : args) {
            Path path = Path.of(arg);
            if (arg.endsWith(".ndjson") || arg.endsWith(".jsonl")) {
                try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (!line.isBlank()) {
                            nodes += mapper.readTree(line).size();
                            documents++;
                        }
                    }
                }
            } else if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                        JsonNode tree = mapper.readTree(Files.readAllBytes(file));
                        nodes += tree.size();
                        documents++;
                    }
                }
            } else {
                nodes += mapper.readTree(Files.readAllBytes(path)).size();
                documents++;
            }
        }
        System.out.println(documents + " documents, " + nodes + " top-level members");
    }
}
