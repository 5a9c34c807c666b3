package dev.onfailure.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.onfailure.validator.Validator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What AWS's compact SQS/SNS example costs for its findings: the record as published (four 56-digit offsets and a
 * request id with {@code xmpl} in it, five warnings) against the same record made clean (16-digit offsets, a
 * hexadecimal request id, no finding), and Jackson's {@code readTree} of the published bytes. The three alternate in
 * rounds of 2,000 operations, each timed in the thread's CPU time, with the bytes each allocates per operation (the
 * JVM's per-thread count: unlike time, the same from run to run on one build). Prints medians.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.onfailure.bench.FindingCost [rounds]
 * </pre>
 */
public final class FindingCost {

    private static final int OPERATIONS = 2_000;

    /** Keeps results alive so the JIT cannot drop the work. */
    static volatile Object sink;

    private FindingCost() {
    }

    /** Argument: the number of rounds (default 15), after 8 seconds of the three in turn. */
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        byte[] published = Inputs.named("documented-compact", 2026);
        byte[] clean = clean(published);
        Validator validator = Validator.create();
        if (!validator.validate(clean).records().get(0).findings().isEmpty()
                || validator.validate(published).records().get(0).findings().size() != 5) {
            throw new IllegalStateException("the inputs are not what this measurement is about");
        }
        JsonMapper mapper = JsonMapper.builder().build();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long warm = System.nanoTime() + 8_000_000_000L;
        while (System.nanoTime() < warm) {
            for (int i = 0; i < OPERATIONS / 10; i++) {
                sink = validator.validate(published);
                sink = validator.validate(clean);
                sink = mapper.readTree(published);
            }
        }
        double[][] cpu = new double[3][rounds];
        long[][] bytes = new long[3][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int side = 0; side < 3; side++) {
                long a0 = threads.getThreadAllocatedBytes(thread);
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < OPERATIONS; i++) {
                    sink = switch (side) {
                        case 0 -> validator.validate(published);
                        case 1 -> validator.validate(clean);
                        default -> mapper.readTree(published);
                    };
                }
                cpu[side][r] = (threads.getCurrentThreadCpuTime() - t0) / 1000.0 / OPERATIONS;
                bytes[side][r] = (threads.getThreadAllocatedBytes(thread) - a0) / OPERATIONS;
            }
        }
        double tree = median(cpu[2]);
        String[] names = {"validate, as published (5 findings)", "validate, clean (no finding)", "readTree, as published"};
        for (int side = 0; side < 3; side++) {
            Arrays.sort(bytes[side]);
            System.out.printf("%-38s %.2f us (%.2fx readTree), %,d bytes allocated%n", names[side], median(cpu[side]),
                    median(cpu[side]) / tree, bytes[side][rounds / 2]);
        }
    }

    /** The published record with its offsets made small and its request id made hexadecimal. */
    static byte[] clean(byte[] published) {
        return new String(published, StandardCharsets.UTF_8).replace("xmpl", "abcd")
                .replace("49601189658422359378836298521827638475320189012309704722", "4960118965842235")
                .replace("49601189658422359378836298522902373528957594348623495186", "4960118965842236")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
