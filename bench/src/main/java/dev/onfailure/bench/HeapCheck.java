package dev.onfailure.bench;

import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Validator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Peak heap of validating the 6.5 MB S3 record, measured the way that cannot flatter it: the validation runs in a JVM
 * whose heap is capped at what the validator needs before the document arrives plus four times the document's size.
 * If it completes, peak heap for the document is at most 4x its size.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.onfailure.bench.HeapCheck
 * </pre>
 */
public final class HeapCheck {

    private HeapCheck() {
    }

    /** Measures the baseline, then validates under the cap in a child JVM. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), args[2].equals("baseline"));
            return;
        }
        byte[] doc = Inputs.s3(6_815_744);
        Path file = Files.createTempFile("s3-6.5mb", ".json");
        Files.write(file, doc);
        long baseline = Long.parseLong(run(file, "baseline", "-Xmx512m").trim());
        long cap = baseline + 4L * doc.length;
        boolean fits = fits(file, cap);
        // The smallest heap that works, to a quarter of the document, says how far from the target it is.
        long low = baseline;
        long high = baseline + 32L * doc.length;
        while (high - low > doc.length / 4) {
            long mid = (low + high) / 2;
            if (fits(file, mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        System.out.printf("document %,d bytes; validator baseline %,d bytes; target cap (baseline + 4x document) %,d:"
                + " %s; smallest heap that works: baseline + %.1fx document%n", doc.length, baseline, cap,
                fits ? "fits" : "does NOT fit", (high - baseline) / (double) doc.length);
        Files.delete(file);
    }

    private static boolean fits(Path file, long heap) {
        try {
            run(file, "validate", "-Xmx" + (heap >> 10) + "k");
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(Path file, String mode, String xmx) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, xmx, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HeapCheck.class.getName(), "--child", file.toString(), mode))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(mode + " failed:\n" + out);
        }
        return out;
    }

    private static void child(Path file, boolean baseline) throws Exception {
        Validator validator = Validator.create();
        byte[] small = Inputs.documented();
        validator.validate(small);
        if (baseline) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.println(heap.getUsed());
            return;
        }
        byte[] doc = Files.readAllBytes(file);
        DocumentReport report = null;
        for (int i = 0; i < 3; i++) {
            report = validator.validate(doc);
        }
        System.out.println("validated 3 times within the cap, valid=" + report.valid());
    }
}
