package dev.onfailure.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.onfailure.fixtures.DocumentedExamples;
import dev.onfailure.fixtures.ExampleInstance;
import dev.onfailure.model.KafkaEvent;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.json.Json;
import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonNull;
import dev.onfailure.json.JsonNumber;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonString;
import dev.onfailure.json.JsonValue;
import dev.onfailure.json.KeyOrder;
import dev.onfailure.json.Layout;
import dev.onfailure.json.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Round trips that start from AWS's bytes: each documented example (its concrete instances) keeps its shape and member
 * order while its values vary (offsets up to 56 digits, escapes and non-ASCII text, integers written {@code 1E2} or
 * {@code -0}, hyphenated topics, serverless cluster ARNs, keys and values that differ). The input is written by a
 * serialiser of this test, not by the codec, and the codec's compact output must be that input byte for byte: in the
 * example's order, and sorted at every level for S3 and Kafka-topic records and for payload events.
 *
 * <p>So a codec that changes something the same way on both sides (offsets written and read as numbers, members
 * reordered, {@code recordsInfo} sorted, {@code key} and {@code value} swapped) fails here even though its own
 * write-then-read round trip passes.
 *
 * <p>The seed is pinned so that a failure reproduces; QuickTheories prints it on failure, and
 * {@code -Donfailure.seed=N} runs another one.
 */
final class DocumentedExampleProperties {

    static final long SEED = Long.getLong("onfailure.seed", 20_241_201L);

