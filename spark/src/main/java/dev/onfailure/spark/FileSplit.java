package dev.onfailure.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** The whole files one task reads, in order. */
record FileSplit(List<File> files) implements InputPartition {

    private static final long serialVersionUID = 1L;

    /** A file and its length. */
    record File(String path, long length) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    FileSplit {
        files = List.copyOf(files);
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
