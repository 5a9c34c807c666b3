package dev.onfailure.redrive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The redrive checkpoint: an append-only text file, one event a line.
 *
 * <pre>
 * onfailure-redrive-checkpoint 1 topic:orders-replay
 * intent orders-replay:0=120,orders-replay:1=98     (the target's end offsets before the run's first send)
 * sent orders-eu 3 1500                              (the original record the broker acknowledged)
 * done                                               (the run ended with every record acknowledged)
 * </pre>
 *
 * A line counts only when its newline is there: a run killed mid-write leaves a partial line, which is ignored.
 */
final class Checkpoint implements AutoCloseable {

    static final String MAGIC = "onfailure-redrive-checkpoint 1";

    private final Path path;
    private final FileChannel channel;
    private final StringBuilder pending = new StringBuilder();
    private int pendingLines;
    /** Whether this run made the file (it held nothing to keep), and whether it wrote anything past the header. */
    private boolean created;
    private boolean used;
    private boolean discard;

    /** What the file held when opened. */
    final Set<String> sent;
    /** The end offsets of the last run's intent when that run did not end with {@code done}; empty otherwise. */
    final Map<TopicPartition, Long> unfinishedIntent;

    private Checkpoint(Path path, FileChannel channel, Set<String> sent, Map<TopicPartition, Long> unfinished) {
        this.path = path;
        this.channel = channel;
        this.sent = sent;
        this.unfinishedIntent = unfinished;
    }

    /**
     * Opens (creating) the checkpoint at {@code path} for {@code target}.
     *
     * @throws RecoveryException if the file cannot be read or written, or belongs to another target
     */
    static Checkpoint open(Path path, Target target) {
        String header = MAGIC + " " + target;
        if (Files.isDirectory(path)) {
            throw new RecoveryException("checkpoint " + path + " is a directory: give a file (--checkpoint FILE)");
        }
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Set<String> sent = new HashSet<>();
            Map<TopicPartition, Long> intent = Map.of();
            boolean existed = Files.exists(path);
            boolean fresh = !existed || Files.size(path) == 0;
            String text = "";
            if (!fresh) {
                // Any other file (one given by mistake) is refused as it is, never read whole nor written over.
                if (!startsLikeACheckpoint(path)) {
                    throw new RecoveryException("checkpoint " + path + " is not a redrive checkpoint (give another"
                            + " --checkpoint; this file is left as it is)");
                }
                text = readText(path);
                int end = text.lastIndexOf('\n');
                // No whole line (the header cut short by a kill): nothing was sent, as the header precedes intents.
                fresh = end < 0;
                String[] lines = fresh ? new String[0] : text.substring(0, end).split("\n", -1);
                if (fresh) {
                    lines = new String[0];
                } else {
                    if (!lines[0].equals(header)) {
                        throw new RecoveryException("checkpoint " + path + " is for "
                                + lines[0].substring(MAGIC.length() + 1) + ", not " + target
                                + " (give another --checkpoint)");
                    }
                    for (int i = 1; i < lines.length; i++) {
                        String line = lines[i];
                        if (line.startsWith("sent ")) {
                            sent.add(line.substring(5));
                        } else if (line.startsWith("intent ")) {
                            intent = parseIntent(line.substring(7), path);
                        } else if (line.equals("done")) {
                            intent = Map.of();
                        } else {
                            throw new RecoveryException("checkpoint " + path + " line " + (i + 1)
                                    + " is not understood: " + abbreviate(line));
                        }
                    }
                }
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (fresh) {
                channel.truncate(0);
            } else {
                // Drop a partial last line left by a killed run.
                channel.truncate(text.substring(0, text.lastIndexOf('\n') + 1).getBytes(StandardCharsets.UTF_8)
                        .length);
            }
            channel.position(channel.size());
            Checkpoint c = new Checkpoint(path, channel, sent, intent);
            if (fresh) {
                try {
                    c.append(header);
                    c.sync();
                    c.created = !existed;
                    c.used = false;
                } catch (RecoveryException e) {
                    channel.close();
                    throw e;
                }
            }
            return c;
        } catch (IOException e) {
            throw new RecoveryException("cannot use checkpoint " + path + ": " + why(e), e);
        }
    }

