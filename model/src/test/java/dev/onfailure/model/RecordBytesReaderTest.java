package dev.onfailure.model;

import static dev.onfailure.model.RecordCodecTest.EVENT;
import static dev.onfailure.model.RecordCodecTest.RANGE;
import static dev.onfailure.model.RecordCodecTest.RESPONSE;
import static dev.onfailure.model.RecordCodecTest.sqs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.ReadLimits;
import dev.onfailure.json.WriteOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The general straight-from-bytes reader ({@link RecordCodec#readBytes(byte[])}): S3 and Kafka-topic records and
 * members the model does not know, read without the tree. It may give up on anything, but what it reads must be the
 * tree path's record, and it must give up on members in an order the validator would report.
 */
final class RecordBytesReaderTest {

    private static final RecordCodec CODEC = RecordCodec.defaults();
    private static final String SQS = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}");
    private static final String S3 = SQS.substring(0, SQS.length() - 1) + ",\"payload\":"
            + Json.write(JsonString.of(EVENT)) + "}";
    private static final String RECORD_INFO = "\"recordInfo\":{\"offset\":\"15\",\"timestamp\":\"2024-05-01T10:00:00.000Z\"}";
    private static final String TOPIC = sqs(RESPONSE, "{}").replace(",\"recordsInfo\":{}",
            ",\"recordInfo\":{\"offset\":\"15\",\"timestamp\":\"2024-05-01T10:00:00.000Z\"}")
            .replaceFirst("}$", ",\"payload\":" + EVENT.replace("},{\"topic\":\"my-topic\",\"partition\":0,"
                    + "\"offset\":16,\"timestamp\":1545084650988,\"timestampType\":\"CREATE_TIME\",\"value\":\"eA==\","
                    + "\"headers\":[]}", "}") + "}");

    @Test
    void s3AndTopicRecords_andUnknownMembers_areReadStraightFromBytes_asTheTreeReadsThem() {
        String[] read = {
            SQS,
            S3,
            TOPIC,
            sorted(S3),
            sorted(TOPIC),
            Json.write(Json.parse(S3), WriteOptions.PRETTY),
            SQS.replace("\"version\":", "\"newMember\":{\"a\":[1,2.50,\"\\u00e9\",null,true]},\"version\":"),
            SQS.replaceFirst("}$", ",\"x\":-0.0e+1}"),
            SQS.replaceFirst("}$", ",\"x\":{\"a\":[1,2.50,\"s\",null,true,false,{},[]],\"b\":-0.0e+1,\"\":\"\"}}"),
            SQS.replace("{\"requestId\"", "{\"x\":[],\"requestId\"").replace("{\"statusCode\"", "{\"y\":{},\"statusCode\"")
                    .replace("{\"batchSize\"", "{\"z\":\"\\\"\",\"batchSize\"").replace("{\"firstRecordOffset\"",
                            "{\"w\":false,\"firstRecordOffset\""),
            TOPIC.replace("{\"offset\":\"15\"", "{\"x\":1,\"offset\":\"15\""),
            S3.replace("\"payload\":", "\"a\":1,\"b\":2,\"payload\":"),
            S3.replace("aws:kafka\\\"", "aws:\\\\u006bafka\\\""),
            S3.replace("my-topic-0", "my\\u002dtopic-0"),
            S3.replace(Json.write(JsonString.of(EVENT)), "\"<Whole Event>\""),
            S3.replace(Json.write(JsonString.of(EVENT)), "\"\\ud800\""),
            // string payloads whose event is not read from the escaped bytes but from the unescaped text
            S3.replace(Json.write(JsonString.of(EVENT)),
                    Json.write(JsonString.of(Json.write(Json.parse(EVENT), WriteOptions.PRETTY)))),
            S3.replace("{\\\"eventSource\\\"", "{\\u0022eventSource\\\""),
            S3.replace("{\\\"eventSource\\\"", "\\u007b\\\"eventSource\\\""),
            S3.replace("arn:aws:kafka:x", "arn:aws:kafka\\/x"),
            S3.replace("\\\"value\\\":\\\"eA==\\\"", "\\\"value\\\":\\\"e\\\\u0041==\\\""),
            // integers in the other forms JSON Schema counts as integers, kept as numberText
            once(once(once(once(SQS, "\"approximateInvokeCount\":1", "\"approximateInvokeCount\":1.0"),
                    "\"statusCode\":200", "\"statusCode\":2E2"), "\"batchSize\":6", "\"batchSize\":60E-1"),
                    "\"payloadSize\":1024", "\"payloadSize\":0.1024e+4"),
            once(SQS, "\"statusCode\":200", "\"statusCode\":-0"),
            once(S3, "\\\"partition\\\":0,\\\"offset\\\":15,", "\\\"partition\\\":-0,\\\"offset\\\":1.5E1,"),
            once(once(TOPIC, "\"timestamp\":1545084650987", "\"timestamp\":1545084650987.000"),
                    "\"batchSize\":6", "\"batchSize\":6.0"),
            // the single-record form emulators write for SQS/SNS and S3: recordInfo in recordsInfo's place, or beside
            // an empty one
            once(sqs(RESPONSE, "{}"), ",\"recordsInfo\":{}", "," + RECORD_INFO),
            once(sqs(RESPONSE, "{}"), ",\"recordsInfo\":{}", ",\"recordsInfo\":{}," + RECORD_INFO),
            once(S3, "\"recordsInfo\":{\"t-0\":" + RANGE + "}", RECORD_INFO),
            // a self-managed cluster's event with its ARN and brokers null, as a tolerant consumer takes them
            once(once(TOPIC, "\"eventSourceArn\":\"arn:aws:kafka:x\"", "\"eventSourceArn\":null"),
                    "\"bootstrapServers\":\"b-1:9092\",\"records\"", "\"bootstrapServers\":null,\"records\""),
        };
        for (String v : read) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            KafkaFailureRecord viaTree = CODEC.read(Json.parse(bytes));
            assertThat(CODEC.readBytes(bytes)).as(v).contains(viaTree);
            KafkaFailureRecord r = CODEC.readBytes(bytes).orElseThrow();
            assertThat(CODEC.write(r)).as(v).isEqualTo(CODEC.write(viaTree));
            assertThat(r.payloadIfAny().map(Payload::isEvent)).isEqualTo(viaTree.payloadIfAny().map(Payload::isEvent));
            if (viaTree.payloadIfAny().map(Payload::isEvent).orElse(false)) {
                assertThat(r.payloadIfAny().orElseThrow().event()).isEqualTo(viaTree.payloadIfAny().orElseThrow().event());
            }
        }
        assertThat(CODEC.readBytes(TOPIC)).hasValueSatisfying(r -> assertThat(r).isInstanceOf(TopicRecord.class));
        assertThat(CODEC.readBytes(S3)).hasValueSatisfying(r -> assertThat(r).isInstanceOf(S3Record.class));
        assertThat(CODEC.readPlain(S3)).as("the plain reader keeps to Lambda's SQS/SNS shape").isEmpty();
    }

    @Test
    void membersInAnOrderTheValidatorReports_areLeftToTheTree() {
        String[] tree = {
            // neither AWS's order nor sorted, at each level the validator checks
            SQS.replace(RESPONSE + ",\"version\":\"1.0\"", "\"version\":\"1.0\"," + RESPONSE),
            SQS.replace("\"requestId\":\"316aa6d0-8154-4b1c-9af7-85d5f4a6bc81\",\"functionArn\":\"arn:aws:lambda:"
                    + "us-east-1:123456789012:function:f\"", "\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:"
                    + "function:f\",\"requestId\":\"316aa6d0-8154-4b1c-9af7-85d5f4a6bc81\""),
            TOPIC.replace("\"eventSource\":\"aws:kafka\",\"eventSourceArn\":\"arn:aws:kafka:x\"",
                    "\"eventSourceArn\":\"arn:aws:kafka:x\",\"eventSource\":\"aws:kafka\""),
            TOPIC.replace("\"topic\":\"my-topic\",\"partition\":0", "\"partition\":0,\"topic\":\"my-topic\""),
            // a payload event the token reader does not take as it is
            TOPIC.replace("\"eventSource\":\"aws:kafka\"", "\"eventSource\":\"aws:kafka\",\"x\":1"),
            // an object payload that is no event
            SQS.replaceFirst("}$", ",\"payload\":{\"not\":\"an event\"}}"),
            // the single-record form with neither recordsInfo nor recordInfo: the tree path explains
            S3.replace(",\"recordsInfo\":{\"t-0\":" + RANGE + "}", ""),
            // a repeated unknown member, and an unknown member whose value is not JSON
            SQS.replaceFirst("}$", ",\"x\":1,\"x\":2}"),
            SQS.replaceFirst("}$", ",\"x\":[1,}"),
            SQS.replaceFirst("}$", ",\"x\":tru}"),
            SQS.replaceFirst("}$", ",\"x\":{\"a\":1,\"a\":2}}"),
            SQS.replaceFirst("}$", ",\"x\":[1,]}"),
            SQS.replaceFirst("}$", ",\"x\":01}"),
            SQS.replaceFirst("}$", ",\"x\":1.}"),
            S3.replace("\"payload\":\"", "\"payload\":\"\u00e9"),
        };
        for (String v : tree) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            assertThat(CODEC.readBytes(bytes)).as(v).isEmpty();
            agrees(bytes, CODEC, v);
        }
    }

    @Test
    void envelopes_andRecordsWithAnEnvelopesMember_areLeftToTheTree() {
        String body = Json.write(JsonString.of(SQS));
        String[] envelopes = {
            "{\"Records\":[{\"messageId\":\"m-1\",\"body\":" + body + "}]}",
            "{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Type\":\"Notification\",\"Message\":" + body
                    + "}}]}",
            "{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":" + body + "}",
            "{\"Message\":" + body + ",\"MessageId\":\"m-1\",\"Type\":\"Notification\"}",
        };
        for (String v : envelopes) {
            assertThat(CODEC.readBytes(v.getBytes(StandardCharsets.UTF_8))).as(v).isEmpty();
        }
        String[] records = {
            SQS.replaceFirst("}$", ",\"Type\":\"Notification\"}"),
            SQS.replace("{\"requestContext\"", "{\"Records\":[],\"requestContext\""),
        };
        for (String v : records) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            assertThat(CODEC.readBytes(bytes)).as(v).isEmpty();
            assertThat(CODEC.read(bytes).unknownFields()).as(v).hasSize(1);
            agrees(bytes, CODEC, v);
        }
    }

    @Test
    void everySingleByteChange_ofAnS3AndATopicRecord_agreesWithTheTree() {
        String s3 = S3.replace("\"payload\":", "\"u\":{\"a\":[1]},\"payload\":");
        for (String base : new String[] {s3, TOPIC}) {
            byte[] full = base.getBytes(StandardCharsets.UTF_8);
            byte[] replacements = {'"', '\\', ',', ':', '{', '}', '[', ']', ' ', '0', '-', 'e', 'n', 0x1F, (byte) 0x80};
            for (int at = 0; at < full.length; at++) {
                for (byte r : replacements) {
                    byte[] changed = full.clone();
                    changed[at] = r;
                    agrees(changed, CODEC, "byte " + at + " made " + r + " in " + base);
                }
            }
            for (int length = 0; length < full.length; length++) {
                assertThat(CODEC.readBytes(java.util.Arrays.copyOf(full, length))).isEmpty();
            }
        }
    }

    @Test
    void tightLimits_areTheTreePathsToEnforce() {
        ReadLimits[] tight = {
            ReadLimits.builder().maxDepth(3).build(),
            ReadLimits.builder().maxDepth(8).build(),
            ReadLimits.builder().maxDepth(12).build(),
            ReadLimits.builder().maxObjectMembers(5).build(),
            ReadLimits.builder().maxObjectMembers(9).build(),
            ReadLimits.builder().maxArrayElements(1).build(),
            ReadLimits.builder().maxStringChars(40).build(),
            ReadLimits.builder().maxStringChars(600).build(),
            ReadLimits.builder().maxTokens(60).build(),
            ReadLimits.builder().maxNumberChars(3).build(),
        };
        String deep = SQS.replaceFirst("}$", ",\"x\":[[[[[[[[[1]]]]]]]]]}");
        for (ReadLimits limits : tight) {
            for (String v : new String[] {S3, TOPIC, deep}) {
                agrees(v.getBytes(StandardCharsets.UTF_8), RecordCodec.withLimits(limits), limits + " " + v);
            }
        }
    }

    /**
     * The tree path takes a number's text from the parser, which holds it to the limit on strings too: with strings
     * made short, a limit on strings or on numbers just under or over the records' numbers is the tree path's to
     * enforce, and the straight-from-bytes reader reads the record only where the tree does.
     */
    @Test
    void limitsOnStringsAndNumbers_aroundTheRecordsNumbers_areTheTreePathsToEnforce() {
        int read = 0;
        for (String v : new String[] {SQS, TOPIC}) {
            // every string value "x" (names are followed by a colon), so that only numbers meet the limits
            byte[] shortStrings = v.replaceAll("\"[^\"]*\"(\\s*[,}\\]])", "\"x\"$1").getBytes(StandardCharsets.UTF_8);
            for (int max = 1; max <= 24; max++) {
                for (ReadLimits limits : new ReadLimits[] {ReadLimits.builder().maxStringChars(max).build(),
                    ReadLimits.builder().maxNumberChars(max).build()}) {
                    RecordCodec codec = RecordCodec.withLimits(limits);
                    agrees(shortStrings, codec, limits + " " + new String(shortStrings, StandardCharsets.UTF_8));
                    read += codec.readBytes(shortStrings).isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(read).as("records read straight from bytes where the limits leave room").isGreaterThan(10);
    }

    @Test
    void events_readStraightFromBytes_areTheEventsOfTheTree() {
        String[] events = {
            EVENT,
            EVENT.replace("\"key\":null", "\"key\":\"a2V5\",\"keySchemaMetadata\":{\"dataFormat\":\"AVRO\","
                    + "\"schemaId\":\"1\"}").replace("\"headers\":[]", "\"valueSchemaMetadata\":{\"schemaId\":\"2\","
                    + "\"dataFormat\":\"JSON\"},\"headers\":[]"),
            Json.write(Json.parse(EVENT), WriteOptions.PRETTY),
            sorted(EVENT),
            EVENT.replace("\"partition\":0,", ""),
            EVENT.replace("1545084650987", "1234567890123456789"),   // 19 digits, as Kafka's offsets may have
            EVENT.replace("1545084650987", "9223372036854775807"),
        };
        for (String v : events) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            KafkaEvent viaTree;
            try {
                viaTree = CODEC.readEvent(Json.parse(bytes));
            } catch (ReadException e) {
                assertThat(EventBytesReader.of(ReadLimits.defaults()).read(bytes)).as(v).isNull();
                continue;
            }
            assertThat(EventBytesReader.of(ReadLimits.defaults()).read(bytes)).as(v).isNotNull().isEqualTo(viaTree);
        }
        // the token reader and the tree take what the cursor does not: escapes, unsigned header bytes
        String[] notPlain = {
            EVENT.replace("aws:kafka\"", "aws:\\u006bafka\""),
            EVENT.replace("[104,-1,-128,127]", "[104,255]"),
            EVENT.replace("\"key\":null,", "\"key\":null,\"x\":1,"),
        };
        for (String v : notPlain) {
            byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
            assertThat(EventBytesReader.of(ReadLimits.defaults()).read(bytes)).as(v).isNull();
            assertThat(CODEC.readEvent(bytes)).as(v).isEqualTo(CODEC.readEvent(Json.parse(bytes)));
        }
        byte[] full = EVENT.getBytes(StandardCharsets.UTF_8);
        byte[] replacements = {'"', '\\', ',', ':', '{', '}', '[', ']', ' ', '0', '-', 'e', 'n', 0x1F, (byte) 0x80};
        for (int at = 0; at < full.length; at++) {
            for (byte r : replacements) {
                byte[] changed = full.clone();
                changed[at] = r;
                KafkaEvent fast = EventBytesReader.of(ReadLimits.defaults()).read(changed);
                if (fast != null) {
                    assertThat(fast).as("byte %d made %d", at, r).isEqualTo(CODEC.readEvent(Json.parse(changed)));
                }
            }
        }
    }

    private static String sorted(String json) {
        return Json.write(Json.parse(json), WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT));
    }

    /** {@code text} with its one occurrence of {@code from} replaced; fails when there is none or more than one. */
    private static String once(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("%s in the document", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("%s once in the document", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** Either reader returns nothing where the tree path refuses, and the tree's record where it returns one. */
    static void agrees(byte[] bytes, RecordCodec codec, String what) {
        KafkaFailureRecord viaTree;
        try {
            viaTree = codec.read(Json.parse(bytes, codec.limits()));
        } catch (ReadException e) {
            assertThat(codec.readBytes(bytes)).as(what).isEmpty();
            return;
        }
        codec.readBytes(bytes).ifPresent(r -> {
            assertThat(r).as(what).isEqualTo(viaTree);
            assertThat(r.payloadIfAny().map(Payload::toJson)).as(what)
                    .isEqualTo(viaTree.payloadIfAny().map(Payload::toJson));
            assertThat(r.payloadIfAny().flatMap(Payload::object).map(JsonObject::names)).as(what)
                    .isEqualTo(viaTree.payloadIfAny().flatMap(Payload::object).map(JsonObject::names));
            // the event a payload holds (read on the way from a string payload's escaped bytes) is the tree's
            assertThat(r.payloadIfAny().map(Payload::isEvent)).as(what)
                    .isEqualTo(viaTree.payloadIfAny().map(Payload::isEvent));
            if (viaTree.payloadIfAny().map(Payload::isEvent).orElse(false)) {
                assertThat(r.payloadIfAny().orElseThrow().event()).as(what)
                        .isEqualTo(viaTree.payloadIfAny().orElseThrow().event());
            }
        });
    }
}
