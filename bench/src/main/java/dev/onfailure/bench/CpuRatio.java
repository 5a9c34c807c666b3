package dev.onfailure.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Full validation against Jackson's {@code readTree} of the same bytes, for a machine too loaded for JMH's wall-clock
 * error bars to mean much: the two alternate in short rounds (2,000 operations each) and each round is timed in the
 * thread's own CPU time, so both see the same conditions and time spent descheduled counts for neither. Prints the
 * median ratio of each input with its quartiles. Not a JMH benchmark; {@code RecordBenchmark} is the reference.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.onfailure.bench.CpuRatio 40 topic s3-small documented-compact
 * </pre>
 */
public final class CpuRatio {

    private static final int OPERATIONS = 2_000;

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile Object sink;

    private CpuRatio() {
    }

    /**
     * Arguments: the number of rounds, then input names as {@code RecordBenchmark}'s {@code -p input=}. Each input
     * runs in a JVM of its own, with this one's options and class path: measured one after another in one JVM, an
     * input's ratio moved by up to 0.15 with the inputs before it (their profiles steer the JIT's choices).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 2) {
            for (int a = 1; a < args.length; a++) {
                List<String> command = new ArrayList<>();
                command.add(ProcessHandle.current().info().command().orElse("java"));
                command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), CpuRatio.class.getName(), args[0],
                        args[a]));
                int status = new ProcessBuilder(command).inheritIO().start().waitFor();
                if (status != 0) {
                    System.exit(status);
                }
            }
            return;
        }
        measure(args);
    }

    private static void measure(String[] args) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JsonMapper mapper = JsonMapper.builder().build();
        Validator validator = Validator.create();
        int rounds = Integer.parseInt(args[0]);
        for (int a = 1; a < args.length; a++) {
            byte[] bytes = Inputs.named(args[a], 2026);
            long warm = System.nanoTime() + 8_000_000_000L;
            while (System.nanoTime() < warm) {
                for (int i = 0; i < OPERATIONS; i++) {
                    sink = mapper.readTree(bytes);
                    sink = validator.validate(bytes);
                }
            }
            double[] ratio = new double[rounds];
            double[] validate = new double[rounds];
            double[] readTree = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < OPERATIONS; i++) {
                    sink = mapper.readTree(bytes);
                }
                long t1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < OPERATIONS; i++) {
                    sink = validator.validate(bytes);
                }
                long t2 = threads.getCurrentThreadCpuTime();
                readTree[r] = (t1 - t0) / 1000.0 / OPERATIONS;
                validate[r] = (t2 - t1) / 1000.0 / OPERATIONS;
                ratio[r] = validate[r] / readTree[r];
            }
            Arrays.sort(ratio);
            Arrays.sort(validate);
            Arrays.sort(readTree);
            System.out.printf("%-25s validate %.2f us, readTree %.2f us (CPU medians); ratio %.2f (quartiles %.2f-%.2f)%n",
                    args[a], validate[rounds / 2], readTree[rounds / 2], ratio[rounds / 2], ratio[rounds / 4],
                    ratio[3 * rounds / 4]);
        }
    }
}
