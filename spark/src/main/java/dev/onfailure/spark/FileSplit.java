package dev.onfailure.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** The whole files one task reads, in order. */
record FileSplit(List<File> files) implements InputPartition {

    private static final long serialVersionUID = 1L;

    /**
     * A file and its length; or, with a {@code problem}, a path the listing could not take as a file (a symbolic link
     * loop, a directory that cannot be listed, something that is not a regular file), which a task turns into a row
     * with {@code readError}, as the command reports it, instead of failing the query.
     */
    record File(String path, long length, String problem) implements Serializable {
        private static final long serialVersionUID = 1L;

        File(String path, long length) {
            this(path, length, null);
        }

        /** A path the listing could not take, and why, in the command's words. */
        static File problem(String path, String problem) {
            return new File(path, 0, java.util.Objects.requireNonNull(problem));
        }
    }

    FileSplit {
        files = List.copyOf(files);
    }

    /**
     * Spark serialises every task's split on the driver, while the tasks run, and each task deserialises its own: as
     * records, a split of 2,000 files was 2,000 objects with a full path each. {@link Serialized} sends the paths'
     * shared prefix once and the rest as one string.
     */
    private Object writeReplace() {
        return new Serialized(files);
    }

    /** The serial form of a split: the prefix its paths share, then each path's rest and length, in order. */
    private static final class Serialized implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String prefix;
        private final String rests;
        private final int[] ends;
        private final long[] lengths;
        private final String[] problems;                     // null when the split has none, as most have

        Serialized(List<File> files) {
            String shared = files.isEmpty() ? "" : files.get(0).path();
            for (File f : files) {
                int n = 0;
                int max = Math.min(shared.length(), f.path().length());
                while (n < max && shared.charAt(n) == f.path().charAt(n)) {
                    n++;
                }
                shared = shared.substring(0, n);
            }
            StringBuilder sb = new StringBuilder();
            ends = new int[files.size()];
            lengths = new long[files.size()];
            String[] why = null;
            for (int i = 0; i < ends.length; i++) {
                if (files.get(i).problem() != null) {
                    why = why == null ? new String[ends.length] : why;
                    why[i] = files.get(i).problem();
                }
                sb.append(files.get(i).path(), shared.length(), files.get(i).path().length());
                ends[i] = sb.length();
                lengths[i] = files.get(i).length();
            }
            prefix = shared;
            rests = sb.toString();
            problems = why;
        }

        private Object readResolve() throws java.io.ObjectStreamException {
            if (ends.length != lengths.length || problems != null && problems.length != ends.length) {
                throw new java.io.InvalidObjectException("a split's paths and lengths differ in number");
            }
            File[] files = new File[ends.length];
            int start = 0;
            for (int i = 0; i < files.length; i++) {
                if (ends[i] < start || ends[i] > rests.length()) {
                    throw new java.io.InvalidObjectException("a split's paths are out of order");
                }
                files[i] = new File(prefix.concat(rests.substring(start, ends[i])), lengths[i],
                        problems == null ? null : problems[i]);
                start = ends[i];
            }
            return new FileSplit(Arrays.asList(files));
        }
    }

    /**
     * Tasks per core that {@link #pack} aims for at least: with one task per core (Spark's own rule for files), a
     * core that finishes early waits for the slowest; with a few, the tail is a fraction of one task.
     */
    static final int TASKS_PER_CORE = 4;

    /**
     * Packs {@code files} into splits in order, as Spark packs files: at most {@code maxSplitBytes} each (a file over
     * it gets a split of its own), counting {@code openCost} for every file, with the target lowered so that the
     * bytes spread over {@link #TASKS_PER_CORE} tasks per core ({@code parallelism} cores) at least.
     */
    static List<FileSplit> pack(List<File> files, long maxPartitionBytes, long openCost, int parallelism) {
        long total = 0;
        for (File f : files) {
            total += f.length() + openCost;
        }
        long tasks = (long) Math.max(1, parallelism) * TASKS_PER_CORE;
        long maxSplitBytes = Math.min(maxPartitionBytes, Math.max(openCost, total / tasks));
        List<FileSplit> out = new ArrayList<>();
        List<File> current = new ArrayList<>();
        long size = 0;
        for (File f : files) {
            if (!current.isEmpty() && size + f.length() > maxSplitBytes) {
                out.add(new FileSplit(current));
                current = new ArrayList<>();
                size = 0;
            }
            current.add(f);
            size += f.length() + openCost;
        }
        if (!current.isEmpty()) {
            out.add(new FileSplit(current));
        }
        return out;
    }
}
