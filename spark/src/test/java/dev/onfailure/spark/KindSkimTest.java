package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.onfailure.codegen.GeneratedRecord;
import dev.onfailure.codegen.Generator;
import dev.onfailure.codegen.GeneratorOptions;
import dev.onfailure.codegen.InvalidRecords;
import dev.onfailure.codegen.RecordGenerators;
import dev.onfailure.codegen.SeededEntropy;
import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.CorpusCase;
import dev.onfailure.fixtures.HostileCase;
import dev.onfailure.fixtures.HostileCorpus;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.json.TestLimits;
import dev.onfailure.json.WriteOptions;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Profile;
import dev.onfailure.spark.KindSkim.Verdict;
import dev.onfailure.validator.Envelope;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * {@link KindSkim} answers only for documents the tree path reads, and then with the tree path's kind; a query of
 * kinds gets the same rows with and without it; and it answers for the records people have (so it is not a skim that
 * never answers, which would pass the rest).
 */
final class KindSkimTest {

    /** Limits tight enough that generated documents meet each of them, one limit each. */
    private static final List<ReadLimits> TIGHT = List.of(
            ReadLimits.builder().maxDepth(3).build(),
            ReadLimits.builder().maxDepth(5).build(),
            ReadLimits.builder().maxObjectMembers(4).build(),
            ReadLimits.builder().maxObjectMembers(9).build(),
            ReadLimits.builder().maxArrayElements(1).build(),
            ReadLimits.builder().maxArrayElements(3).build(),
            ReadLimits.builder().maxStringChars(20).build(),
            ReadLimits.builder().maxStringChars(200).build(),
            ReadLimits.builder().maxNameChars(9).build(),
            ReadLimits.builder().maxNameChars(14).build(),
            ReadLimits.builder().maxNumberChars(1).build(),
            ReadLimits.builder().maxNumberChars(3).build(),
            ReadLimits.builder().maxTokens(20).build(),
            ReadLimits.builder().maxTokens(150).build(),
            ReadLimits.builder().maxDocumentBytes(300).build(),
            ReadLimits.builder().maxDocumentBytes(2_000).build());

    /** Bytes a mutation writes: JSON's structure, escapes, number parts, and bytes outside plain ASCII. */
    private static final byte[] ALPHABET = bytes("\"\\{}[],:01-+.eEntfuaD8 \n\t\r/b\u007f");
    private static final byte[] ODD = {0, 0x1f, (byte) 0x80, (byte) 0xc3, (byte) 0xa9, (byte) 0xef, (byte) 0xbb,
        (byte) 0xbf, (byte) 0xff, 0x0c};

    private static final List<byte[]> BASE = base();

