package dev.onfailure.cli;

import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import dev.onfailure.sources.Location;
import dev.onfailure.sources.SourceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onfailure format}: reads a document and writes it back, losslessly, in the order and layout asked for. */
@Command(name = "format", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Write a record back in AWS order or sorted, losing nothing.",
                "Any JSON document is taken, written pretty or compact. Nothing is lost: number text, string"
                + " content, null versus absent and unknown members are kept."
                + " A known record is written in the order AWS uses for SQS and SNS bodies (--order aws) or sorted at"
                + " every level as AWS writes S3 objects (--order sorted); any other document keeps its own order."
                + " --order input keeps the document's own member order and every token as written (a string's"
                + " escapes such as \\u003c, a number's form): a compact record comes back byte for byte. An"
                + " .ndjson or .jsonl file, or NDJSON on standard input, is read a document a line, as validate reads"
                + " it: with --compact, NDJSON comes back."},
        footer = {"",
                "Examples:",
                "  onfailure format failure.json",
                "  onfailure format --order sorted --compact failure.json > s3-object.json",
                "  pbpaste | onfailure format -",
                "  # token for token:",
                "  onfailure format --order input --compact emulator-record.json",
                "  # one file per object:",
                "  onfailure format --output-dir dlq/ s3://dlq-bucket/aws/lambda/",
                "  onfailure format --output-dir dlq/ sqs://orders-dlq --max-messages 100",
                "  onfailure format --output-dir dlq/ kafka://orders-failures \\",
                "      --bootstrap-server b-1.example:9092",
                "",
                "Exit codes: 0 written; 1 the input is not well-formed JSON (its json.*",
                "finding is printed); 2 a usage error or an input that could not be read."})
