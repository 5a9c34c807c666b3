package dev.onfailure.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time by thread over one measured run, from {@code /proc/self/task/<tid>/schedstat} (nanoseconds on the CPU), so
 * that the JVM's own threads (GC, JIT compilers) count too. The threads alive at {@link #start} are read then and at
 * {@link #stop}; threads born during the run are read every few milliseconds while it lasts (a daemon thread), so that
 * one that ends before {@code stop} still counts, less at most one period (its name is read again until the JVM has
 * given it its own). Sums are by group ({@link #group}), the sampler's own thread left out. Linux only; used by
 * {@link SourcesBench} when {@code -Dbench.threadCpu=true}.
 */
final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String SAMPLER = "bench-thread-cpu";

    private final Map<String, Long> startCpu = new HashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Long> lastCpu = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread sampler;

    /** Reads every live thread, and starts sampling the threads born from now on. */
    void start() {
        startCpu.clear();
        names.clear();
        lastCpu.clear();
        for (String tid : tids()) {
            long cpu = cpu(tid);
            if (cpu >= 0) {
                startCpu.put(tid, cpu);
                names.put(tid, name(tid));
            }
        }
        running = true;
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, SAMPLER);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns the CPU nanoseconds of the run by group. */
    Map<String, Long> stop() throws InterruptedException {
        running = false;
        sampler.join();
        sample();
        for (String tid : startCpu.keySet()) {
            long cpu = cpu(tid);
            if (cpu >= 0) {
                lastCpu.put(tid, cpu);
            }
        }
        Map<String, Long> groups = new TreeMap<>();
        for (Map.Entry<String, Long> e : lastCpu.entrySet()) {
            String name = names.getOrDefault(e.getKey(), "?");
            if (name.equals(SAMPLER.substring(0, 15))) {
                continue;
            }
            long used = e.getValue() - startCpu.getOrDefault(e.getKey(), 0L);
            groups.merge(group(name), used, Long::sum);
        }
        return groups;
    }

    private void sample() {
        for (String tid : tids()) {
            if (startCpu.containsKey(tid)) {
                continue;
            }
            // a new thread has its parent's name ("java" for main's children) until the JVM names it
            String name = names.get(tid);
            if (name == null || name.equals("java")) {
                names.put(tid, name(tid));
            }
            long cpu = cpu(tid);
            if (cpu >= 0) {
                lastCpu.put(tid, cpu);
            }
        }
    }

    /** A thread's group: by its name as Linux keeps it (the first 15 characters of the Java name). */
    static String group(String name) {
        if (name.startsWith("onfailure-valid")) {
            return "validating";
        }
        if (name.startsWith("onfailure-kafka")) {
            return "reading (onfailure-kafka-read)";
        }
        if (name.equals("main") || name.equals("java")) {
            return "main";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "GC and VM thread";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compilers";
        }
        return "other (broker, clients' threads)";
    }

    private static String[] tids() {
        String[] tids = TASKS.toFile().list();
        return tids == null ? new String[0] : tids;
    }

    private static String name(String tid) {
        try {
            return Files.readString(TASKS.resolve(tid).resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static long cpu(String tid) {
        try {
            String s = Files.readString(TASKS.resolve(tid).resolve("schedstat"));
            return Long.parseLong(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