    @Test
    void handMade_getTheTreePathsKind_orAreLeftToIt() {
        assertVerdict("{\"KafkaBatchInfo\":{}}", Verdict.SQS_SNS);
        assertVerdict(" {\n\t\"requestContext\": {}, \"KafkaBatchInfo\" : { \"batchSize\" : 1 } }\r\n",
                Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":{},\"payload\":\"e30=\"}", Verdict.S3);
        assertVerdict("{\"payload\":{},\"KafkaBatchInfo\":{}}", Verdict.S3);
        assertVerdict("{\"KafkaBatchInfo\":{\"recordInfo\":{}},\"payload\":{}}", Verdict.TOPIC);
        assertVerdict("{\"payload\":[1],\"KafkaBatchInfo\":{\"x\":[{\"recordsInfo\":1}],\"recordInfo\":0}}",
                Verdict.TOPIC);
        assertVerdict("{\"KafkaBatchInfo\":{\"recordInfo\":{}},\"payload\":null}", Verdict.TOPIC);
        assertVerdict("{\"KafkaBatchInfo\":{\"recordInfo\":{}},\"payload\":\"{}\"}", Verdict.S3);
        assertVerdict("{\"KafkaBatchInfo\":{\"recordInfo\":{},\"recordsInfo\":{}},\"payload\":{}}", Verdict.S3);
        assertVerdict("{\"KafkaBatchInfo\":{\"recordInfo\":{}}}", Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":null,\"payload\":[]}", Verdict.S3);
        assertVerdict("{\"KafkaBatchInfo\":[{\"recordInfo\":1}],\"payload\":{}}", Verdict.S3);
        assertVerdict("{\"KafkaBatchInfo\":\"recordInfo\",\"payload\":{}}", Verdict.S3);
        // no record: anything but an object, or an object without KafkaBatchInfo at its top
        assertVerdict("{\"x\":{\"KafkaBatchInfo\":{}}}", Verdict.NONE);
        assertVerdict("[{\"KafkaBatchInfo\":{}}]", Verdict.NONE);
        assertVerdict("{}", Verdict.NONE);
        assertVerdict("[]", Verdict.NONE);
        assertVerdict("\"text\"", Verdict.NONE);
        assertVerdict("-0.5e+10", Verdict.NONE);
        assertVerdict("null", Verdict.NONE);
        assertVerdict("{\"a\":[true,false,null,0,-0,1E2,1.25,\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uFFFF\",{}]}",
                Verdict.NONE);
        assertVerdict("{\"s\":\"\u007f\"}", Verdict.NONE);
        // envelopes, whose messages the tree path unwraps
        assertVerdict("{\"Records\":[]}", Verdict.UNSURE);
        assertVerdict("{\"Type\":\"Notification\",\"Message\":\"{}\"}", Verdict.UNSURE);
        assertVerdict("{\"Records\":[],\"KafkaBatchInfo\":{}}", Verdict.UNSURE);
        // not plain: a name with an escape (this one IS KafkaBatchInfo), text outside ASCII, a surrogate escape
        assertVerdict("{\"KafkaBatch\\u0049nfo\":{}}", Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":{},\"s\":\"caf\u00e9\"}", Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":{},\"s\":\"\\ud83d\\ude00\"}", Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":{},\"s\":\"\\uDC00\"}", Verdict.UNSURE);
        // not JSON, or not one JSON document
        for (String bad : List.of("", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "{,}",
                "{} {}", "{}x", "01", "1.", ".5", "+1", "-", "1e", "1e+", "tru", "nul", "nulls", "True", "'a'",
                "{\"a\":1 \"b\":2}", "{\"a\" 1}", "[1 2]", "\"a", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\t\"",
                "{\"a\":1}\f", "\u00a0{}", "{\"a\":1,\"a\":2}", "{\"KafkaBatchInfo\":{},\"KafkaBatchInfo\":{}}",
                "{\"KafkaBatchInfo\":{\"recordInfo\":1,\"recordInfo\":2},\"payload\":{}}")) {
            assertVerdict(bad, Verdict.UNSURE);
        }
        assertVerdict(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'}, ReadLimits.defaults(),
                Verdict.UNSURE);
    }

