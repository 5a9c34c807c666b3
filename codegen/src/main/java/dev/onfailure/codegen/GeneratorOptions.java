package dev.onfailure.codegen;

import dev.onfailure.schema.Kind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the record generators make.
 *
 * <pre>{@code
 * GeneratorOptions.defaults().strictOnly(true).kinds(EnumSet.of(Kind.S3)).maxRecords(50);
 * }</pre>
 *
 * @param strictOnly only records a conformant producer emits (no tolerant-only quirks)
 * @param kinds      the record kinds to make
 * @param maxRecords the most Kafka records in one generated batch (1 to 10,000)
 */
public record GeneratorOptions(boolean strictOnly, Set<Kind> kinds, int maxRecords) {

    /** Checks the values. */
    public GeneratorOptions {
        Objects.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no record kind to generate");
        }
        if (kinds.contains(Kind.EVENT)) {
            throw new IllegalArgumentException("kafka.event is no record kind: generate records of "
                    + "kafka.sqs-sns, kafka.s3 or kafka.topic");
        }
        if (maxRecords < 1 || maxRecords > 10_000) {
            throw new IllegalArgumentException("maxRecords must be from 1 to 10000: " + maxRecords);
        }
        kinds = Set.copyOf(kinds);
    }

    /** Every kind, tolerant quirks allowed, batches of up to 20 records. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(false, EnumSet.copyOf(Kind.records()), 20);
    }

    /** Returns these options with {@code strictOnly} set. */
    public GeneratorOptions strictOnly(boolean value) {
        return new GeneratorOptions(value, kinds, maxRecords);
    }

    /** Returns these options with {@code kinds} set. */
    public GeneratorOptions kinds(Set<Kind> value) {
        return new GeneratorOptions(strictOnly, value, maxRecords);
    }

    /** Returns these options with {@code maxRecords} set. */
    public GeneratorOptions maxRecords(int value) {
        return new GeneratorOptions(strictOnly, kinds, value);
    }
}
