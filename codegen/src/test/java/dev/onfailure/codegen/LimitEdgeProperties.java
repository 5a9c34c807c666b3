package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.json.TestLimits;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Under any read limits, the straight-from-bytes readers agree with the tree: for generated records (and the same with
 * every string value made short, so that numbers are what meet the limits), each limit swept over small values, where
 * records' names, numbers, depths, objects and arrays have their sizes. {@code RecordCodec.readBytes} gives a record
 * only where the tree path reads the document, and then the tree's; the validator's report from the bytes is its
 * report from the tree, and where the tree refuses the document, a {@code json.*} finding says so.
 */
final class LimitEdgeProperties {

    private static final ValidationOptions OPTIONS = ValidationOptions.of(Profile.TOLERANT);

    @Test
    void everyLimit_sweptOverTheSizesRecordsHave_bytesAgreeWithTheTree() {
        List<byte[]> docs = new ArrayList<>();
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
        SeededEntropy e = SeededEntropy.of(41);
        for (int i = 0; i < 40; i++) {
            String text = RecordCodec.defaults().write(gen.generate(e).record());
            docs.add(text.getBytes(StandardCharsets.UTF_8));
            // every string value "x" (a name is followed by a colon)
            docs.add(text.replaceAll("\"[^\"\\\\]*\"(\\s*[,}\\]])", "\"x\"$1").getBytes(StandardCharsets.UTF_8));
        }
        int bound = 0;
        int refused = 0;
        for (byte[] doc : docs) {
            for (int which = 0; which < TestLimits.LIMITS; which++) {
                for (int v = 1; v <= 40; v++) {
                    ReadLimits limits = TestLimits.withOne(which, value(which, v, doc.length));
                    if (agree(doc, limits)) {
                        bound++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        // the sweep reached both sides of the limits, and the byte reader read records within them
        assertThat(bound).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(1_000);
    }

    /** Returns whether the tree path reads {@code doc} within {@code limits}. */
    private static boolean agree(byte[] doc, ReadLimits limits) {
        RecordCodec codec = RecordCodec.withLimits(limits);
        Validator validator = Validator.create(limits);
        String what = limits + " " + new String(doc, StandardCharsets.UTF_8);
        Optional<KafkaFailureRecord> fast = codec.readBytes(doc);
        DocumentReport fromBytes = validator.validate(doc, OPTIONS);
        JsonValue tree;
        try {
            tree = Json.parse(doc, limits);
        } catch (ReadException x) {
            assertThat(fast).as(what).isEmpty();
            assertThat(fromBytes.findings()).as(what).extracting(Finding::code)
                    .anyMatch(code -> code.startsWith("json."));
            return false;
        }
        fast.ifPresent(r -> assertThat(r).as(what).isEqualTo(codec.read(tree)));
        assertThat(fromBytes).as(what).isEqualTo(validator.validate(tree, OPTIONS));
        return true;
    }

    /** The value limit {@code which} is set to: {@code v}, or for the document's tokens and size a sweep around it. */
    private static long value(int which, int v, int length) {
        return switch (which) {
            case 6 -> Math.max(1, length / 2 - 20 + v);
            case 7 -> Math.max(1, length - 20 + v);
            default -> v;
        };
    }
}