    @Test
    void largeObjects_repeatedNamesAndCollidingHashes_areLeftToTheTree() {
        StringBuilder many = new StringBuilder("{\"KafkaBatchInfo\":{}");
        for (int i = 0; i < 200; i++) {
            many.append(",\"m").append(i).append("\":").append(i);
        }
        assertVerdict(many + "}", Verdict.SQS_SNS);
        assertVerdict(many + ",\"m150\":0}", Verdict.UNSURE);
        assertVerdict(many + ",\"KafkaBatchInfo\":0}", Verdict.UNSURE);
        // "Aa" and "BB" have one String hash: names made of them collide, whatever their number
        List<String> colliding = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            colliding.add(Integer.toBinaryString(16 + i).substring(1).replace("0", "Aa").replace("1", "BB"));
        }
        assertThat(colliding.stream().mapToInt(String::hashCode).distinct().count()).isOne();
        StringBuilder few = new StringBuilder("{\"KafkaBatchInfo\":{}");
        for (int i = 0; i < 20; i++) {
            few.append(",\"m").append(i).append("\":0");
        }
        for (String c : colliding.subList(0, 7)) {
            few.append(",\"").append(c).append("\":0");
        }
        assertVerdict(few + "}", Verdict.SQS_SNS);
        assertVerdict(few + ",\"" + colliding.get(7) + "\":0}", Verdict.SQS_SNS);   // eight of one hash, all told
        assertVerdict(few + ",\"" + colliding.get(3) + "\":0}", Verdict.UNSURE);    // apart by their bytes
        assertVerdict(few + ",\"" + colliding.get(7) + "\":0,\"" + colliding.get(8) + "\":0}", Verdict.UNSURE);
    }

    @Test
    void limits_areLeftToTheTreeNearTheirEdge() {
        String deep = "[[[[{\"KafkaBatchInfo\":1}]]]]";
        assertVerdict(deep, Verdict.NONE);
        assertVerdict("{\"KafkaBatchInfo\":[[[[1]]]]}", ReadLimits.builder().maxDepth(6).build(), Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":[[[[1]]]]}", ReadLimits.builder().maxDepth(5).build(), Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":[1,2,3]}", ReadLimits.builder().maxArrayElements(4).build(),
                Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":[1,2,3]}", ReadLimits.builder().maxArrayElements(3).build(),
                Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":{},\"b\":1}", ReadLimits.builder().maxObjectMembers(3).build(),
                Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":{},\"b\":1}", ReadLimits.builder().maxObjectMembers(2).build(),
                Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":\"abcd\"}", ReadLimits.builder().maxStringChars(4).build(),
                Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":\"abcde\"}", ReadLimits.builder().maxStringChars(4).build(),
                Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":1234}", ReadLimits.builder().maxNumberChars(4).build(), Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":-1234}", ReadLimits.builder().maxNumberChars(4).build(), Verdict.UNSURE);
        // the tree takes a number's text from Jackson, which holds it (sign and all) to the limit on strings too
        assertVerdict("{\"KafkaBatchInfo\":-123}", ReadLimits.builder().maxStringChars(4).build(), Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":-1234}", ReadLimits.builder().maxStringChars(4).build(), Verdict.UNSURE);
        assertVerdict("12", ReadLimits.builder().maxStringChars(1).build(), Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":1}", ReadLimits.builder().maxNameChars(14).build(), Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":1}", ReadLimits.builder().maxNameChars(13).build(), Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":1}", ReadLimits.builder().maxDocumentBytes(20).build(), Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":1}", ReadLimits.builder().maxDocumentBytes(19).build(), Verdict.UNSURE);
        assertVerdict("{\"KafkaBatchInfo\":[1,2]}", ReadLimits.builder().maxTokens(20).build(), Verdict.SQS_SNS);
        assertVerdict("{\"KafkaBatchInfo\":[1,2]}", ReadLimits.builder().maxTokens(5).build(), Verdict.UNSURE);
    }

    @Test
    void generatedCorpusAndHostileDocuments_agreeWithTheTree_underEveryLimit() {
        for (byte[] doc : BASE) {
            agree(doc, ReadLimits.defaults());
            for (ReadLimits tight : TIGHT) {
                agree(doc, tight);
            }
        }
    }

    /**
     * Every limit set just under, at and just over every measure of the document itself (its longest string, name and
     * number, its depth, its largest object and array, its tokens, its size): a limit that meets a measure of another
     * kind (the tree holds a number's text to the limit on strings too) is where a skim and the tree part ways.
     */
    @Test
    void everyLimit_atEveryMeasureOfTheDocument_agreesWithTheTree() {
        int answered = 0;
        List<byte[]> docs = new ArrayList<>();
        for (int d = 0; d < BASE.size(); d += 3) {
            docs.add(BASE.get(d));
            // and with every string value "x" (a name is followed by a colon): numbers then meet the limit on strings
            docs.add(bytes(new String(BASE.get(d), StandardCharsets.UTF_8)
                    .replaceAll("\"[^\"\\\\]*\"(\\s*[,}\\]])", "\"x\"$1")));
        }
        for (byte[] doc : docs) {
            JsonValue tree;
            try {
                tree = Json.parse(doc, ReadLimits.defaults());
            } catch (ReadException e) {
                continue;
            }
            long[] m = new long[7];
            measure(tree, 1, m);
            long[] measures = {m[0], m[1], m[2], m[3], m[4], m[5], m[6], doc.length};
            for (int limit = 0; limit < TestLimits.LIMITS; limit++) {
                for (long measure : measures) {
                    for (long v = Math.max(1, measure - 1); v <= measure + 1; v++) {
                        ReadLimits limits = TestLimits.withOne(limit, v);
                        agree(doc, limits);
                        answered += new KindSkim(limits).verdict(doc) != Verdict.UNSURE ? 1 : 0;
                    }
                }
            }
        }
        assertThat(answered).isGreaterThan(10_000);
    }

    /** Longest string, name and number text, depth, most members, most elements, tokens (an upper bound). */
    private static void measure(JsonValue v, int depth, long[] m) {
        m[6]++;
        if (v instanceof JsonObject o) {
            m[3] = Math.max(m[3], depth);
            m[4] = Math.max(m[4], o.size());
            m[6]++;
            for (String name : o.names()) {
                m[1] = Math.max(m[1], name.length());
                m[6]++;
                measure(o.get(name).orElseThrow(), depth + 1, m);
            }
        } else if (v instanceof dev.onfailure.json.JsonArray a) {
            m[3] = Math.max(m[3], depth);
            m[5] = Math.max(m[5], a.size());
            m[6]++;
            for (int i = 0; i < a.size(); i++) {
                measure(a.get(i), depth + 1, m);
            }
        } else if (v instanceof dev.onfailure.json.JsonString s) {
            m[0] = Math.max(m[0], s.value().length());
        } else if (v instanceof dev.onfailure.json.JsonNumber n) {
            m[2] = Math.max(m[2], n.text().length());
        }
    }

    @Test
    void mutatedDocuments_agreeWithTheTree() {
        qt().withExamples(4_000).forAll(integers().between(0, BASE.size() - 1), longs().all())
                .checkAssert((which, seed) -> {
                    Random r = new Random(seed);
                    byte[] doc = mutate(BASE.get(which), r);
                    agree(doc, ReadLimits.defaults());
                    agree(doc, TIGHT.get(r.nextInt(TIGHT.size())));
                });
    }

    @Test
    void recordsAsPeopleHaveThem_areAnsweredWithoutATree() {
        KindSkim skim = new KindSkim(ReadLimits.defaults());
        int records = 0;
        int answered = 0;
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
        SeededEntropy e = SeededEntropy.of(17);
        for (int i = 0; i < 300; i++) {
            GeneratedRecord g = gen.generate(e);
            for (WriteOptions layout : List.of(WriteOptions.COMPACT, WriteOptions.PRETTY)) {
                byte[] doc = bytes(RecordCodec.defaults().write(g.record(), layout));
                if (!ascii(doc)) {
                    continue;
                }
                records++;
                Verdict v = skim.verdict(doc);
                if (v != Verdict.UNSURE) {
                    answered++;
                    assertThat(v.kind()).contains(g.record().kind());
                }
            }
        }
        assertThat(records).isGreaterThan(400);
        assertThat(answered).as("every generated record in ASCII").isEqualTo(records);
        int corpusRecords = 0;
        int corpusAnswered = 0;
        for (CorpusCase c : Corpus.cases()) {
            byte[] doc = bytes(c.text());
            Verdict tree = treeKind(doc, ReadLimits.defaults());
            if (ascii(doc) && tree.kind().isPresent()) {
                corpusRecords++;
                Verdict v = skim.verdict(doc);
                if (v != Verdict.UNSURE) {
                    corpusAnswered++;
                    assertThat(v).as(c.file()).isEqualTo(tree);
                }
            }
        }
        assertThat(corpusRecords).isGreaterThan(20);
        assertThat(corpusAnswered).as("the corpus's records in ASCII").isGreaterThan(corpusRecords * 9 / 10);
    }

    @Test
    void aQueryOfKinds_getsTheRowsOfTheTreePath() {
        StructType kinds = columns("source", "kind", "envelope");
        RowMaker maker = new RowMaker(kinds, Validator.create(), ValidationOptions.of(Profile.TOLERANT),
                ReadLimits.defaults());
        List<byte[]> docs = new ArrayList<>(BASE);
        Random r = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            docs.add(mutate(BASE.get(r.nextInt(BASE.size())), r));
        }
        ReadStats.reset();
        for (int i = 0; i < docs.size(); i++) {
            List<String> skimmed = new ArrayList<>();
            List<String> tree = new ArrayList<>();
            maker.rows("doc-" + i, docs.get(i), row -> skimmed.add(text(row)));
            maker.rowsFromTree("doc-" + i, docs.get(i), row -> tree.add(text(row)));
            assertThat(skimmed).as(new String(docs.get(i), StandardCharsets.UTF_8)).isEqualTo(tree);
        }
        // each document once through rows(...), which read most of the generated ones without a tree
        assertThat(ReadStats.DOCUMENTS.sum()).isEqualTo(docs.size());
        assertThat(ReadStats.TREES.sum()).isEqualTo(docs.size() + docs.size() - ReadStats.SKIMS.sum());
        assertThat(ReadStats.SKIMS.sum()).isGreaterThan(300);
    }

    /** The skim's verdict on {@code doc} agrees with the tree path's whenever it gives one. */
    private static void agree(byte[] doc, ReadLimits limits) {
        Verdict v = new KindSkim(limits).verdict(doc);
        if (v == Verdict.UNSURE) {
            return;
        }
        assertThat(treeKind(doc, limits)).as("%s within %s", new String(doc, StandardCharsets.UTF_8), limits)
                .isEqualTo(v);
    }

    /**
     * What the tree path makes of {@code doc}: a record's kind, {@link Verdict#NONE} for no record outside an
     * envelope, and {@link Verdict#UNSURE} for a document it cannot read or an envelope (no answer is right then).
     */
    private static Verdict treeKind(byte[] doc, ReadLimits limits) {
        JsonValue tree;
        try {
            tree = Json.parse(doc, limits);
        } catch (ReadException e) {
            return Verdict.UNSURE;
        }
        if (!(tree instanceof JsonObject o)) {
            return Verdict.NONE;
        }
        return RecordCodec.kindOf(o).map(k -> Verdict.valueOf(k.name()))
                .orElseGet(() -> Envelope.unwrap(o).isPresent() ? Verdict.UNSURE : Verdict.NONE);
    }

    private static void assertVerdict(String doc, Verdict expected) {
        assertVerdict(bytes(doc), ReadLimits.defaults(), expected);
    }

    private static void assertVerdict(String doc, ReadLimits limits, Verdict expected) {
        assertVerdict(bytes(doc), limits, expected);
    }

    private static void assertVerdict(byte[] doc, ReadLimits limits, Verdict expected) {
        String text = new String(doc, StandardCharsets.UTF_8);
        assertThat(new KindSkim(limits).verdict(doc)).as(text).isEqualTo(expected);
        if (expected != Verdict.UNSURE) {
            assertThat(treeKind(doc, limits)).as("the tree path on %s", text).isEqualTo(expected);
        }
    }

    /** Generated records (valid and mutated, compact and indented), the corpus, hostile documents, envelopes. */
    private static List<byte[]> base() {
        List<byte[]> docs = new ArrayList<>();
        Generator<GeneratedRecord> gen = RecordGenerators.records(GeneratorOptions.defaults());
        SeededEntropy e = SeededEntropy.of(3);
        for (int i = 0; i < 150; i++) {
            GeneratedRecord g = gen.generate(e);
            String compact = RecordCodec.defaults().write(g.record());
            docs.add(bytes(compact));
            docs.add(bytes(RecordCodec.defaults().write(g.record(), WriteOptions.PRETTY)));
            if (i % 10 == 0) {
                docs.add(bytes("{\"Type\":\"Notification\",\"Message\":" + Json.quote(compact) + "}"));
                docs.add(bytes("{\"Records\":[{\"body\":" + Json.quote(compact) + "}]}"));
            }
        }
        var invalid = InvalidRecords.generator(GeneratorOptions.defaults(), false);
        for (int i = 0; i < 150; i++) {
            docs.add(bytes(invalid.generate(e).text()));
        }
        for (CorpusCase c : Corpus.cases()) {
            docs.add(bytes(c.text()));
        }
        for (HostileCase h : HostileCorpus.cases()) {
            byte[] b = h.bytes().get();
            if (b.length <= 1 << 20) {   // the large ones only test limits the tree path reports
                docs.add(b);
            }
        }
        for (HostileCase h : HostileCorpus.truncations()) {
            docs.add(h.bytes().get());
        }
        return List.copyOf(docs);
    }

    /** One to three changes: bytes replaced, inserted or deleted, a slice copied, a name repeated, a wrap. */
    private static byte[] mutate(byte[] doc, Random r) {
        byte[] d = doc;
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes && d.length > 0; c++) {
            int at = r.nextInt(d.length);
            d = switch (r.nextInt(8)) {
                case 0 -> replace(d, at, 1, new byte[] {pick(r)});
                case 1 -> replace(d, at, 0, new byte[] {pick(r)});
                case 2 -> replace(d, at, Math.min(1 + r.nextInt(4), d.length - at), new byte[0]);
                case 3 -> {
                    int len = Math.min(1 + r.nextInt(40), d.length - at);
                    yield replace(d, r.nextInt(d.length + 1), 0, Arrays.copyOfRange(d, at, at + len));
                }
                case 4 -> repeatName(d, r);
                case 5 -> Arrays.copyOf(d, at);
                case 6 -> {
                    byte[] open = bytes(r.nextBoolean() ? "[" : "{\"KafkaBatchInfo\":");
                    byte[] close = bytes(r.nextBoolean() ? "]" : "}");
                    yield replace(replace(d, 0, 0, open), open.length + d.length, 0, close);
                }
                default -> replace(d, at, 1, new byte[] {ODD[r.nextInt(ODD.length)]});
            };
        }
        return d;
    }

    private static byte pick(Random r) {
        return ALPHABET[r.nextInt(ALPHABET.length)];
    }

    /** Writes one member name of {@code d} over another (or over the same one's first letter): a repeated name. */
    private static byte[] repeatName(byte[] d, Random r) {
        List<int[]> names = new ArrayList<>();
        String s = new String(d, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([A-Za-z0-9_.-]+)\"\\s*:").matcher(s);
        while (m.find()) {
            names.add(new int[] {m.start(1), m.end(1)});
        }
        if (names.size() < 2) {
            return d;
        }
        int[] from = names.get(r.nextInt(names.size()));
        int[] to = names.get(r.nextInt(names.size()));
        return replace(d, to[0], to[1] - to[0], Arrays.copyOfRange(d, from[0], from[1]));
    }

    private static byte[] replace(byte[] d, int at, int length, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length + with.length);
        out.write(d, 0, at);
        out.writeBytes(with);
        out.write(d, at + length, d.length - at - length);
        return out.toByteArray();
    }

    private static boolean ascii(byte[] doc) {
        for (byte x : doc) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static StructType columns(String... names) {
        List<String> wanted = List.of(names);
        return new StructType(Arrays.stream(FailureRows.SCHEMA.fields()).filter(f -> wanted.contains(f.name()))
                .toArray(StructField[]::new));
    }

    private static String text(InternalRow row) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < row.numFields(); i++) {
            s.append(row.isNullAt(i) ? "null" : row.getUTF8String(i).toString()).append('|');
        }
        return s.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
