package dev.onfailure.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onfailure.json.Json;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.ReadException;
import dev.onfailure.json.WriteOptions;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wire-format tests on literal JSON: each fidelity rule of the model has its own tests here. */
final class RecordCodecTest {

    private static final RecordCodec CODEC = RecordCodec.defaults();

    static final String RC = "\"requestContext\":{\"requestId\":\"316aa6d0-8154-4b1c-9af7-85d5f4a6bc81\","
            + "\"functionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\","
            + "\"condition\":\"RetryAttemptsExhausted\",\"approximateInvokeCount\":1}";
    static final String RESPONSE = "\"responseContext\":{\"statusCode\":200,\"executedVersion\":\"$LATEST\","
            + "\"functionError\":\"Unhandled\"}";
    static final String RANGE = "{\"firstRecordOffset\":\"15\",\"lastRecordOffset\":\"20\","
            + "\"firstRecordTimestamp\":\"2024-05-01T10:00:00.000Z\",\"lastRecordTimestamp\":\"2024-05-01T10:00:01.500Z\"}";

    static String sqs(String responsePart, String recordsInfo) {
        return "{" + RC + (responsePart.isEmpty() ? "" : "," + responsePart)
                + ",\"version\":\"1.0\",\"timestamp\":\"2024-05-01T10:00:02.000Z\",\"KafkaBatchInfo\":{\"batchSize\":6,"
                + "\"eventSourceArn\":\"arn:aws:kafka:us-east-1:123456789012:cluster/c/751d2973-a626-431c-9d4e-d7975eb44dd7-2\","
                + "\"bootstrapServers\":\"b-1:9092\",\"payloadSize\":1024,\"recordsInfo\":" + recordsInfo + "}}";
    }

    static final String EVENT = "{\"eventSource\":\"aws:kafka\",\"eventSourceArn\":\"arn:aws:kafka:x\","
            + "\"bootstrapServers\":\"b-1:9092\",\"records\":{\"my-topic-0\":[{\"topic\":\"my-topic\",\"partition\":0,"
            + "\"offset\":15,\"timestamp\":1545084650987,\"timestampType\":\"CREATE_TIME\",\"key\":null,"
            + "\"value\":\"eyJrIjoxfQ==\",\"headers\":[{\"h\":[104,-1,-128,127]},{\"h\":[]}]},"
            + "{\"topic\":\"my-topic\",\"partition\":0,\"offset\":16,\"timestamp\":1545084650988,"
            + "\"timestampType\":\"CREATE_TIME\",\"value\":\"eA==\",\"headers\":[]}]}}";

    private static void assertRoundTrip(String json) {
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(CODEC.write(r)).isEqualTo(json);
        assertThat(CODEC.read(CODEC.write(r))).isEqualTo(r);
    }

