package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.InvalidRecords;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.fixtures.HostileCase;
import dev.onfailure.fixtures.HostileCorpus;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.Offset;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Column values and rows that have a fast path: each equal to what the plain way gives. */
final class RowMakerTest {

    private static final RecordCodec CODEC = RecordCodec.defaults();
    private static final Validator VALIDATOR = Validator.create();

    /** A document and what it is called in a failure message. */
    private record Doc(String name, byte[] bytes) {

        static Doc of(String name, String text) {
            return new Doc(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The plain way: the offset's value, printed to count its digits. */
    private static Decimal plain(String text) {
        Optional<BigInteger> value = Offset.of(text).toBigInteger();
        if (value.isEmpty() || value.get().abs().toString().length() > FailureRows.OFFSET.precision()) {
            return null;
        }
        return Decimal.apply(new BigDecimal(value.get()));
    }

    @Test
    void offset_isTheDecimalOfAtMost38Digits_asThePlainWayGivesIt() {
        String nines38 = "9".repeat(38);
        List<String> texts = List.of("0", "00", "7", "0007", "123456789012345678", "999999999999999999",
                "1000000000000000000", "9223372036854775807", "9223372036854775808", "00" + nines38, nines38,
                "1" + "0".repeat(38), "49601189658422359378836298521827638475320189012309704722", "", "-1", "+1",
                "1.0", "1e3", " 1", "\uff11");
        for (String t : texts) {
            assertThat(RowMaker.offset(t)).as("offset %s", t).isEqualTo(plain(t));
        }
        assertThat(RowMaker.offset("00" + nines38)).isEqualTo(Decimal.apply(new BigDecimal(nines38)));
        assertThat(RowMaker.offset("1" + "0".repeat(38))).isNull();
        assertThat(RowMaker.offset("-1")).isNull();
    }

    @Test
    void everyColumn_fromTheValidatorsRecords_equalsTheReadersOwnTree_tolerant() {
        compare(Profile.TOLERANT);
    }

    @Test
    void everyColumn_fromTheValidatorsRecords_equalsTheReadersOwnTree_strict() {
        compare(Profile.STRICT);
    }

    @Test
    void generatedRecords_everyColumn_parseNoTreeAndNoPayloadInTheReader() {
        RowMaker maker = maker(Profile.TOLERANT);
        List<Doc> docs = generated(200);
        ReadStats.reset();
        List<String> rows = new ArrayList<>();
        for (Doc d : docs) {
            maker.rows(d.name(), d.bytes(), r -> rows.add(render(r)));
        }
        assertThat(ReadStats.TREES.sum()).isZero();
        assertThat(ReadStats.PAYLOADS.sum()).isZero();
        assertThat(ReadStats.VALIDATIONS.sum()).isEqualTo(docs.size());
        assertThat(rows).hasSize(docs.size());
    }

    /**
     * Every column of every kind, both payload forms, envelopes, NDJSON lines, invalid, hostile and corrupt documents:
     * the rows made from the records the validator bound (and, for a record the model cannot bind, the reader's own
     * tree of it) equal the rows made wholly from the reader's own tree, the way every column was made before.
     */
    private static void compare(Profile profile) {
        compare(maker(profile), profile == Profile.STRICT, true);
    }

    /**
     * {@link #compare(Profile)} for every column of a record without {@code valid} and {@code findings}: the rows made
     * from records bound straight from their bytes (and, for any other document, the reader's own tree) equal those
     * made wholly from the tree.
     */
    @Test
    void memberColumnsWithoutValidation_fromRecordsBoundFromBytes_equalTheReadersOwnTree() {
        StructType members = new StructType(java.util.Arrays.stream(FailureRows.SCHEMA.fields())
                .filter(f -> !f.name().equals("valid") && !f.name().equals("findings"))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
        ReadStats.reset();
        compare(new RowMaker(members, VALIDATOR, ValidationOptions.of(Profile.TOLERANT), ReadLimits.defaults()), false,
                false);
        assertThat(ReadStats.VALIDATIONS.sum()).isZero();
        assertThat(ReadStats.BOUND.sum()).as("documents bound from their bytes").isGreaterThan(400);
    }

    private static void compare(RowMaker maker, boolean strict, boolean validated) {
        List<Doc> docs = new ArrayList<>();
        docs.addAll(generated(400));
        docs.addAll(invalid(strict));
        docs.addAll(envelopes());
        docs.addAll(ndjson());
        for (CorpusCase c : Corpus.cases()) {
            docs.add(Doc.of("corpus/" + c.file(), c.text()));
        }
        for (HostileCase h : HostileCorpus.cases()) {
            docs.add(new Doc("hostile/" + h.name(), h.bytes().get()));
        }
        docs.add(new Doc("corrupt/empty", new byte[0]));
        docs.add(new Doc("corrupt/binary", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0}));
        docs.add(Doc.of("corrupt/truncated", "{\"requestContext\":{\"requestId\":\""));
        long fallbacks = 0;
        List<String> all = new ArrayList<>();
        for (Doc d : docs) {
            List<String> tree = new ArrayList<>();
            maker.rowsFromTree(d.name(), d.bytes(), r -> tree.add(render(r)));
            long trees = ReadStats.TREES.sum();
            List<String> records = new ArrayList<>();
            maker.rows(d.name(), d.bytes(), r -> records.add(render(r)));
            fallbacks += ReadStats.TREES.sum() - trees;
            assertThat(records).as(d.name()).containsExactlyElementsOf(tree);
            all.addAll(records);
        }
        // the comparison covered both ways of making a row's members, and the columns that matter
        assertThat(fallbacks).as("records the model could not bind, read from the reader's tree").isPositive();
        if (!validated) {
            assertThat(all).noneMatch(r -> r.contains("Boolean:"));
        }
        assertThat(all).anyMatch(r -> r.contains("UTF8String:kafka.sqs-sns,"))
                .anyMatch(r -> r.contains("UTF8String:kafka.s3,")).anyMatch(r -> r.contains("UTF8String:kafka.topic,"))
                .anyMatch(r -> r.contains("UTF8String:sqs-event,")).anyMatch(r -> r.contains("UTF8String:sns-event,"))
                .anyMatch(r -> r.contains("UTF8String:sns-notification,"))
                .anyMatch(r -> r.contains("UTF8String:string,[")).anyMatch(r -> r.contains("UTF8String:object,["))
                .anyMatch(r -> r.matches(".*\\{UTF8String:[^,]+-[0-9]+,.*Long:[1-9][0-9]*}.*"))
                .anyMatch(r -> r.contains("UTF8String:null,"));
    }

    private static RowMaker maker(Profile profile) {
        return new RowMaker(FailureRows.SCHEMA, VALIDATOR, ValidationOptions.of(profile), ReadLimits.defaults());
    }

    /** Generated records of every kind, in AWS's and sorted order, compact and pretty. */
    private static List<Doc> generated(int n) {
        SeededEntropy e = SeededEntropy.of(23);
        var records = RecordGenerators.records(GeneratorOptions.defaults());
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            KafkaFailureRecord r = records.generate(e).record();
            WriteOptions how = WriteOptions.of(i % 2 == 0 ? KeyOrder.AWS : KeyOrder.SORTED,
                    i % 3 == 0 ? Layout.PRETTY : Layout.COMPACT);
            docs.add(Doc.of("generated/" + i, CODEC.write(r, how)));
        }
        return docs;
    }

    private static List<Doc> invalid(boolean strict) {
        SeededEntropy e = SeededEntropy.of(29);
        var invalid = InvalidRecords.generator(GeneratorOptions.defaults(), strict);
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(Doc.of("invalid/" + i, invalid.generate(e).text()));
        }
        return docs;
    }

