package dev.onfailure.bench;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report holds on to, with and without {@link ValidationOptions#keepingRecords()}: the heap still in use, after
 * collections, while a list holds {@code n} reports of one input (as the command's window holds reports until their
 * turn to print), divided by {@code n} and by the document's size. The bytes path validates a fresh copy of the bytes
 * each time (a kept record may slice its strings out of them, so they count); the tree path validates one tree the
 * caller keeps anyway (so only what the report adds counts).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.onfailure.bench.KeptRecordHeap [input...]
 * </pre>
 */
public final class KeptRecordHeap {

    private KeptRecordHeap() {
    }

    /** Measures each input named (default: one of each kind, and S3 records of 1 MB and 6.5 MB). */
    public static void main(String[] args) {
        List<String> inputs = args.length > 0 ? List.of(args)
                : List.of("documented-compact", "topic", "s3-small", "s3-1mb", "s3-6.5mb");
        Validator validator = Validator.create();
        List<ValidationOptions> both = List.of(ValidationOptions.TOLERANT, ValidationOptions.TOLERANT.keepingRecords());
        for (String input : List.of("documented-compact", "topic", "s3-small")) {
            byte[] warm = Inputs.named(input, 1);
            for (ValidationOptions options : both) {
                for (String path : List.of("bytes", "tree")) {
                    hold(validator, path, warm, Json.parse(warm), options, 2_000);   // load and compile first
                }
            }
        }
        for (String input : inputs) {
            byte[] doc = Inputs.named(input, 1);
            JsonValue tree = Json.parse(doc);
            int n = Math.max(4, Math.min(500, 32_000_000 / doc.length));
            for (String path : List.of("bytes", "tree")) {
                long[] retained = new long[2];
                for (int keep = 0; keep < 2; keep++) {
                    ValidationOptions options = both.get(keep);
                    for (int pass = 0; pass < 2; pass++) {   // the first pass of a run came out up to 2 KB low
                        long before = used();
                        List<DocumentReport> held = hold(validator, path, doc, tree, options, n);
                        retained[keep] = (used() - before) / n;
                        if (held.get(0).records().get(0).record().isPresent() != (keep == 1)) {
                            throw new IllegalStateException("a record kept when not asked, or not kept when asked");
                        }
                        held = null;   // not a root while the next pass measures its baseline
                    }
                }
                System.out.printf("%-20s %,11d bytes  %-5s per report: %,11d bytes without the record,"
                        + " %,11d with it (%.2fx the document)%n", input, doc.length, path, retained[0],
                        retained[1], retained[1] / (double) doc.length);
            }
        }
    }

    private static List<DocumentReport> hold(Validator validator, String path, byte[] doc, JsonValue tree,
            ValidationOptions options, int n) {
        List<DocumentReport> held = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            held.add(path.equals("bytes") ? validator.validate(doc.clone(), options)
                    : validator.validate(tree, options));
        }
        return held;
    }

    private static long used() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
