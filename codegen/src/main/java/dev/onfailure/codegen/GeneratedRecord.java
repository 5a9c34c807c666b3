package dev.onfailure.codegen;

import dev.onfailure.model.KafkaFailureRecord;
import java.util.List;
import java.util.Objects;

/**
 * A generated valid record and what it exercises.
 *
 * @param record the record
 * @param strict true if it is what a conformant producer emits (passes the strict profile); false if it uses
 *               something only a tolerant consumer accepts, such as unknown members or AWS's placeholders
 * @param traits short labels of the edge cases it holds, such as {@code response:null} or {@code unknown-fields}
 */
public record GeneratedRecord(KafkaFailureRecord record, boolean strict, List<String> traits) {

    /** Checks for nulls and copies the traits. */
    public GeneratedRecord {
        Objects.requireNonNull(record, "record");
        traits = List.copyOf(traits);
    }
}