    /** Lambda SQS and SNS events, SNS notifications, one inside an SQS event, bodies that are no record. */
    private static List<Doc> envelopes() {
        SeededEntropy e = SeededEntropy.of(31);
        var records = RecordGenerators.records(GeneratorOptions.defaults());
        var invalid = InvalidRecords.generator(GeneratorOptions.defaults(), false);
        List<Doc> docs = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            String notification = notification(CODEC.write(records.generate(e).record()));
            List<JsonValue> bodies = new ArrayList<>();
            bodies.add(body(CODEC.write(records.generate(e).record())));
            bodies.add(body(invalid.generate(e).text()));
            bodies.add(body(notification));
            bodies.add(body("not json"));
            bodies.add(JsonObject.builder().put("messageId", JsonString.of("no body")).build());
            docs.add(Doc.of("envelopes/sqs" + f, Json.write(JsonObject.builder().put("Records",
                    JsonArray.of(bodies)).build())));
            docs.add(Doc.of("envelopes/sns" + f, notification));
            List<JsonValue> sns = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sns.add(JsonObject.builder().put("Sns", JsonObject.builder()
                        .put("Message", JsonString.of(CODEC.write(records.generate(e).record()))).build()).build());
            }
            docs.add(Doc.of("envelopes/sns-event" + f, Json.write(JsonObject.builder().put("Records",
                    JsonArray.of(sns)).build())));
        }
        docs.add(Doc.of("envelopes/empty", "{\"Records\":[]}"));
        return docs;
    }

    private static JsonValue body(String text) {
        return JsonObject.builder().put("messageId", JsonString.of("m")).put("body", JsonString.of(text)).build();
    }

    private static String notification(String message) {
        return Json.write(JsonObject.builder().put("Type", JsonString.of("Notification"))
                .put("MessageId", JsonString.of("n")).put("Message", JsonString.of(message)).build());
    }

    /** NDJSON batches split as the reader splits them: records, invalid and broken lines. */
    private static List<Doc> ndjson() {
        SeededEntropy e = SeededEntropy.of(37);
        var records = RecordGenerators.records(GeneratorOptions.defaults());
        var invalid = InvalidRecords.generator(GeneratorOptions.defaults(), false);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(CODEC.write(records.generate(e).record())).append('\n');
            if (i % 7 == 3) {
                sb.append(invalid.generate(e).text().replace('\n', ' ')).append('\n');
            }
        }
        sb.append("{\"broken\": \n");
        List<Doc> docs = new ArrayList<>();
        Documents.Reader reader = Documents.of("batch.ndjson", true,
                new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), ReadLimits.defaults());
        try {
            for (Documents.Document d = reader.next(); d != null; d = reader.next()) {
                docs.add(new Doc(d.source(), d.bytes()));
            }
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        return docs;
    }

    /** A row as text: every value with its class, so that a Long and an Integer, or a null and "null", differ. */
    private static String render(Object v) {
        StringBuilder sb = new StringBuilder();
        render(v, sb);
        return sb.toString();
    }

    private static void render(Object v, StringBuilder sb) {
        if (v instanceof GenericInternalRow r) {
            sb.append('{');
            Object[] values = r.values();
            for (int i = 0; i < values.length; i++) {
                render(values[i], sb.append(i == 0 ? "" : ","));
            }
            sb.append('}');
        } else if (v instanceof GenericArrayData a) {
            sb.append('[');
            Object[] values = a.array();
            for (int i = 0; i < values.length; i++) {
                render(values[i], sb.append(i == 0 ? "" : ","));
            }
            sb.append(']');
        } else if (v == null) {
            sb.append("null");
        } else {
            sb.append(v.getClass().getSimpleName()).append(':').append(v instanceof UTF8String s ? s.toString() : v);
        }
    }
}
