package dev.onfailure.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;

/**
 * The tasks of one query as Spark's listener bus reports them, for {@link SparkBenchmark}: when each ran, how much of
 * its run it was on a CPU, and how busy each executor slot was over the query's wall-clock time. It tells a query
 * whose slots idle (planning on the driver, scheduling, a tail) from one whose tasks run but wait for a core (task CPU
 * well under task run time).
 */
final class TaskTimeline extends SparkListener {

    /**
     * One finished task: when it was launched and when the executor was done with it (epoch milliseconds: the launch
     * plus its deserialising and run time, since the driver marks a task finished only once it has the result, after
     * the slot may already run the next one), and its metrics.
     */
    record Task(long launch, long finish, long runMs, long cpuNs, long deserializeMs, long gcMs) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long start;
    private long end;

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
        TaskInfo info = e.taskInfo();
        TaskMetrics m = e.taskMetrics();
        long done = m == null ? info.finishTime()
                : info.launchTime() + m.executorDeserializeTime() + m.executorRunTime();
        tasks.add(new Task(info.launchTime(), done, m == null ? 0 : m.executorRunTime(),
                m == null ? 0 : m.executorCpuTime(), m == null ? 0 : m.executorDeserializeTime(),
                m == null ? 0 : m.jvmGCTime()));
    }

    /** Forgets what was seen and marks the start of a query. */
    synchronized void begin() {
        tasks.clear();
        start = System.currentTimeMillis();
    }

    /** Marks the end of the query, once every event it posted has reached this listener. */
    void end(SparkContext sc) {
        long now = System.currentTimeMillis();
        // private[spark] in Scala, public in the bytecode: the only way to know the bus has delivered everything
        try {
            sc.listenerBus().waitUntilEmpty(10_000);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the listener bus did not empty in 10 s", e);
        }
        synchronized (this) {
            end = now;
        }
    }

    /** What the slots did; {@code cores} slots, drawn {@code width} characters wide. */
    synchronized Summary summary(int cores, int width) {
        List<Task> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparingLong(Task::launch));
        // local mode names no slots: a task takes the slot that came free first (times are in whole milliseconds)
        List<List<Task>> slots = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            slots.add(new ArrayList<>());
        }
        for (Task t : sorted) {
            List<Task> slot = slots.get(0);
            for (List<Task> s : slots) {
                if (s.isEmpty()) {
                    slot = s;
                    break;
                }
                if (s.get(s.size() - 1).finish() < slot.get(slot.size() - 1).finish()) {
                    slot = s;
                }
            }
            slot.add(t);
        }
        long wall = Math.max(1, end - start);
        double[] busy = new double[slots.size()];
        List<String> bars = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            char[] bar = new char[width];
            java.util.Arrays.fill(bar, '.');
            for (Task t : slots.get(i)) {
                busy[i] += (t.finish() - t.launch()) / (double) wall;
                int from = (int) Math.max(0, (t.launch() - start) * width / wall);
                int to = (int) Math.min(width - 1, (t.finish() - start) * width / wall);
                for (int c = from; c <= to; c++) {
                    bar[c] = '#';
                }
                if (from < width && from <= to && to - from >= 2) {
                    bar[from] = '|';
                }
            }
            bars.add(new String(bar));
        }
        long runMs = 0;
        long cpuNs = 0;
        long deserializeMs = 0;
        long gcMs = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        for (Task t : sorted) {
            runMs += t.runMs();
            cpuNs += t.cpuNs();
            deserializeMs += t.deserializeMs();
            gcMs += t.gcMs();
            first = Math.min(first, t.launch());
            last = Math.max(last, t.finish());
        }
        return new Summary(sorted.size(), wall, sorted.isEmpty() ? 0 : first - start,
                sorted.isEmpty() ? 0 : end - last, busy, bars, runMs, cpuNs / 1e6, deserializeMs, gcMs);
    }

    /** The slots' use of one query. */
    record Summary(int tasks, long wallMs, long beforeFirstMs, long afterLastMs, double[] busy, List<String> bars,
            long runMs, double cpuMs, long deserializeMs, long gcMs) {

        /** Busy slot time over slots times wall-clock time. */
        double utilisation() {
            double sum = 0;
            for (double b : busy) {
                sum += b;
            }
            return sum / Math.max(1, busy.length);
        }

        List<String> describe() {
            List<String> out = new ArrayList<>();
            StringBuilder b = new StringBuilder();
            for (double x : busy) {
                b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.0f%%", 100 * x));
            }
            out.add(String.format(Locale.ROOT, "%d tasks in %d ms: first starts at %d ms, last ends %d ms before the"
                    + " end; slots busy %s; task CPU %.0f ms of %d ms run (%.0f%%), deserialising %d ms, GC %d ms",
                    tasks, wallMs, beforeFirstMs, afterLastMs, b, cpuMs, runMs, 100 * cpuMs / Math.max(1, runMs),
                    deserializeMs, gcMs));
            for (int i = 0; i < bars.size(); i++) {
                out.add("  slot " + i + " [" + bars.get(i) + "]");
            }
            return out;
        }
    }
}