    @Test
    void integers_inAnyFormJsonSchemaCounts_areReadAndWrittenBackAsWritten() {
        String json = sqs(RESPONSE.replace("200", "2E2"), "{\"t-0\":" + RANGE + "}")
                .replace("\"approximateInvokeCount\":1", "\"approximateInvokeCount\":1.0")
                .replace("\"batchSize\":6", "\"batchSize\":6E0").replace("\"payloadSize\":1024", "\"payloadSize\":-0");
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r.requestContext().approximateInvokeCount()).isEqualTo(1);
        assertThat(r.requestContext().numberText()).containsExactly(java.util.Map.entry("approximateInvokeCount", "1.0"));
        assertThat(r.responseContext().get().statusCode()).isEqualTo(200);
        assertThat(r.batchInfo().batchSize()).isEqualTo(6);
        assertThat(r.batchInfo().payloadSize()).isZero();
        assertThat(r.batchInfo().numberText()).containsEntry("batchSize", "6E0").containsEntry("payloadSize", "-0");
        assertRoundTrip(json);
        assertThat(r).isNotEqualTo(CODEC.read(json.replace("1.0", "1")));
        String event = EVENT.replace("\"offset\":15", "\"offset\":1.5E1").replace("\"partition\":0", "\"partition\":-0");
        assertThat(CODEC.write(CODEC.readEvent(event), dev.onfailure.json.WriteOptions.COMPACT)).isEqualTo(event);
        assertThat(CODEC.readEvent(event).allRecords().get(0).offset()).isEqualTo(15);
    }

    @Test
    void integers_changedThroughTheBuilder_dropTheirOldForm() {
        KafkaFailureRecord r = CODEC.read(sqs(RESPONSE, "{}").replace("\"batchSize\":6", "\"batchSize\":6.0"));
        SqsSnsRecord changed = ((SqsSnsRecord) r).toBuilder()
                .batchInfo(((SqsSnsRecord) r).batchInfo().toBuilder().batchSize(7).build()).build();
        assertThat(CODEC.write(changed)).contains("\"batchSize\":7,");
    }

    @Test
    void integers_notIntegral_orOutOfRange_areRefused() {
        for (String bad : new String[] {"1.5", "1E19", "1e400", "-1E-2"}) {
            String json = sqs(RESPONSE, "{}").replace("\"batchSize\":6", "\"batchSize\":" + bad);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CODEC.read(json)).as(bad)
                    .isInstanceOf(dev.onfailure.json.ReadException.class);
        }
    }

    // Rule 1: responseContext absent, null or an object.

    @Test
    void responseContext_object_isKept() {
        String json = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}");
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r.responseContext().isPresent()).isTrue();
        assertThat(r.responseContext().get().statusCode()).isEqualTo(200);
        assertThat(r.responseContext().get().functionError()).isEqualTo(JsonField.of("Unhandled"));
        assertRoundTrip(json);
    }

    @Test
    void responseContext_null_isKept() {
        String json = sqs("\"responseContext\":null", "{\"t-0\":" + RANGE + "}");
        assertThat(CODEC.read(json).responseContext().isNull()).isTrue();
        assertRoundTrip(json);
    }

    @Test
    void responseContext_absent_isKept() {
        String json = sqs("", "{\"t-0\":" + RANGE + "}");
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r.responseContext().isAbsent()).isTrue();
        assertThat(CODEC.write(r)).doesNotContain("responseContext");
        assertRoundTrip(json);
    }

    @Test
    void responseContext_threeStates_areUnequal() {
        KafkaFailureRecord a = CODEC.read(sqs("", "{\"t-0\":" + RANGE + "}"));
        KafkaFailureRecord n = CODEC.read(sqs("\"responseContext\":null", "{\"t-0\":" + RANGE + "}"));
        assertThat(a).isNotEqualTo(n);
    }

    // Rule 2: offsets keep their exact decimal text.

    @Test
    void offsets_56digits_surviveUntouched() {
        String big = "49601189658422359378836298521827638475320189012309704722";
        String json = sqs(RESPONSE, "{\"Topic-0\":" + RANGE.replace("\"15\"", "\"" + big + "\"") + "}");
        KafkaBatchInfo info = (KafkaBatchInfo) CODEC.read(json).batchInfo();
        Offset first = info.recordsInfo().get("Topic-0").firstRecordOffset();
        assertThat(first.text()).isEqualTo(big);
        assertThat(first.fitsInt64()).isFalse();
        assertThat(first.toLong()).isEmpty();
        assertThat(first.toBigInteger()).contains(new BigInteger(big));
        assertRoundTrip(json);
    }

    @Test
    void offsets_leadingZerosAndNonDecimal_keepText() {
        String json = sqs(RESPONSE, "{\"t-0\":" + RANGE.replace("\"15\"", "\"007\"").replace("\"20\"", "\"abc\"")
                + "}");
        KafkaBatchInfo info = (KafkaBatchInfo) CODEC.read(json).batchInfo();
        assertThat(info.recordsInfo().get("t-0").firstRecordOffset().toLong()).hasValue(7);
        assertThat(info.recordsInfo().get("t-0").lastRecordOffset().isDecimal()).isFalse();
        assertRoundTrip(json);
    }

    @Test
    void offsets_int64Boundary() {
        assertThat(Offset.of("9223372036854775807").fitsInt64()).isTrue();
        assertThat(Offset.of("9223372036854775807").toLong()).hasValue(Long.MAX_VALUE);
        assertThat(Offset.of("9223372036854775808").fitsInt64()).isFalse();
        assertThat(Offset.of("").isDecimal()).isFalse();
        assertThat(Offset.of("-1").isDecimal()).isFalse();
        assertThat(Offset.of("10").compareTo(Offset.of("9"))).isPositive();
        assertThat(Offset.of("0009223372036854775807").fitsInt64()).isTrue();
        assertThat(Offset.of("0").fitsInt64()).isTrue();
        assertThat(Offset.of("10000000000000000000").fitsInt64()).isFalse();
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int i = 0; i < 5000; i++) {
            String a = "0".repeat(r.nextInt(3)) + new BigInteger(r.nextInt(1, 80), new java.util.Random(r.nextLong()));
            String b = "0".repeat(r.nextInt(3)) + new BigInteger(r.nextInt(1, 80), new java.util.Random(r.nextLong()));
            assertThat(Integer.signum(Offset.of(a).compareValue(Offset.of(b))))
                    .as(a + " vs " + b).isEqualTo(Integer.signum(new BigInteger(a).compareTo(new BigInteger(b))));
            assertThat(Offset.of(a).fitsInt64()).as(a)
                    .isEqualTo(new BigInteger(a).compareTo(BigInteger.valueOf(Long.MAX_VALUE)) <= 0);
        }
    }

    // Rule 3: timestamps keep their exact text.

    @Test
    void timestamps_keepMillisecondZeros() {
        String json = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}");
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r.timestamp().text()).isEqualTo("2024-05-01T10:00:02.000Z");
        assertThat(r.timestamp().toInstant()).contains(Instant.parse("2024-05-01T10:00:02Z"));
        assertThat(CODEC.write(r)).contains("\"2024-05-01T10:00:02.000Z\"");
    }

    @Test
    void timestamps_unparseable_keepText() {
        Timestamp t = Timestamp.of("yesterday");
        assertThat(t.toInstant()).isEmpty();
        assertThat(t.isAwsForm()).isFalse();
        assertThat(Timestamp.of("2019-11-14T00:38:06.021Z").isAwsForm()).isTrue();
        assertThat(Timestamp.of("2019-11-14T00:38:06Z").isAwsForm()).isFalse();
        assertThat(Timestamp.of("2019-11-14T01:38:06.021+01:00").toInstant())
                .contains(Instant.parse("2019-11-14T00:38:06.021Z"));
        assertThat(Timestamp.ofEpochMilli(1545084650000L).text()).isEqualTo("2018-12-17T22:10:50.000Z");
    }

    @Test
    void timestamps_fastParse_agreesWithJavaTime() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        String[] odd = {"2024-02-30T00:00:00Z", "2023-02-29T00:00:00.000Z", "2024-02-29T23:59:59.999999999Z",
            "2024-01-01T24:00:00Z", "2024-01-01T23:59:60Z", "2024-13-01T00:00:00Z", "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00.1234567890Z", "2024-01-01t00:00:00Z", "+2024-01-01T00:00:00Z", "2024-1-01T00:00:00Z",
            "2024-01-01T00:00:00+00:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2024-01-01T00:00:00.5Z"};
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(odd));
        for (int i = 0; i < 2000; i++) {
            Instant t = Instant.ofEpochMilli(r.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            texts.add(t.toString());
            texts.add(Timestamp.of(t).text());
        }
        for (String text : texts) {
            java.util.Optional<Instant> expected;
            try {
                expected = java.util.Optional.of(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text,
                        Instant::from));
            } catch (java.time.format.DateTimeParseException e) {
                expected = java.util.Optional.empty();
            }
            assertThat(Timestamp.of(text).toInstant()).as(text).isEqualTo(expected);
        }
    }

    // Rule 4: condition is open.

    @Test
    void condition_known_andUnknown() {
        assertThat(Condition.of("MaximumPayloadSizeExceeded").known())
                .contains(Condition.Known.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
        assertThat(Condition.of("MaximumPayloadSizeExceeded")).isSameAs(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED);
        String json = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}").replace("RetryAttemptsExhausted", "SomethingNew");
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r.requestContext().condition().known()).isEmpty();
        assertThat(r.requestContext().condition().text()).isEqualTo("SomethingNew");
        assertRoundTrip(json);
    }

    // Rule 5: recordsInfo keys split on the last hyphen; keys and order verbatim.

    @Test
    void recordsInfo_keysSplitOnLastHyphen_orderKept() {
        String json = sqs(RESPONSE, "{\"orders-eu-west-1-12\":" + RANGE + ",\"a.b_c-0\":" + RANGE
                + ",\"Topic\":" + RANGE + ",\"x-007\":" + RANGE + "}");
        KafkaBatchInfo info = (KafkaBatchInfo) CODEC.read(json).batchInfo();
        assertThat(info.recordsInfo().keySet()).containsExactly("orders-eu-west-1-12", "a.b_c-0", "Topic", "x-007");
        assertThat(info.byTopicPartition().keySet()).containsExactly(new TopicPartition("orders-eu-west-1", 12),
                new TopicPartition("a.b_c", 0));
        assertRoundTrip(json);
    }

    @Test
    void topicPartition_parse() {
        assertThat(TopicPartition.parse("orders-eu-west-1-12")).contains(new TopicPartition("orders-eu-west-1", 12));
        assertThat(TopicPartition.parse("t-2147483647")).contains(new TopicPartition("t", Integer.MAX_VALUE));
        assertThat(TopicPartition.parse("t-2147483648")).isEmpty();
        assertThat(TopicPartition.parse("t--1")).contains(new TopicPartition("t-", 1));
        assertThat(TopicPartition.parse("t-+1")).isEmpty();
        assertThat(TopicPartition.parse("t-01")).isEmpty();
        assertThat(TopicPartition.parse("-1")).isEmpty();
        assertThat(TopicPartition.parse("t-")).isEmpty();
        assertThat(TopicPartition.parse(".-0")).isEmpty();
        assertThat(TopicPartition.parse("..-0")).isEmpty();
        assertThat(TopicPartition.parse("...-0")).contains(new TopicPartition("...", 0));
        assertThat(TopicPartition.parse("a b-0")).isEmpty();
        assertThat(TopicPartition.parse("x".repeat(249) + "-0")).isPresent();
        assertThat(TopicPartition.parse("x".repeat(250) + "-0")).isEmpty();
        assertThat(TopicPartition.parse("x".repeat(2_000_000) + "-0")).isEmpty();
        assertThat(new TopicPartition("a-b", 3).key()).isEqualTo("a-b-3");
        assertThatThrownBy(() -> new TopicPartition("a b", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topicPartition_isKey_agreesWithParse() {
        String[] keys = {"orders-eu-west-1-12", "t-2147483647", "t-2147483648", "t-9999999999", "t-99999999999", "t--1",
            "t-+1", "t-01", "t-0", "t-00", "-1", "-", "--", "t-", ".-0", "..-0", "...-0", ".x-0", "x.-0", "a b-0",
            "\u00e9-0", "x".repeat(249) + "-0", "x".repeat(250) + "-0", "t-1a", "t-a1", "", "t", "t_-_-1"};
        for (String key : keys) {
            assertThat(TopicPartition.isKey(key)).as(key).isEqualTo(TopicPartition.parse(key).isPresent());
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String alphabet = "ab.-_09 x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String key = sb.toString();
            assertThat(TopicPartition.isKey(key)).as(key).isEqualTo(TopicPartition.parse(key).isPresent());
        }
    }

    // Rule 6: unknown fields at every level.

    @Test
    void unknownFields_everyLevel_areKept() {
        String json = "{" + RC.replace("\"approximateInvokeCount\":1", "\"approximateInvokeCount\":1,\"x1\":[1.50]")
                + "," + RESPONSE.replace("\"Unhandled\"", "\"Unhandled\",\"x2\":{\"n\":-0}")
                + ",\"version\":\"1.0\",\"timestamp\":\"2024-05-01T10:00:02.000Z\",\"KafkaBatchInfo\":{\"batchSize\":6,"
                + "\"bootstrapServers\":\"b:1\",\"payloadSize\":1,\"recordsInfo\":{\"t-0\":"
                + RANGE.replace("}", ",\"x3\":true}") + "},\"x4\":null},\"x5\":\"top\"}";
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r.unknownFields()).containsOnlyKeys("x5");
        assertThat(r.requestContext().unknownFields()).containsOnlyKeys("x1");
        assertThat(r.responseContext().get().unknownFields().get("x2"))
                .isEqualTo(JsonObject.builder().put("n", JsonNumber.of("-0")).build());
        assertThat(r.batchInfo().unknownFields()).containsOnlyKeys("x4");
        assertRoundTrip(json);
    }

    @Test
    void unknownFields_mayNotShadowKnownMembers() {
        assertThatThrownBy(() -> RequestContext.builder().requestId("a").functionArn("b")
                .condition(Condition.RETRY_ATTEMPTS_EXHAUSTED).approximateInvokeCount(1)
                .putUnknownFields("requestId", JsonString.of("c")).build())
                .isInstanceOf(IllegalStateException.class);
    }

    // Rule 7: event headers, keys.

    @Test
    void event_headersSignedRepeated_keyAbsentNullPresent() {
        KafkaEvent e = CODEC.readEvent(EVENT);
        List<KafkaRecord> records = e.records().get("my-topic-0");
        KafkaRecord first = records.get(0);
        assertThat(first.key().isNull()).isTrue();
        assertThat(records.get(1).key().isAbsent()).isTrue();
        assertThat(first.headerList()).extracting(Header::name).containsExactly("h", "h");
        assertThat(first.headerList().get(0).value()).containsExactly(104, -1, -128, 127);
        assertThat(first.headerList().get(1).value()).isEmpty();
        assertThat(CODEC.write(e, WriteOptions.COMPACT)).isEqualTo(EVENT);
        assertThat(e.recordCount()).isEqualTo(2);
    }

    @Test
    void event_fromBytes_agreesWithTheTreePath_onEveryVariation() {
        String[] variations = {EVENT,
            EVENT.replace("\"key\":null,", ""),
            EVENT.replace("\"offset\":15", "\"offset\":-0"),
            EVENT.replace("\"offset\":15", "\"offset\":15.0"),
            EVENT.replace("\"offset\":15", "\"offset\":9223372036854775808"),
            EVENT.replace("\"partition\":0,", "\"partition\":2147483648,"),
            EVENT.replace("\"topic\":\"my-topic\",", "\"topic\":\"my-topic\",\"topic\":\"x\","),
            EVENT.replace("\"eventSourceArn\":\"arn:aws:kafka:x\"", "\"eventSourceArn\":null"),
            EVENT.replace("\"timestampType\":\"CREATE_TIME\",", "\"timestampType\":\"CREATE_TIME\",\"extra\":1,"),
            EVENT.replace("\"records\":{", "\"x\":[1.50],\"records\":{"),
            EVENT.replace("[104,-1,-128,127]", "[104,128]"),
            EVENT.replace("[104,-1,-128,127]", "[104,-0]"),
            EVENT.replace("{\"h\":[]}", "{\"h\":[],\"i\":[]}"),
            EVENT.replace("\"value\":\"eA==\",", "\"value\":null,\"keySchemaMetadata\":{\"dataFormat\":\"AVRO\",\"schemaId\":\"1\"},"),
            EVENT.replace("\"value\":\"eA==\",", "\"keySchemaMetadata\":{\"dataFormat\":\"AVRO\"},"),
            EVENT + " ",
            EVENT + "x",
            EVENT.substring(0, EVENT.length() - 1),
            "\uFEFF" + EVENT,
            "[" + EVENT + "]",
            "{\"eventSource\":\"aws:kafka\",\"records\":{}}",
            "{\"records\":{}}",
        };
        for (String v : variations) {
            byte[] bytes = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            KafkaEvent viaTree = null;
            try {
                viaTree = CODEC.readEvent(Json.parse(bytes));
            } catch (ReadException e) {
                // the tree path refuses: so must the other
            }
            if (viaTree == null) {
                assertThatThrownBy(() -> CODEC.readEvent(bytes)).as(v).isInstanceOf(ReadException.class);
            } else {
                assertThat(CODEC.readEvent(bytes)).as(v).isEqualTo(viaTree);
            }
        }
    }

    @Test
    void event_headerByteOutOfRange_isShapeWithPointer() {
        String bad = EVENT.replace("[104,-1,-128,127]", "[104,256]");
        assertThatThrownBy(() -> CODEC.readEvent(bad)).isInstanceOfSatisfying(ReadException.class, ex -> {
            assertThat(ex.problem()).isEqualTo(ReadException.Problem.SHAPE);
            assertThat(ex.pointer()).isEqualTo("/records/my-topic-0/0/headers/0/h/1");
            assertThat(ex.detail()).contains("-128 to 127").contains("256");
        });
    }

    @Test
    void event_unsignedHeaderBytes_areTheSameBytes_writtenBackAsWritten() {
        String unsigned = EVENT.replace("[104,-1,-128,127]", "[104,255,128,127,1.0]");
        KafkaEvent e = CODEC.readEvent(unsigned);
        Header h = e.allRecords().get(0).headers().get().get(0);
        assertThat(h.value()).containsExactly(104, -1, -128, 127, 1);
        assertThat(h.isUnsigned()).isTrue();
        assertThat(h.valueText()).containsExactly("104", "255", "128", "127", "1.0");
        assertThat(CODEC.write(e, dev.onfailure.json.WriteOptions.COMPACT)).isEqualTo(unsigned);
        assertThat(e).isNotEqualTo(CODEC.readEvent(EVENT.replace("[104,-1,-128,127]", "[104,-1,-128,127,1]")));
        assertThat(CODEC.readEvent(EVENT).allRecords().get(0).headers().get().get(0).isUnsigned()).isFalse();
    }

    @Test
    void singleRecordForm_isReadAsItsDestinationsKind_andWrittenBack() {
        String info = "{\"offset\":\"42\",\"timestamp\":\"2025-03-14T09:26:51.120Z\"}";
        String sqs = sqs(RESPONSE, "{}").replace("\"recordsInfo\":{}", "\"recordInfo\":" + info);
        KafkaFailureRecord r = CODEC.read(sqs);
        assertThat(r).isInstanceOf(SqsSnsRecord.class);
        KafkaBatchInfo b = (KafkaBatchInfo) r.batchInfo();
        assertThat(b.isSingleRecord()).isTrue();
        assertThat(b.recordInfo().get().offset().text()).isEqualTo("42");
        assertThat(CODEC.write(r)).isEqualTo(sqs);
        String s3 = sqs.substring(0, sqs.length() - 1) + ",\"payload\":\"{}\"}";
        assertThat(CODEC.read(s3)).isInstanceOf(S3Record.class);
        String topic = sqs.substring(0, sqs.length() - 1) + ",\"payload\":{}}";
        assertThat(CODEC.read(topic)).isInstanceOf(TopicRecord.class);
        assertThat(((KafkaBatchInfo) CODEC.read(sqs(RESPONSE, "{}")).batchInfo()).isSingleRecord()).isFalse();
    }

    @Test
    void builtBatchInfo_defaultsFollowTheMembersSetBeforeThem() {
        // the generated classes set defaults in declaration order (unsafeDefaultAndDerived): writesRecordsInfo's
        // default reads recordInfo and recordsInfo, which must already be set when it is made
        RecordInfo one = RecordInfo.builder().offset(Offset.of(42)).timestamp(Timestamp.ofEpochMilli(1)).build();
        KafkaBatchInfo single = KafkaBatchInfo.builder().batchSize(1).bootstrapServers("b:9092").payloadSize(1)
                .recordInfo(JsonField.of(one)).build();
        assertThat(single.isSingleRecord()).isTrue();
        assertThat(single.writesRecordsInfo()).isFalse();
        assertThat(single.eventSourceArn().isAbsent()).isTrue();
        KafkaBatchInfo ranges = KafkaBatchInfo.builder().batchSize(1).bootstrapServers("b:9092").payloadSize(1)
                .build();
        assertThat(ranges.isSingleRecord()).isFalse();
        assertThat(ranges.writesRecordsInfo()).isTrue();
    }

    @Test
    void singleRecordForm_withAnEmptyRecordsInfoBesideIt_isWrittenBackWithIt() {
        String info = "{\"offset\":\"42\",\"timestamp\":\"2025-03-14T09:26:51.120Z\"}";
        String both = sqs(RESPONSE, "{}").replace("\"recordsInfo\":{}", "\"recordsInfo\":{},\"recordInfo\":" + info);
        assertThat(both).contains("\"recordsInfo\":{},\"recordInfo\"");
        KafkaBatchInfo b = (KafkaBatchInfo) CODEC.read(both).batchInfo();
        assertThat(b.isSingleRecord()).isTrue();
        assertThat(b.writesRecordsInfo()).isTrue();
        assertThat(CODEC.write(CODEC.read(both))).isEqualTo(both);
        String alone = sqs(RESPONSE, "{}").replace("\"recordsInfo\":{}", "\"recordInfo\":" + info);
        assertThat(((KafkaBatchInfo) CODEC.read(alone).batchInfo()).writesRecordsInfo()).isFalse();
        assertThat(((KafkaBatchInfo) CODEC.read(sqs(RESPONSE, "{}")).batchInfo()).writesRecordsInfo()).isTrue();
    }

    // Payloads.

    @Test
    void s3_stringPayload_isKept_andParsedLazily() {
        String json = withPayload(sqs(RESPONSE, "{\"my-topic-0\":" + RANGE + "}"), Json.quote(EVENT));
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r).isInstanceOf(S3Record.class);
        Payload p = ((S3Record) r).payload();
        assertThat(p.form()).isEqualTo(Payload.Form.STRING);
        assertThat(p.text()).contains(EVENT);
        assertThat(p.event().records()).containsKey("my-topic-0");
        assertThat(p.event()).isSameAs(p.event());
        assertRoundTrip(json);
    }

    @Test
    void s3_objectPayload_isKept() {
        String json = withPayload(sqs(RESPONSE, "{\"my-topic-0\":" + RANGE + "}"), EVENT);
        S3Record r = (S3Record) CODEC.read(json);
        assertThat(r.payload().form()).isEqualTo(Payload.Form.OBJECT);
        assertThat(r.payload().event().recordCount()).isEqualTo(2);
        assertRoundTrip(json);
    }

    @Test
    void payloadPlaceholder_isReadable_butNotAnEvent() {
        String json = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}").replaceFirst("}$", ",\"payload\":\"<Whole Event>\"}");
        S3Record r = (S3Record) CODEC.read(json);
        assertThat(r.payload().isEvent()).isFalse();
        assertThatThrownBy(() -> r.payload().event()).isInstanceOfSatisfying(ReadException.class, e -> {
            assertThat(e.pointer()).isEqualTo("/payload");
            assertThat(e.getMessage()).contains("payload string is not JSON");
        });
        assertRoundTrip(json);
    }

    @Test
    void objectPayloadNotAnEvent_pointsInsideIt() {
        String json = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}").replaceFirst("}$",
                ",\"payload\":{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":[{\"topic\":1}]}}}");
        S3Record r = (S3Record) CODEC.read(json);
        assertThatThrownBy(() -> r.payload().event()).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.pointer()).isEqualTo("/payload/records/t-0/0/topic"));
    }

    @Test
    void topicRecord_isDetected() {
        String json = "{" + RC + "," + RESPONSE + ",\"version\":\"1.0\",\"timestamp\":\"2024-05-01T10:00:02.000Z\","
                + "\"KafkaBatchInfo\":{\"batchSize\":1,\"bootstrapServers\":\"b:1\",\"payloadSize\":9,"
                + "\"recordInfo\":{\"offset\":\"15\",\"timestamp\":\"2024-05-01T10:00:00.000Z\"}},\"payload\":" + EVENT + "}";
        KafkaFailureRecord r = CODEC.read(json);
        assertThat(r).isInstanceOf(TopicRecord.class);
        assertThat(r.kind()).isEqualTo(dev.onfailure.schema.Kind.TOPIC);
        assertThat(((TopicRecord) r).batchInfo().recordInfo().offset().text()).isEqualTo("15");
        assertRoundTrip(json);
    }

    // Shapes and kinds.

    @Test
    void notAnObject_unknownKind_andShapeErrors() {
        assertProblem("[1]", ReadException.Problem.NOT_OBJECT, "");
        assertProblem("{\"KinesisBatchInfo\":{}}", ReadException.Problem.UNKNOWN_KIND, "");
        String good = sqs(RESPONSE, "{\"t-0\":" + RANGE + "}");
        assertProblem(good.replace("\"batchSize\":6", "\"batchSize\":\"6\""), ReadException.Problem.SHAPE,
                "/KafkaBatchInfo/batchSize");
        assertProblem(good.replace("\"batchSize\":6", "\"batchSize\":6.5"), ReadException.Problem.SHAPE,
                "/KafkaBatchInfo/batchSize");
        assertProblem(good.replace("\"version\":\"1.0\",", ""), ReadException.Problem.SHAPE, "");
        assertProblem(good.replace("\"statusCode\":200", "\"statusCode\":99999999999"), ReadException.Problem.SHAPE,
                "/responseContext/statusCode");
        assertProblem(good.replace("\"t-0\"", "\"t/0\"").replace("\"15\"", "15"), ReadException.Problem.SHAPE,
                "/KafkaBatchInfo/recordsInfo/t~10/firstRecordOffset");
    }

    @Test
    void writeSorted_sortsEveryLevel_butNotStrings() {
        String json = withPayload(sqs(RESPONSE, "{\"t-0\":" + RANGE + "}"), Json.quote(EVENT));
        String sorted = CODEC.write(CODEC.read(json), WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT));
        assertThat(sorted).startsWith("{\"KafkaBatchInfo\":{\"batchSize\":6,\"bootstrapServers\"");
        assertThat(sorted).contains("\"payload\":" + Json.quote(EVENT) + ",\"requestContext\":{\"approximateInvokeCount\"");
        assertThat(Json.parse(CODEC.write(CODEC.read(sorted))))
                .isEqualTo(Json.parse(CODEC.write(CODEC.read(json))));
    }

    @Test
    void builders_makeWhatTheReaderReads() {
        KafkaEvent event = CODEC.readEvent(EVENT);
        S3Record built = S3Record.builder()
                .requestContext(RequestContext.builder().requestId("316aa6d0-8154-4b1c-9af7-85d5f4a6bc81")
                        .functionArn("arn:aws:lambda:us-east-1:123456789012:function:f")
                        .condition(Condition.RETRY_ATTEMPTS_EXHAUSTED).approximateInvokeCount(1).build())
                .responseContext(JsonField.of(ResponseContext.builder().statusCode(200)
                        .executedVersion(JsonField.of("$LATEST")).functionError(JsonField.of("Unhandled")).build()))
                .version("1.0").timestamp(Timestamp.of("2024-05-01T10:00:02.000Z"))
                .batchInfo(KafkaBatchInfo.builder().batchSize(2).bootstrapServers("b-1:9092").payloadSize(10)
                        .putRecordsInfo("my-topic-0", RecordRange.builder().firstRecordOffset(Offset.of(15))
                                .lastRecordOffset(Offset.of(16)).firstRecordTimestamp(Timestamp.ofEpochMilli(1))
                                .lastRecordTimestamp(Timestamp.ofEpochMilli(2)).build())
                        .build())
                .payload(Payload.ofEvent(event, Payload.Form.STRING))
                .build();
        assertThat(CODEC.read(CODEC.write(built))).isEqualTo(built);
        assertThat(built.toBuilder().version("2.0").build().version()).isEqualTo("2.0");
        assertThat(((S3Record) CODEC.read(CODEC.write(built))).payload().event()).isEqualTo(event);
    }

    private static String withPayload(String record, String payload) {
        return record.substring(0, record.length() - 1) + ",\"payload\":" + payload + "}";
    }

    private static void assertProblem(String json, ReadException.Problem problem, String pointer) {
        assertThatThrownBy(() -> CODEC.read(json)).isInstanceOfSatisfying(ReadException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.pointer()).isEqualTo(pointer);
        });
    }

    @Test
    void headerOf_null_isRefusedNamingTheArgument() {
        assertThatThrownBy(() -> Header.of("h", null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> Header.of(null, new byte[0])).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void derivedCollections_areUnmodifiable_asTheValuesTheyComeFrom() {
        KafkaBatchInfo info = (KafkaBatchInfo) CODEC.read(sqs(RESPONSE, "{\"orders-0\":" + RANGE + "}")).batchInfo();
        assertThatThrownBy(() -> info.byTopicPartition().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CODEC.readEvent(EVENT).allRecords().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> RequestContext.TABLE.required(false).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