    /**
     * True when the file begins as every checkpoint does, or as a header a killed run cut short: its first bytes are
     * {@link #MAGIC} and a space, or a beginning of them.
     */
    private static boolean startsLikeACheckpoint(Path path) throws IOException {
        byte[] magic = (MAGIC + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] first;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            first = in.readNBytes(magic.length);
        }
        return java.util.Arrays.equals(first, 0, first.length, magic, 0, first.length);
    }

    /** The file as UTF-8 text; bytes that are not UTF-8 mean it is damaged, not a checkpoint to trust. */
    private static String readText(Path path) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new RecoveryException("checkpoint " + path + " is damaged: it holds bytes that are not UTF-8 text"
                    + " (give another --checkpoint; this file is left as it is)", e);
        }
    }

    /** What went wrong with the file, in words: a file system's exception holds little more than the path. */
    private static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a directory";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Map<TopicPartition, Long> parseIntent(String text, Path path) {
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String item : text.split(",")) {
            int colon = item.lastIndexOf(':');
            int eq = item.lastIndexOf('=');
            if (colon <= 0 || eq < colon) {
                throw new RecoveryException("checkpoint " + path + ": intent entry not understood: "
                        + abbreviate(item));
            }
            try {
                out.put(new TopicPartition(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1, eq))),
                        Long.parseLong(item.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new RecoveryException("checkpoint " + path + ": intent entry not understood: "
                        + abbreviate(item), e);
            }
        }
        return out;
    }

    /** Appends and syncs the intent: the target's end offsets before anything is sent. */
    void intent(Map<TopicPartition, Long> ends) {
        List<String> items = new ArrayList<>();
        ends.forEach((tp, end) -> items.add(tp.topic() + ":" + tp.partition() + "=" + end));
        append("intent " + String.join(",", items));
        sync();
    }

    /** Records that the broker acknowledged the original record {@code identity}; written in batches. */
    synchronized void sent(String identity) {
        used = true;
        pending.append("sent ").append(identity).append('\n');
        if (++pendingLines >= 512) {
            writePending();
        }
    }

    /** Appends {@code done} and syncs. */
    void done() {
        append("done");
        sync();
    }

    /** Writes what is buffered and forces it to the disk. */
    synchronized void sync() {
        writePending();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new RecoveryException("cannot write checkpoint " + path + " to the disk: " + why(e), e);
        }
    }

    private synchronized void append(String line) {
        used = true;
        pending.append(line).append('\n');
        pendingLines++;
        writePending();
    }

    private synchronized void writePending() {
        if (pending.length() == 0) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new RecoveryException("cannot write checkpoint " + path + ": " + why(e), e);
        }
        pending.setLength(0);
        pendingLines = 0;
    }

    Path path() {
        return path;
    }

    /**
     * Has {@link #close()} remove the file if this run made it and wrote nothing past its header: a redrive that
     * failed before its intent (a target topic that does not exist, a cluster that does not answer) leaves nothing.
     */
    synchronized void discardIfUnused() {
        discard = created && !used && pending.length() == 0;
    }

    @Override
    public void close() {
        try {
            sync();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new RecoveryException("cannot close checkpoint " + path + ": " + why(e), e);
            }
            if (discard) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left as it is: a header alone, which the next run takes as a fresh checkpoint
                }
            }
        }
    }

    /**
     * Returns where a redrive of {@code records} to {@code target} keeps its checkpoint by default:
     * {@code $XDG_STATE_HOME/onfailure/redrive/} (or {@code ~/.local/state/onfailure/redrive/}), named by a hash of
     * the target and the records' identities, so the same redrive run again finds it.
     */
    static Path defaultPath(Target target, List<RedriveRecord> records) {
        List<String> ids = new ArrayList<>(records.size());
        for (RedriveRecord r : records) {
            ids.add(r.identity());
        }
        return defaultPath(target.toString(), ids);
    }

    /**
     * Returns the default checkpoint of a redrive to {@code target} of the records found at {@code names} (the
     * places they were read from), whatever records those places hold on each run.
     */
    static Path defaultPathOfPlaces(Target target, java.util.Collection<String> names) {
        List<String> keys = new ArrayList<>();
        for (String name : names) {
            keys.add("from " + name);
        }
        return defaultPath(target.toString(), keys);
    }

    private static Path defaultPath(String first, List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(first.getBytes(StandardCharsets.UTF_8));
        for (String key : sorted) {
            sha.update((byte) '\n');
            sha.update(key.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder hex = new StringBuilder();
        byte[] digest = sha.digest();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", digest[i]));
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isEmpty() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("onfailure").resolve("redrive").resolve(hex + ".checkpoint");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
