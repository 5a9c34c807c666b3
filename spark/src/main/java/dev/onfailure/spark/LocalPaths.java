package dev.onfailure.spark;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Local files without Hadoop: listing with {@code java.nio} on the driver and reading whole files in the tasks.
 * Hadoop's local file system costs far more per file than the work a failure record needs (its {@code Path} parses
 * a URI, its listing builds a status per file, opening looks for a {@code .crc} beside the file), and a directory of
 * failure records is many small files. Paths are written as Hadoop's local file system writes them
 * ({@code file:/abs/path}, not URI-escaped), so rows name files as before.
 *
 * <p>Example: {@code LocalPaths.of("/data/dlq", "file:///")} is the local directory; with the default file system
 * {@code hdfs://nn:8020} the same path is on HDFS and this returns empty, and Hadoop lists it.
 */
final class LocalPaths {

    private static final String SCHEME = "file:";

    private LocalPaths() {
    }

    /**
     * The local file or directory {@code path} names: a {@code file:} URI, or a path without a scheme when the
     * default file system ({@code fs.defaultFS}) is the local one; empty for any other file system.
     */
    static Optional<Path> of(String path, String defaultFs) {
        Optional<Path> qualified = qualified(path);
        if (qualified.isPresent() || hasScheme(path) || !defaultFs.startsWith(SCHEME)) {
            return qualified;
        }
        return Optional.of(Paths.get(path).toAbsolutePath().normalize());
    }

    /**
     * The local file a listed path names ({@code file:/abs/path}, as {@link #uri} writes it; {@code file:///} and
     * {@code file://localhost/} are taken too); empty for another scheme or none.
     */
    static Optional<Path> qualified(String path) {
        if (!path.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String rest = path.substring(SCHEME.length());
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
                return Optional.empty();
            }
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        return Optional.of(Paths.get(rest).toAbsolutePath().normalize());
    }

    /** A local path as Hadoop's local file system writes it: {@code file:/abs/path}, not escaped. */
    static String uri(Path p) {
        String s = p.toString();
        if (File.separatorChar != '/') {
            s = "/" + s.replace(File.separatorChar, '/');
        }
        return SCHEME + s;
    }

    /**
     * The name of a listed file as a row's {@code source} shows it, the command's way: a local file's path without
     * {@code file:}, any other file system's URI as it is.
     */
    static String source(String path) {
        return qualified(path).map(Path::toString).orElse(path);
    }

    /** The last part of a listed path (the file's name), whatever its file system. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Lists a local file (read whatever its name) or a directory (the files below it that {@code accept} takes by
     * their path below it, symbolic links followed, sorted by path), as {@code listStatus} would, with each file's
     * attributes read once.
     *
     * @throws IllegalArgumentException when {@code path} does not exist
     */
    static List<FileSplit.File> list(Path path, boolean all) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("onfailure: no such file or directory: " + path, e);
        }
        if (!attrs.isDirectory()) {
            return List.of(new FileSplit.File(uri(path), attrs.size()));
        }
        List<FileSplit.File> out = new ArrayList<>();
        String root = uri(path) + (uri(path).endsWith("/") ? "" : "/");
        Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                        if (d.equals(path) || !all || FailureScan.accept(relative(d), true)) {
                            return FileVisitResult.CONTINUE;
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        String name = relative(f);
                        if (a.isRegularFile() && FailureScan.accept(name, all)) {
                            out.add(new FileSplit.File(root + name, a.size()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    private String relative(Path p) {
                        String r = path.relativize(p).toString();
                        return File.separatorChar == '/' ? r : r.replace(File.separatorChar, '/');
                    }
                });
        out.sort(Comparator.comparing(FileSplit.File::path));
        return out;
    }

    /**
     * Reads a file whole, at most {@code cap} bytes, into an array of exactly its size: the size is asked once and
     * the bytes read straight into the array ({@code InputStream.readNBytes} reads 8 KB chunks and copies them into
     * the result: the document's size again in garbage, and an 8 KB buffer for a 2 KB file). A file that shrank while
     * being read gives what was there; one that grew gives the size it had when opened, as a listing would.
     */
    static byte[] readWhole(Path path, int cap) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(path.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(cap, in.length())];
            int n = 0;
            while (n < bytes.length) {
                int r = in.read(bytes, n, bytes.length - n);
                if (r < 0) {
                    return Arrays.copyOf(bytes, n);
                }
                n += r;
            }
            return bytes;
        }
    }

    /** Whether a path starts with a URI scheme ({@code s3a:}, {@code hdfs:}), as Hadoop's {@code Path} tells it. */
    private static boolean hasScheme(String path) {
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