final class FormatCommand implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "aws",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Choices.Order order;

    @ArgGroup(exclusive = true)
    LayoutChoice layout = new LayoutChoice();

    static final class LayoutChoice {
        @Option(names = "--pretty", description = "Two-space indentation (the default).")
        boolean pretty;

        @Option(names = "--compact", description = "No whitespace: an SQS or SNS message body.")
        boolean compact;
    }

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "With an s3://, sqs:// or kafka:// location: write each document to a file below DIR"
                    + " (DIR/bucket/key, DIR/queue/message-id.json, DIR/topic/partition@offset.json).")
    Path outputDir;

    @Mixin
    RemoteOptions remoteOptions = new RemoteOptions();

    @Parameters(paramLabel = "PATH", arity = "0..1",
            description = "The document; - or nothing for standard input; or an s3://, sqs://, kafka:// location.")
    String path;

    FormatCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        WriteOptions options = WriteOptions.of(order.order(), layout.compact ? Layout.COMPACT : Layout.PRETTY);
        remoteOptions.unused(java.util.Collections.singletonList(path)).ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), p);
        });
        if (path != null && Location.isLocation(path)) {
            if (outputDir == null) {
                throw new ParameterException(spec.commandLine(), "--output-dir is needed to format " + path
                        + ": each document is written to its own file");
            }
            return location(options);
        }
        if (outputDir != null) {
            throw new ParameterException(spec.commandLine(), "--output-dir goes with an s3://, sqs:// or kafka://"
                    + " location; a file or standard input is written to standard output");
        }
        Iterator<Inputs.Unit> units;
        try {
            units = ReadInput.units(path, io.in());
        } catch (IOException e) {
            io.err().println("onfailure: " + ReadInput.name(path) + ": cannot read: " + Inputs.message(e));
            return ExitCodes.USAGE;
        }
        // one document, or NDJSON (an .ndjson/.jsonl file, or lines on standard input): each line's in turn, so that
        // --compact gives NDJSON back
        int code = ExitCodes.OK;
        boolean many = false;
        while (units.hasNext()) {
            Inputs.Unit u = units.next();
            many |= u.line() > 0;
            String name = many ? u.source() : ReadInput.name(path);
            if (u.data() == null) {
                io.out().flush();
                io.err().println("onfailure: " + name + ": " + u.problem());
                code = ExitCodes.USAGE;
                continue;
            }
            code = Math.max(code, one(name, u.data(), options));
        }
        io.out().flush();
        return code;
    }

    /** Writes one document, or says on standard error why it is not JSON (exit 1). */
    private int one(String name, byte[] bytes, WriteOptions options) {
        JsonValue doc;
        try {
            doc = Json.parse(bytes);
        } catch (ReadException e) {
            // The same finding the validator gives, so the two commands agree on what is wrong.
            io.out().flush();
            Validator.create().validate(bytes).findings().forEach(f -> io.err().println(findingLine(name, f, "")));
            return ExitCodes.FINDINGS;
        }
        io.out().println(order == Choices.Order.INPUT ? TokenLayout.layout(bytes, !layout.compact)
                : write(doc, options));
        return ExitCodes.OK;
    }

    /**
     * Every document at the location to its own file below {@code --output-dir}; a document that is not JSON is
     * written as it came (nothing is lost) and its finding printed, but for one over the document limit, of which only
     * the limit and one byte more were read: that is not written (a file of its first bytes is not what came). Files
     * are named after the origin, so a rerun overwrites rather than duplicates.
     */
    private int location(WriteOptions options) {
        SourceOptions sourceOptions;
        try {
            sourceOptions = remoteOptions.toOptions(dev.onfailure.json.ReadLimits.defaults().maxDocumentBytes(), 1);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Location where;
        try {
            where = Location.parse(path);
        } catch (IllegalArgumentException e) {
            io.err().println("onfailure: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // the directory is made (or found wanting) before anything is read: an SQS message received for a file that
        // cannot be written would stay in flight for nothing
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            io.err().println("onfailure: --output-dir " + outputDir + ": " + (Files.exists(outputDir)
                    && !Files.isDirectory(outputDir) ? "not a directory" : "cannot make it: " + Inputs.message(e)));
            return ExitCodes.USAGE;
        }
        java.nio.file.attribute.FileTime start;
        try {
            start = now(outputDir);
        } catch (IOException e) {
            io.err().println("onfailure: --output-dir " + outputDir + ": cannot write there");
            return ExitCodes.USAGE;
        }
        int code = ExitCodes.OK;
        int written = 0;
        // a second document for a file this run wrote is refused, never written over it
        Claims claims = new Claims(where, start, foldsCase(outputDir));
        try (Remote remote = new Remote(() -> sourceOptions, false)) {
            Iterator<Inputs.Unit> units = remote.units(path).orElseThrow();
            while (units.hasNext()) {
                Inputs.Unit u = units.next();
                if (u.data() == null) {
                    io.err().println("onfailure: " + u.source() + ": " + u.problem());
                    code = ExitCodes.USAGE;
                    continue;
                }
                Path file;
                try {
                    file = outputFile(outputDir, where, u.source());
                } catch (IllegalArgumentException e) {
                    io.err().println("onfailure: " + u.source() + ": not written: " + e.getMessage());
                    code = ExitCodes.USAGE;
                    continue;
                }
                String earlier = claims.claim(file, u.source());
                if (earlier != null) {
                    io.err().println("onfailure: " + u.source() + ": not written: its file " + file + " already holds "
                            + (earlier.equals(Claims.FOLDED) ? "another key of this run whose name differs from this"
                                    + " one's only in case (this file system does not tell upper from lower case)"
                            : (earlier.isEmpty() ? "another key of this run (the listing came out of order)" : earlier)
                                    + " (a key is written with .json added where it has none)"));
                    code = ExitCodes.USAGE;
                    continue;
                }
                byte[] out;
                try {
                    out = (write(Json.parse(u.data()), options) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                } catch (ReadException e) {
                    // a document over the limit was read only up to one byte past it: those bytes are not what came
                    boolean cut = u.data().length > sourceOptions.maxDocumentBytes();
                    Validator.create().validate(u.data()).findings()
                            .forEach(f -> io.err().println(findingLine(u.source(), f, cut
                                    ? " (not written: only its first " + u.data().length + " bytes were read)"
                                    : " (written as it came)")));
                    code = Math.max(code, ExitCodes.FINDINGS);
                    if (cut) {
                        code = ExitCodes.USAGE;          // as for every object not written: not all is on disk
                        continue;
                    }
                    out = u.data();
                }
                try {
                    Files.createDirectories(file.getParent());
                    Files.write(file, out);
                    written++;
                } catch (IOException e) {
                    Optional<String> clash = clash(outputDir, file);
                    if (clash.isPresent()) {
                        // one key's file is another's directory (a.json and a.json/b): this one is left, not the run
                        io.err().println("onfailure: " + u.source() + ": not written: " + clash.get());
                        code = ExitCodes.USAGE;
                        continue;
                    }
                    io.err().println("onfailure: " + file + ": cannot write: " + Inputs.message(e));
                    return ExitCodes.USAGE;
                }
            }
            remote.notes(false).forEach(io.err()::println);
        }
        io.err().println(written + " document" + (written == 1 ? "" : "s") + " written below " + outputDir);
        return code;
    }

    /**
     * The time by the clock of the file system {@code dir} is on, which can lag the system's by a few milliseconds
     * (or round to a second or two): a file written after this call is never older. A file made and deleted again
     * tells it, and that {@code dir} can be written.
     */
    static java.nio.file.attribute.FileTime now(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, ".onfailure-", ".tmp");
        try {
            return Files.getLastModifiedTime(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * Whether the file system {@code dir} is on takes names that differ only in case for one file (macOS's and
     * Windows's by default): a file made with a lower-case name is looked for by its upper-case one.
     */
    static boolean foldsCase(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".onfailure-case-", ".tmp");
            try {
                String name = probe.getFileName().toString();
                return Files.exists(dir.resolve(name.toUpperCase(java.util.Locale.ROOT)),
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return false;                       // the directory was written just before: this is not expected
        }
    }

    /**
     * Which document of this run, if any, already has a file. Names are distinct for distinct origins (see {@link
     * #safeSegment}) but for one pair: an S3 key {@code K} is written as {@code K.json}, the file of the key
     * {@code K.json} too. S3 lists keys in UTF-8 order, so {@code K} comes before every key that starts with it, and
     * only the keys given {@code .json} that are a prefix of the current key are kept: a stack no deeper than a key is
     * long, whatever the number of objects. S3 Express directory buckets (names ending {@code --x-s3}) do not list in
     * order, nor may another store: for them, and from the first key out of order on, every file is remembered (with
     * the stack's, all that order had kept); a file of a key popped before that, which nothing remembers, is known by
     * its time: written since the run began.
     */
    static final class Claims {
        private final String prefix;
        private final java.nio.file.attribute.FileTime start;
        private boolean ordered;
        private boolean fellBack;
        private final Deque<Stem> stems = new ArrayDeque<>();
        private String last = "";
        private Map<Path, String> files;

        /**
         * What {@link #claim} gives for a file another key of this run has on a file system that folds case ({@code
         * A.json} and {@code a.json} are one file there): known by its time, as no order of keys brings such keys
         * together.
         */
        static final String FOLDED = "(case)";

        private final boolean foldsCase;

        /** Claims for a run at {@code location} that began at {@code start}, on a file system that tells case. */
        Claims(Location location, java.nio.file.attribute.FileTime start) {
            this(location, start, false);
        }

        /** Claims for a run at {@code location} that began at {@code start}; see {@link #foldsCase(Path)}. */
        Claims(Location location, java.nio.file.attribute.FileTime start, boolean foldsCase) {
            this.start = start;
            this.foldsCase = foldsCase;
            if (location instanceof Location.S3 s3) {
                prefix = "s3://" + s3.bucket() + "/";
                ordered = !s3.bucket().endsWith("--x-s3");
                files = ordered ? null : new HashMap<>();
            } else {
                // an SQS message id or a Kafka partition@offset names one document, and the source hands each once
                prefix = null;
            }
        }

        /**
         * Takes {@code file} for {@code source}; the source that already has it, the empty string when a source of
         * this run whose name is no longer held has it, {@link #FOLDED} when the file system folds case and a key of
         * this run differing in case has it, or null.
         */
        String claim(Path file, String source) {
            if (prefix == null) {
                return null;
            }
            String earlier = claimByKey(file, source);
            if (earlier == null && foldsCase && writtenSinceStart(file)) {
                return FOLDED;
            }
            return earlier;
        }

        private String claimByKey(Path file, String source) {
            String key = source.substring(prefix.length());
            if (ordered && compareUtf8(key, last) <= 0) {
                ordered = false;
                fellBack = true;
                files = new HashMap<>();
                stems.forEach(s -> files.put(s.file(), prefix + s.key()));
            }
            last = key;
            if (!ordered) {
                String earlier = files.putIfAbsent(file, source);
                if (earlier == null && fellBack && writtenSinceStart(file)) {
                    files.put(file, "");
                    return "";
                }
                return earlier;
            }
            while (!stems.isEmpty() && !key.startsWith(stems.peek().key())) {
                stems.pop();
            }
            if (!key.endsWith(".json")) {
                stems.push(new Stem(key, file));
                return null;
            }
            String stem = key.substring(0, key.length() - ".json".length());
            return stems.stream().anyMatch(s -> s.key().equals(stem)) ? prefix + stem : null;
        }

        private boolean writtenSinceStart(Path file) {
            try {
                return Files.getLastModifiedTime(file).compareTo(start) >= 0;
            } catch (IOException e) {
                return false; // not there: no document of this run has it
            }
        }

        /** How many keys are held: the memory this costs. */
        int held() {
            return stems.size() + (files == null ? 0 : files.size());
        }

        /** A key written with {@code .json} added, and its file. */
        private record Stem(String key, Path file) {
        }

        /** Two strings in the order of their UTF-8 bytes (S3's): by code point, not by UTF-16 unit. */
        static int compareUtf8(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Boolean.compare(i < a.length(), j < b.length());
        }
    }

    /**
     * Why {@code file} below {@code dir} cannot be written because of what other keys made: it is a directory (a key
     * below it), or one of its directories is a file (a key written there); empty when neither is so.
     */
    static Optional<String> clash(Path dir, Path file) {
        if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("its file " + file + " is a directory, made for the keys below it");
        }
        for (Path p = file.getParent(); p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
            if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("its directory " + p + " is a file, written for another key");
            }
        }
        return Optional.empty();
    }

    /** A finding on one line, as validate's text output words it; stderr writes control characters out. */
    private static String findingLine(String source, Finding f, String suffix) {
        return source + ": " + f.severity().id() + " " + f.code() + " at "
                + (f.pointer().isEmpty() ? "/" : f.pointer()) + ": " + f.message() + suffix;
    }

    /** Where a document goes below {@code dir}: named after its origin, never outside {@code dir}. */
    static Path outputFile(Path dir, Location location, String source) {
        List<String> segments = new ArrayList<>();
        String name;
        if (location instanceof Location.S3 s3) {
            segments.add(s3.bucket());
            String key = source.substring(("s3://" + s3.bucket() + "/").length());
            List<String> parts = List.of(key.split("/", -1));
            segments.addAll(parts.subList(0, parts.size() - 1));
            name = parts.get(parts.size() - 1);
            name = name.endsWith(".json") ? name : name + ".json";
        } else if (location instanceof Location.Sqs sqs) {
            segments.add(sqs.name());
            name = source.substring(source.lastIndexOf('#') + 1) + ".json";
        } else {
            Location.Kafka kafka = (Location.Kafka) location;
            segments.add(kafka.topic());
            name = source.substring(("kafka://" + kafka.topic() + "/").length()) + ".json";
        }
        segments.add(name);
        Path file = dir;
        for (String segment : segments) {
            String safe = safeSegment(segment);
            if (safe.isEmpty() || safe.equals(".") || safe.equals("..")) {
                throw new IllegalArgumentException("its name has an empty, . or .. segment");
            }
            file = file.resolve(safe);
        }
        return file;
    }

    /**
     * A name's part as a file name's: letters, digits and {@code ._@=+-} as they are, every other byte of its UTF-8
     * as {@code %XX} ({@code %} too), so that two names never give one file ({@code a b} is {@code a%20b}, {@code a_b}
     * stays {@code a_b}).
     */
    static String safeSegment(String segment) {
        StringBuilder b = new StringBuilder(segment.length());
        for (byte x : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "._@=+-".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Writes a record through the typed model (AWS order); anything else as the tree it is. */
    static String write(JsonValue doc, WriteOptions options) {
        if (doc instanceof JsonObject o && RecordCodec.kindOf(o).isPresent()) {
            try {
                RecordCodec codec = RecordCodec.defaults();
                return codec.write(codec.read(o), options);
            } catch (ReadException e) {
                // Not a well-shaped record: still JSON, still written back exactly.
                return Json.write(doc, options);
            }
        }
        return Json.write(doc, options);
    }

}
