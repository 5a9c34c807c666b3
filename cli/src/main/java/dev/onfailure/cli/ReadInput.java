package dev.onfailure.cli;

import dev.onfailure.json.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the single document a command works on: a file, or standard input for {@code -}. What {@code validate} does
 * not read (a FIFO, a device, a broken link) is refused here too, before it is opened: opening a FIFO that no one
 * writes to would wait for ever.
 */
final class ReadInput {

    private ReadInput() {
    }

    static String name(String path) {
        return path == null || path.equals("-") ? Inputs.STDIN : path;
    }

    /**
     * The documents of {@code path} as {@code validate} reads them: one for a file or a single document on standard
     * input, one a line for an {@code .ndjson}/{@code .jsonl} file or NDJSON on standard input (a line that cannot be
     * read is a unit with its problem). What cannot be read at all (no such file, a directory, a FIFO) is refused
     * before anything is opened.
     */
    static java.util.Iterator<Inputs.Unit> units(String path, InputStream stdin) throws IOException {
        if (path != null && !path.equals("-")) {
            readable(path);
        }
        return Inputs.units(path == null || path.equals("-") ? java.util.List.of() : java.util.List.of(path), stdin,
                ReadLimits.defaults());
    }

    static byte[] bytes(String path, InputStream stdin) throws IOException {
        long max = ReadLimits.defaults().maxDocumentBytes();
        if (path == null || path.equals("-")) {
            return Inputs.readCapped(stdin, max);
        }
        try (InputStream in = Files.newInputStream(readable(path))) {
            return Inputs.readCapped(in, max);
        }
    }

    /** The file {@code path} names, if it is one to read; else why not (a directory, no such file, a FIFO...). */
    private static Path readable(String path) throws IOException {
        Path p = Inputs.named(Path.of(path));
        if (Files.isDirectory(p)) {
            throw new IOException("is a directory");
        }
        java.util.Optional<String> problem = Inputs.fileProblem(p);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        return p;
    }
}
