package dev.onfailure.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The process's CPU time between {@link #start} and {@link #stop}, split by what the threads do, for
 * {@link SparkBenchmark}: whether a second core goes to the work or to the JVM around it.
 *
 * <ul>
 *   <li>{@link Kind#TASKS}: the threads that read and validate: Spark's {@code Executor task launch worker}s, the
 *       command's {@code onfailure-validate} workers, the read-ahead threads;
 *   <li>{@link Kind#DRIVER}: every other Java thread: Spark's driver, scheduler and listener bus, the calling thread
 *       (which plans a query, and in the command reads the files and writes the output);
 *   <li>{@link Kind#JIT}: the C1 and C2 compiler threads, and {@link Kind#GC}: the collector's threads and the VM
 *       thread (which runs safepoint operations, collections among them); neither is visible to {@link ThreadMXBean},
 *       so they are read from {@code /proc/self/task} (nanoseconds from {@code schedstat});
 *   <li>{@link Kind#OTHER}: the rest of the process's CPU time: threads that ended between two samples, other VM
 *       threads, and this sampler itself.
 * </ul>
 *
 * <p>Java threads are sampled every 20 ms on a daemon thread, so a thread that ends before {@link #stop} (the
 * command's workers do) is counted up to its last sample.
 */
final class ThreadCpu {

    /** What a thread does. */
    enum Kind { TASKS, DRIVER, JIT, GC, OTHER }

    /** CPU seconds by kind, the process's in all, and the busiest {@link Kind#DRIVER} threads by name. */
    record Split(double process, double[] seconds, Map<String, Double> driverThreads) {

        double of(Kind k) {
            return seconds[k.ordinal()];
        }

        String describe() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "process %.2f s = tasks %.2f + driver %.2f"
                    + " + JIT %.2f + GC/VM %.2f + other %.2f (JIT %.0f%%, tasks %.0f%%)", process, of(Kind.TASKS),
                    of(Kind.DRIVER), of(Kind.JIT), of(Kind.GC), of(Kind.OTHER), 100 * of(Kind.JIT) / process,
                    100 * of(Kind.TASKS) / process));
            List<Map.Entry<String, Double>> top = new ArrayList<>(driverThreads.entrySet());
            top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            s.append("; driver threads:");
            for (int i = 0; i < Math.min(4, top.size()); i++) {
                s.append(String.format(Locale.ROOT, " %s %.2f", top.get(i).getKey(), top.get(i).getValue()));
            }
            return s.toString();
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Paths.get("/proc/self/task");

    /** Thread id to [CPU ns at start, latest CPU ns]; names by id, the first name seen. */
    private final Map<Long, long[]> java = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<String, Long> nativeStart;
    private final long processStart;
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        processStart = processCpu();
        nativeStart = nativeThreads();
        sample(true);
        sampler = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                sample(false);
            }
        }, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    Split stop() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample(false);
        long process = processCpu() - processStart;
        double[] seconds = new double[Kind.values().length];
        Map<String, Double> driver = new HashMap<>();
        synchronized (java) {
            for (Map.Entry<Long, long[]> e : java.entrySet()) {
                double used = (e.getValue()[1] - e.getValue()[0]) / 1e9;
                String name = names.get(e.getKey());
                Kind k = kindOfJava(name);
                seconds[k.ordinal()] += used;
                if (k == Kind.DRIVER && used > 0) {
                    driver.merge(shortName(name), used, Double::sum);
                }
            }
        }
        for (Map.Entry<String, Long> e : nativeThreads().entrySet()) {
            Kind k = kindOfNative(e.getKey().substring(e.getKey().indexOf(' ') + 1));
            if (k != null) {
                seconds[k.ordinal()] += (e.getValue() - nativeStart.getOrDefault(e.getKey(), 0L)) / 1e9;
            }
        }
        double attributed = 0;
        for (double s : seconds) {
            attributed += s;
        }
        seconds[Kind.OTHER.ordinal()] += Math.max(0, process / 1e9 - attributed);
        return new Split(process / 1e9, seconds, driver);
    }

    private void sample(boolean first) {
        long[] ids = THREADS.getAllThreadIds();
        synchronized (java) {
            List<Long> unnamed = new ArrayList<>();
            for (long id : ids) {
                long cpu = THREADS.getThreadCpuTime(id);
                if (cpu < 0) {
                    continue;
                }
                long[] seen = java.get(id);
                if (seen == null) {
                    // a thread born after start counts from zero
                    java.put(id, new long[] {first ? cpu : 0, cpu});
                    unnamed.add(id);
                } else {
                    seen[1] = cpu;
                }
            }
            if (!unnamed.isEmpty()) {
                long[] a = unnamed.stream().mapToLong(Long::longValue).toArray();
                ThreadInfo[] infos = THREADS.getThreadInfo(a, 0);
                for (int i = 0; i < a.length; i++) {
                    names.put(a[i], infos[i] == null ? "?" : infos[i].getThreadName());
                }
            }
        }
    }

    static Kind kindOfJava(String name) {
        if (name.startsWith("Executor task launch worker") || name.equals("onfailure-validate")
                || name.equals("onfailure-read-ahead")) {
            return Kind.TASKS;
        }
        if (name.equals("bench-cpu-sampler")) {
            return Kind.OTHER;
        }
        return Kind.DRIVER;
    }

    /** A thread the JVM runs for itself, by its native name ({@code comm}, 15 characters at most); null otherwise. */
    static Kind kindOfNative(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")
                || comm.startsWith("PSYoungGen") || comm.startsWith("ParGC")) {
            return Kind.GC;
        }
        return null;
    }

    /** A Spark task thread's name without its task ({@code ... for task 3.0 in stage 1.0 (TID 7)}), others as they are. */
    private static String shortName(String name) {
        return name.replaceAll("[-#]?[0-9]+$", "").replaceAll(" for task .*", "");
    }

    /** "tid comm" to nanoseconds on a CPU, for every thread of this process (empty where /proc is not there). */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> out = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return out;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                try {
                    String comm = Files.readString(t.resolve("comm"), StandardCharsets.UTF_8).strip();
                    if (kindOfNative(comm) == null) {
                        continue;
                    }
                    String sched = Files.readString(t.resolve("schedstat"), StandardCharsets.UTF_8).strip();
                    out.put(t.getFileName() + " " + comm, Long.parseLong(sched.substring(0, sched.indexOf(' '))));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
