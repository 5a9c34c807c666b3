package dev.onfailure.model;

import static dev.onfailure.model.RecordCodecTest.RANGE;
import static dev.onfailure.model.RecordCodecTest.RESPONSE;
import static dev.onfailure.model.RecordCodecTest.sqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.json.Json;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The straight-from-bytes reader of SQS/SNS records ({@link RecordBytesReader} over {@link dev.onfailure.json.JsonCursor}) may give up on
 * anything, but what it reads must be exactly what the tree path reads. Each test names the side it exercises: read
 * plainly (and equal to the tree), handed to the tree (and still read right), refused by both.
 */
class SqsSnsRecordReaderTest {

    private static final RecordCodec CODEC = RecordCodec.defaults();
    private static final String BASE = sqs(RESPONSE, "{\"t-0\":" + RANGE + ",\"a.b_c-2147483647\":" + RANGE + "}");

    @Test
    void readsPlainly_theShapesLambdaWrites_inAnyLayout() {
        String pretty = Json.write(Json.parse(BASE), dev.onfailure.json.WriteOptions.PRETTY);
        String[] plain = {BASE,
            pretty,
            pretty.replace("\n", "\r\n").replace("  ", "\t"),
            " \n\t\r" + BASE + " \n\t\r",
            BASE.replace(":", " : ").replace(",", " , ").replace("{", "{ ").replace("}", " }"),
            sqs("", "{\"t-0\":" + RANGE + "}"),
            sqs("\"responseContext\":null", "{}"),
            sqs("\"responseContext\" : null ", "{}"),
            sqs("\"responseContext\":{\"statusCode\":-1}", "{}"),
            BASE.replace("\"eventSourceArn\":\"arn", "\"eventSourceArn\":null,\"x\":\"arn").replace(",\"x\":\"arn"
                    + ":aws:kafka:us-east-1:123456789012:cluster/c/751d2973-a626-431c-9d4e-d7975eb44dd7-2\"", ""),
            BASE.replace("\"batchSize\":6", "\"batchSize\":0"),
            BASE.replace("\"payloadSize\":1024", "\"payloadSize\":999999999999999999"),
            BASE.replace("\"payloadSize\":1024", "\"payloadSize\":1000000000000000000"),
            BASE.replace("\"payloadSize\":1024", "\"payloadSize\":9223372036854775807"),
            BASE.replace("\"version\":\"1.0\"", "\"version\":\"\u007F ~!\""),
            BASE.replace("\"version\":\"1.0\"", "\"version\":\"\""),
        };
        for (String v : plain) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            assertThat(CODEC.readPlain(bytes)).as(v).isPresent();
            assertThat(CODEC.readPlain(bytes).orElseThrow()).as(v).isEqualTo(CODEC.read(Json.parse(bytes)));
        }
    }

    @Test
    void handsToTheTree_whatIsWellFormedButNotPlain() {
        // escapes, non-ASCII, numbers not in canonical int form, nulls and members the model keeps as unknown
        String[] notPlain = {
            // members in another order, at every level: the tree path reads them and reports the order
            "{\"KafkaBatchInfo\":{\"recordsInfo\":{\"t-0\":{\"lastRecordTimestamp\":\"2024-05-01T10:00:01.500Z\","
                    + "\"firstRecordTimestamp\":\"2024-05-01T10:00:00.000Z\",\"lastRecordOffset\":\"20\","
                    + "\"firstRecordOffset\":\"15\"}},\"payloadSize\":1,\"bootstrapServers\":\"b:9092\","
                    + "\"batchSize\":1},\"timestamp\":\"2024-05-01T10:00:02.000Z\",\"version\":\"1.0\","
                    + "\"responseContext\":{\"functionError\":\"Unhandled\",\"statusCode\":200},"
                    + "\"requestContext\":{\"approximateInvokeCount\":3,\"condition\":\"RetryAttemptsExhausted\","
                    + "\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\","
                    + "\"requestId\":\"316aa6d0-8154-4b1c-9af7-85d5f4a6bc81\"}}",
            BASE.replace("\"version\":\"1.0\"", "\"version\":\"1\\u002e0\""),
            BASE.replace("cluster/c/", "cluster\\/c\\/"),
            BASE.replace("\"t-0\"", "\"t\\u002d0\""),
            BASE.replace("\"version\"", "\"vers\\u0069on\""),
            BASE.replace("function:f", "function:f\u00e9"),
            BASE.replace("\"t-0\"", "\"t\u00e9-0\""),
            BASE.replace("\"batchSize\":6", "\"batchSize\":6.0"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":6e0"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":99999999999"),
            BASE.replace("\"payloadSize\":1024", "\"payloadSize\":10000000000000000000"),
            BASE.replace("\"payloadSize\":1024", "\"payloadSize\":-0"),
            BASE.replace("\"functionError\":\"Unhandled\"", "\"functionError\":null"),
            BASE.replace("\"functionError\":\"Unhandled\"", "\"functionError\":\"Unhandled\",\"x\":1"),
            BASE.replace("\"t-0\":{", "\"t-0\":{\"extra\":true,"),
            BASE.substring(0, BASE.length() - 1) + ",\"payload\":\"x\"}",
            "\uFEFF" + BASE,
        };
        for (String v : notPlain) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            assertThat(CODEC.readPlain(bytes)).as(v).isEmpty();
            KafkaFailureRecord viaTree;
            try {
                viaTree = CODEC.read(Json.parse(bytes));
            } catch (ReadException e) {
                // well-formed JSON the model refuses (a number not in canonical form): so does reading the bytes
                assertThatThrownBy(() -> CODEC.read(bytes)).as(v).isInstanceOf(ReadException.class);
                continue;
            }
            assertThat(CODEC.read(bytes)).as(v).isEqualTo(viaTree);
        }
    }

    @Test
    void refusedByBoth_whatIsNotWellFormed() {
        String[] broken = {
            BASE.replace(",\"version\"", "\"version\""),
            BASE.replace(",\"version\"", ",,\"version\""),
            BASE.replace("\"version\":", "\"version\""),
            BASE.replace("\"version\":", "\"version\"::"),
            BASE.replace("\"version\":\"1.0\"", "\"version\":\"1.0"),
            BASE.replace("\"version\":\"1.0\"", "\"version\":\"1\t0\""),
            BASE.replace("\"version\":\"1.0\"", "\"version\":\"1\u00000\""),
            BASE.replace("\"version\":\"1.0\"", "\"version\":'1.0'"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":06"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":+6"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":-"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":--6"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":6x"),
            BASE.replace("\"batchSize\":6", "\"batchSize\":"),
            sqs("\"responseContext\":nul", "{}"),
            sqs("\"responseContext\":nulll", "{}"),
            sqs("\"responseContext\":null", "{\"t-0\":" + RANGE + ",}"),
            sqs("\"responseContext\":null", "{\"t-0\":" + RANGE + ",\"t-1\":" + RANGE + ",\"t-0\":" + RANGE + "}"),
            BASE.replace("}}}", "}},}"),
            BASE + "}",
            BASE + "{}",
            BASE + "x",
            BASE.replace("\"t-0\":{", "\"t-0\":{,"),
            "{",
            "",
            " ",
        };
        for (String v : broken) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> Json.parse(bytes)).as(v).isInstanceOf(ReadException.class);
            assertThat(CODEC.readPlain(bytes)).as(v).isEmpty();
        }
    }

    @Test
    void theModelsEdges_readAsTheTreeReadsThem() {
        String[] edges = {
            BASE.replace("\"statusCode\":200", "\"statusCode\":-0"),
            BASE.replace("\"payloadSize\":1024", "\"payloadSize\":9223372036854775808"),
            BASE.replace("\"version\":\"1.0\",", "\"version\":\"1.0\",\"version\":\"1.0\","),
            BASE.replace("\"version\":\"1.0\",", "\"version\":null,"),
            BASE.replace("\"version\":\"1.0\",", ""),
            BASE.replace("\"firstRecordOffset\":\"15\"", "\"firstRecordOffset\":15"),
            BASE.replace("\"KafkaBatchInfo\":{", "\"KafkaBatchInfo\":{\"recordInfo\":{},"),
            BASE.replace("\"recordsInfo\":{", "\"recordsInfo\":null,\"x\":{"),
            "[" + BASE + "]",
            "{}",
            "null",
        };
        for (String v : edges) {
            agrees(v.getBytes(StandardCharsets.UTF_8), CODEC, v);
            assertThat(CODEC.readPlain(v.getBytes(StandardCharsets.UTF_8))).as(v).isEmpty();
        }
    }

    @Test
    void text_takesTheBytePath_onlyWhenItIsAscii() {
        assertThat(RecordCodec.asciiBytes("{\"a\":\"?\"}")).hasValueSatisfying(b -> assertThat(b).hasSize(9));
        assertThat(RecordCodec.asciiBytes("")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(RecordCodec.asciiBytes("caf\u00e9")).isEmpty();
        assertThat(RecordCodec.asciiBytes("\u20ac")).isEmpty();
        assertThat(RecordCodec.asciiBytes("a\ud800b")).as("a lone surrogate").isEmpty();
        assertThat(RecordCodec.asciiBytes("\ud83d\ude00")).isEmpty();

        assertThat(CODEC.readPlain(BASE)).isPresent().contains((SqsSnsRecord) CODEC.read(Json.parse(BASE)));
        assertThat(CODEC.read(BASE)).isEqualTo(CODEC.read(Json.parse(BASE)));
        for (String odd : new String[] {"\ud800", "\u00e9", "\u20ac", "?"}) {
            String text = BASE.replace("function:f", "function:f" + odd);
            assertThat(CODEC.readPlain(text)).as(odd).isEqualTo(odd.equals("?")
                    ? java.util.Optional.of((SqsSnsRecord) CODEC.read(Json.parse(text))) : java.util.Optional.empty());
            assertThat(CODEC.read(text).requestContext().functionArn()).as(odd).endsWith("function:f" + odd);
        }
    }

    @Test
    void everyTruncation_isRefusedByBoth() {
        byte[] full = BASE.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < full.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(full, length);
            assertThat(CODEC.readPlain(cut)).as("first %d bytes", length).isEmpty();
            assertThat(CODEC.readBytes(cut)).as("first %d bytes", length).isEmpty();
        }
    }

    @Test
    void everySingleByteChange_agreesWithTheTree() {
        byte[] full = sqs("\"responseContext\":null", "{\"t-0\":" + RANGE + "}").getBytes(StandardCharsets.UTF_8);
        byte[] replacements = {'"', '\\', ',', ':', '{', '}', '[', ' ', '0', '9', '-', '.', 'e', 'n', 'x', 0x1F, 0x7F,
            (byte) 0x80, (byte) 0xC3, 0};
        int readFast = 0;
        for (int at = 0; at < full.length; at++) {
            for (byte r : replacements) {
                byte[] changed = full.clone();
                changed[at] = r;
                readFast += agrees(changed, RecordCodec.defaults(), "byte " + at + " made " + r);
            }
            byte[] removed = new byte[full.length - 1];
            System.arraycopy(full, 0, removed, 0, at);
            System.arraycopy(full, at + 1, removed, at, full.length - at - 1);
            agrees(removed, RecordCodec.defaults(), "byte " + at + " removed");
        }
        // changes inside strings and digits keep the record readable: the fast readers must have been compared
        assertThat(readFast).as("changed documents the fast readers read and the tree agreed with").isGreaterThan(100);
    }

    @Test
    void offsetsClassifiedWhileReading_behaveAsOffsetsMadeFromText() {
        String[] texts = {"0", "00", "007", "15", "", "12a", "a12", "-1", " 1", "1 ", "1.0", "9223372036854775807",
            "9223372036854775808", "09223372036854775807", "0000000000000000000000000000001", "12345678", "1234567",
            "123456789", "1234567/", "1234567:", "/2345678", ":2345678", "49601189658422359378836298521827638475320189012309704722",
            "4960118965842235937883629852182763847532018901230970472~", "~", "0".repeat(40)};
        Offset[] others = {Offset.of("0"), Offset.of("16"), Offset.of("9223372036854775807"), Offset.of("1".repeat(60))};
        for (String text : texts) {
            String json = sqs("", "{\"t-0\":" + RANGE.replace("\"firstRecordOffset\":\"15\"",
                    "\"firstRecordOffset\":\"" + text + "\"") + "}");
            Offset read = CODEC.readPlain(json.getBytes(StandardCharsets.UTF_8)).orElseThrow()
                    .batchInfo().recordsInfo().get("t-0").firstRecordOffset();
            Offset made = Offset.of(text);
            assertThat(read).as(text).isEqualTo(made);
            assertThat(read.isDecimal()).as(text).isEqualTo(made.isDecimal());
            assertThat(read.fitsInt64()).as(text).isEqualTo(made.fitsInt64());
            if (made.isDecimal()) {
                for (Offset other : others) {
                    assertThat(read.compareValue(other)).as(text + " vs " + other).isEqualTo(made.compareValue(other));
                    assertThat(other.compareValue(read)).as(other + " vs " + text).isEqualTo(other.compareValue(made));
                }
            }
        }
    }

    @Test
    void tightLimits_areTheTreePathsToEnforce() {
        ReadLimits[] tight = {
            ReadLimits.builder().maxDocumentBytes(100).build(),
            ReadLimits.builder().maxStringChars(10).build(),
            ReadLimits.builder().maxStringChars(36).build(),
            ReadLimits.builder().maxNameChars(5).build(),
            ReadLimits.builder().maxNameChars(16).build(),
            ReadLimits.builder().maxNameChars(22).build(),
            ReadLimits.builder().maxDepth(3).build(),
            ReadLimits.builder().maxDepth(4).build(),
            ReadLimits.builder().maxObjectMembers(1).build(),
            ReadLimits.builder().maxObjectMembers(4).build(),
            ReadLimits.builder().maxTokens(20).build(),
            ReadLimits.builder().maxNumberChars(3).build(),
        };
        String longKey = sqs("", "{\"" + "t".repeat(30) + "-0\":" + RANGE + "}");
        assertThat(agrees(BASE.getBytes(StandardCharsets.UTF_8), RecordCodec.defaults(), "default limits"))
                .as("both fast readers read the base document").isEqualTo(2);
        for (ReadLimits limits : tight) {
            agrees(BASE.getBytes(StandardCharsets.UTF_8), RecordCodec.withLimits(limits), limits.toString());
            agrees(longKey.getBytes(StandardCharsets.UTF_8), RecordCodec.withLimits(limits), limits.toString());
        }
        assertThat(RecordCodec.withLimits(ReadLimits.builder().maxNameChars(22).build())
                .readPlain(longKey.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(RecordCodec.withLimits(ReadLimits.builder().maxNameChars(32).build())
                .readPlain(longKey.getBytes(StandardCharsets.UTF_8))).isPresent();
        ReadLimits twoRanges = ReadLimits.builder().maxObjectMembers(5).build();
        assertThat(RecordCodec.withLimits(twoRanges).readPlain(BASE.getBytes(StandardCharsets.UTF_8))).isPresent();
    }

    /**
     * The plain reader returns nothing where the tree path refuses, and the tree's record where it returns one; a fast
     * reader may decline anything, so this returns how many of the two read {@code bytes} (callers check that the
     * comparison was made often enough to mean something).
     */
    private static int agrees(byte[] bytes, RecordCodec codec, String what) {
        KafkaFailureRecord viaTree;
        try {
            viaTree = codec.read(Json.parse(bytes, codec.limits()));
        } catch (ReadException e) {
            assertThat(codec.readPlain(bytes)).as(what).isEmpty();
            assertThat(codec.readBytes(bytes)).as(what).isEmpty();
            return 0;
        }
        int read = 0;
        java.util.Optional<SqsSnsRecord> plain = codec.readPlain(bytes);
        if (plain.isPresent()) {
            assertThat(plain.get()).as(what).isEqualTo(viaTree);
            read++;
        }
        java.util.Optional<KafkaFailureRecord> fast = codec.readBytes(bytes);
        if (fast.isPresent()) {
            assertThat(fast.get()).as(what).isEqualTo(viaTree);
            read++;
        }
        return read;
    }
}