    private static final RecordCodec CODEC = RecordCodec.defaults();
    private static final WriteOptions AWS = WriteOptions.of(KeyOrder.AWS, Layout.COMPACT);
    private static final WriteOptions SORTED = WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT);

    /** The member order of AWS's Kafka invocation event example ("Kafka event", with-msk and services pages). */
    private static final List<String> EVENT_ORDER = List.of("eventSource", "eventSourceArn", "bootstrapServers",
            "records");
    private static final List<String> EVENT_RECORD_ORDER = List.of("topic", "partition", "offset", "timestamp",
            "timestampType", "key", "value", "headers");

    private static final List<String> TEXTS = List.of("", "plain", "ünïcödé ✓", "quote\" backslash\\ slash/",
            "control \u0001\u001f\u007f", "emoji 😀 \u2028", "line\nbreak\ttab\rret\bb\ff", "<&>", "中文");
    private static final List<String> CONDITIONS = List.of("RetryAttemptsExhausted", "MaximumPayloadSizeExceeded",
            "RecordAgeExceeded", "RetriesExhausted", "MaximumRecordAgeExceeded", "Ünknown");
    private static final List<String> WORDS = List.of("orders", "my", "topic", "eu", "west", "1", "v2", "a.b",
            "x_y", "Topic", "-", "0");

    /** A documented example varied, and the text of the variation in the example's order and sorted. */
    record Variation(String example, JsonObject tree) {
        String inOrder() {
            return TestJson.write(tree, TestJson.Order.AS_IS);
        }

        String sorted() {
            return TestJson.write(tree, TestJson.Order.SORTED);
        }

        @Override
        public String toString() {
            return example + " " + inOrder();
        }
    }

    static Gen<Variation> variations() {
        return variations("kafka.");
    }

    /** Variations of the documented instances whose name starts with {@code prefix}. */
    static Gen<Variation> variations(String prefix) {
        List<ExampleInstance> instances = DocumentedExamples.allInstances().stream()
                .filter(i -> i.name().startsWith(prefix)).toList();
        return QtEntropy.gen(e -> {
            ExampleInstance i = e.pick(instances);
            return new Variation(i.name(), (JsonObject) vary(e, Json.parse(i.json()), ""));
        });
    }

    @Test
    void documentedExamples_varied_comeBackByteForByte_inTheirOwnOrder() {
        qt().withFixedSeed(SEED).withExamples(600).forAll(variations()).checkAssert(v -> {
            String input = v.inOrder();
            KafkaFailureRecord r = CODEC.read(input);
            assertThat(CODEC.write(r, AWS)).as(v.example()).isEqualTo(input);
            assertThat(CODEC.read(input.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(r);
        });
    }

    @Test
    void s3AndTopicExamples_varied_comeBackByteForByte_sorted() {
        for (String kind : List.of("kafka.s3", "kafka.topic")) {
            qt().withFixedSeed(SEED).withExamples(300).forAll(variations(kind)).checkAssert(v -> {
                String input = v.sorted();
                assertThat(CODEC.write(CODEC.read(input), SORTED)).as(v.example()).isEqualTo(input);
            });
        }
    }

    @Test
    void payloadEvents_varied_comeBackByteForByte_sortedAsAwsShows_andInAwsEventOrder() {
        qt().withFixedSeed(SEED).withExamples(400).forAll(variations("kafka.topic")).checkAssert(v -> {
                    JsonObject payload = (JsonObject) v.tree().get("payload").orElseThrow();
                    String sorted = TestJson.write(payload, TestJson.Order.SORTED);
                    KafkaEvent event = CODEC.readEvent(sorted);
                    assertThat(CODEC.write(event, SORTED)).isEqualTo(sorted);
                    String aws = TestJson.write(payload, TestJson.Order.AWS_EVENT);
                    assertThat(CODEC.write(CODEC.readEvent(aws), WriteOptions.COMPACT)).isEqualTo(aws);
                    assertThat(CODEC.readEvent(aws)).isEqualTo(event);
        });
    }

    @Test
    void s3StringPayloads_varied_keepTheirText() {
        qt().withFixedSeed(SEED).withExamples(200).forAll(variations("kafka.s3")).checkAssert(v -> {
                    String input = v.inOrder();
                    KafkaFailureRecord r = CODEC.read(input);
                    String payload = ((JsonString) v.tree().get("payload").orElseThrow()).value();
                    assertThat(r.payloadIfAny().orElseThrow().text()).contains(payload);
        });
    }

    // ---- varying the example's values, keeping its shape and member order ----

    static JsonValue vary(Entropy e, JsonValue v, String member) {
        switch (member) {
            case "recordsInfo":
                return renameKeys(e, (JsonObject) v, true);
            case "records":
                return renameKeys(e, (JsonObject) v, false);
            case "firstRecordOffset", "lastRecordOffset":
                return JsonString.of(offsetText(e));
            case "offset":
                return v instanceof JsonString ? JsonString.of(offsetText(e)) : integer(e, 0, Long.MAX_VALUE);
            case "partition":
                return integer(e, 0, Integer.MAX_VALUE);
            case "timestamp":
                return v instanceof JsonString ? JsonString.of(timestamp(e)) : integer(e, 0, 4_102_444_800_000L);
            case "firstRecordTimestamp", "lastRecordTimestamp":
                return JsonString.of(timestamp(e));
            case "approximateInvokeCount":
                return integer(e, 0, 10_000);
            case "statusCode":
                return integer(e, 100, 599);
            case "batchSize":
                return integer(e, 1, 10_000);
            case "payloadSize":
                return integer(e, 0, 64L << 20);
            case "condition":
                return JsonString.of(e.pick(CONDITIONS));
            case "eventSourceArn":
                return JsonString.of(clusterArn(e));
            case "topic":
                return JsonString.of(topic(e));
            case "key", "value":
                return e.chance(10) ? JsonNull.INSTANCE : JsonString.of(base64(e));
            case "headers":
                return headers(e);
            case "payload":
                if (v instanceof JsonString) {
                    // The S3 example's "<Whole Event>": an escaped event, varied from AWS's Kafka-topic payload.
                    JsonObject event = (JsonObject) ((JsonObject) Json.parse(DocumentedExamples.topic().instances()
                            .get(0).json())).get("payload").orElseThrow();
                    return JsonString.of(TestJson.write(vary(e, event, ""), TestJson.Order.AWS_EVENT));
                }
                break;
            default:
                break;
        }
        if (v instanceof JsonObject o) {
            JsonObject.Builder b = JsonObject.builder();
            o.members().forEach((name, value) -> b.put(name, vary(e, value, name)));
            return b.build();
        }
        if (v instanceof JsonArray a) {
            List<JsonValue> items = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                items.add(vary(e, a.get(i), ""));
            }
            return JsonArray.of(items);
        }
        if (v instanceof JsonString s && !member.equals("version") && !member.equals("timestampType")
                && !member.equals("eventSource") && !member.isEmpty()) {
            return JsonString.of(e.chance(50) ? s.value() : e.pick(TEXTS) + s.value());
        }
        return v;
    }

    /** The same entries under new keys (a hyphenated topic and a partition), in the example's order. */
    private static JsonObject renameKeys(Entropy e, JsonObject o, boolean ranges) {
        JsonObject.Builder b = JsonObject.builder();
        List<String> used = new ArrayList<>();
        int extra = ranges ? e.intBetween(0, 3) : 0;
        List<Map.Entry<String, JsonValue>> entries = new ArrayList<>(o.members().entrySet());
        for (int i = 0; i < extra; i++) {
            entries.add(entries.get(e.intBetween(0, entries.size() - 1)));
        }
        for (Map.Entry<String, JsonValue> entry : entries) {
            String key;
            do {
                key = topic(e) + "-" + (e.chance(10) ? Integer.MAX_VALUE : e.intBetween(0, 99));
            } while (used.contains(key));
            used.add(key);
            b.put(key, vary(e, entry.getValue(), ""));
        }
        return b.build();
    }

    private static String topic(Entropy e) {
        int words = e.intBetween(1, 4);
        StringBuilder sb = new StringBuilder(e.pick(WORDS));
        for (int i = 1; i < words; i++) {
            sb.append(e.pick(List.of("-", ".", "_"))).append(e.pick(WORDS));
        }
        return sb.toString();
    }

    /** An offset as AWS writes it: decimal digits, from one to 56 of them (AWS's examples carry 56). */
    static String offsetText(Entropy e) {
        int digits = e.chance(20) ? 56 : e.intBetween(1, 56);
        StringBuilder sb = new StringBuilder();
        sb.append(digits == 1 ? (char) ('0' + e.intBetween(0, 9)) : (char) ('1' + e.intBetween(0, 8)));
        for (int i = 1; i < digits; i++) {
            sb.append((char) ('0' + e.intBetween(0, 9)));
        }
        return sb.toString();
    }

    /** An integer from {@code min} to {@code max}, sometimes in a form other than the canonical one. */
    static JsonNumber integer(Entropy e, long min, long max) {
        long value = e.between(min, max);
        return new JsonNumber(e.chance(25) ? RecordGenerators.integerForm(e, value) : Long.toString(value));
    }

    private static String timestamp(Entropy e) {
        java.time.Instant t = java.time.Instant.ofEpochMilli(e.between(0, 4_102_444_800_000L));
        String text = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
        return e.chance(10) ? text.replace(".", ",") : text;
    }

    private static String clusterArn(Entropy e) {
        String name = e.pick(List.of("my-cluster", "orders-prod", "c"));
        String id = e.chance(30) ? "abc123" : RecordGenerators.uuid(e) + "-" + (e.chance(40) ? "s" : "")
                + e.intBetween(1, 25);
        return "arn:aws:kafka:" + e.pick(List.of("us-east-1", "eu-west-1", "ap-southeast-2")) + ":123456789012:cluster/"
                + name + "/" + id;
    }

    private static String base64(Entropy e) {
        byte[] bytes = new byte[e.intBetween(0, 24)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) e.intBetween(-128, 127);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static JsonArray headers(Entropy e) {
        List<JsonValue> headers = new ArrayList<>();
        int count = e.intBetween(0, 3);
        for (int i = 0; i < count; i++) {
            List<JsonValue> bytes = new ArrayList<>();
            int n = e.intBetween(0, 6);
            for (int j = 0; j < n; j++) {
                bytes.add(JsonNumber.of(e.intBetween(-128, 127)));
            }
            headers.add(JsonObject.builder().put(e.pick(List.of("headerKey", "traceparent", "", "ü")),
                    JsonArray.of(bytes)).build());
        }
        return JsonArray.of(headers);
    }

    /** A compact JSON writer of this test's own, so that the input does not come from the codec under test. */
    static final class TestJson {

        enum Order { AS_IS, SORTED, AWS_EVENT }

        static String write(JsonValue v, Order order) {
            StringBuilder sb = new StringBuilder();
            write(v, order, 0, sb);
            return sb.toString();
        }

        private static void write(JsonValue v, Order order, int depth, StringBuilder sb) {
            if (v instanceof JsonObject o) {
                List<String> names = new ArrayList<>(o.members().keySet());
                if (order == Order.SORTED) {
                    java.util.Collections.sort(names);
                } else if (order == Order.AWS_EVENT && (depth == 0 || depth == 3)) {
                    List<String> known = depth == 0 ? EVENT_ORDER : EVENT_RECORD_ORDER;
                    names.sort(java.util.Comparator.comparingInt(n -> known.indexOf(n) < 0 ? known.size()
                            : known.indexOf(n)));
                }
                sb.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    string(names.get(i), sb);
                    sb.append(':');
                    write(o.get(names.get(i)).orElseThrow(), order, depth + 1, sb);
                }
                sb.append('}');
            } else if (v instanceof JsonArray a) {
                sb.append('[');
                for (int i = 0; i < a.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(a.get(i), order, depth + 1, sb);
                }
                sb.append(']');
            } else if (v instanceof JsonString s) {
                string(s.value(), sb);
            } else if (v instanceof JsonNumber n) {
                sb.append(n.text());
            } else {
                sb.append(v == JsonNull.INSTANCE ? "null" : Json.write(v)); // true, false
            }
        }

        /** JSON's required escapes, short forms where JSON has one, lower-case hex otherwise; the rest as is. */
        private static void string(String s, StringBuilder sb) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    case '\b' -> sb.append("\\b");
                    case '\f' -> sb.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }
}
