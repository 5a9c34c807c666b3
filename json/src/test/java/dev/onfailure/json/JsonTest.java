package dev.onfailure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class JsonTest {

    @Test
    void numbers_keepTheirText() {
        String text = "{\"a\":1.50,\"b\":-0,\"c\":1e3,\"d\":1E+3,\"e\":123456789012345678901234567890,\"f\":0.0000001}";
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void memberOrder_isKept_andSortedOnRequest() {
        JsonValue v = Json.parse("{\"b\":{\"z\":1,\"a\":2},\"a\":[{\"y\":1,\"x\":2}]}");
        assertThat(Json.write(v)).isEqualTo("{\"b\":{\"z\":1,\"a\":2},\"a\":[{\"y\":1,\"x\":2}]}");
        assertThat(Json.write(v, WriteOptions.of(KeyOrder.SORTED, Layout.COMPACT)))
                .isEqualTo("{\"a\":[{\"x\":2,\"y\":1}],\"b\":{\"a\":2,\"z\":1}}");
    }

    @Test
    void pretty_usesTwoSpacesAndColonSpace() {
        JsonValue v = Json.parse("{\"a\":[1,{}],\"b\":[],\"c\":{\"d\":null}}");
        assertThat(Json.write(v, WriteOptions.PRETTY)).isEqualTo(
                "{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": [],\n  \"c\": {\n    \"d\": null\n  }\n}");
    }

    @Test
    void strings_roundTripContent_includingControlsAndLoneSurrogates() {
        String raw = "q\"b\\s/t\tn\nnul\u0000 \u001f é 😀 lone\uD800x low\uDC00";
        String written = Json.write(JsonString.of(raw));
        assertThat(written).contains("\\u0000").contains("\\u001f").contains("\\ud800").contains("\\udc00")
                .contains("😀").contains("é");
        assertThat(((JsonString) Json.parse(written)).value()).isEqualTo(raw);
        // and the bytes are valid UTF-8 that decode to the same text
        byte[] bytes = Json.writeBytes(JsonString.of(raw), WriteOptions.COMPACT);
        assertThat(((JsonString) Json.parse(bytes)).value()).isEqualTo(raw);
    }

    @Test
    void slicedStrings_readAndWriteLikeDecodedOnes() {
        ReadLimits slicing = ReadLimits.builder().sliceStringsOver(0).build();
        String[] contents = {"", "plain", "q\\\"b\\\\s\\/t\\tn\\n\\b\\f\\r", "\\u00e9\\u20AC \\ud83d\\ude00 😀 é",
            "lone \\ud800 x \\udc00", "\\u0000\\u001f", "   {\\\"a\\\":1}",
            // long runs between escapes, at every alignment: the decoder copies eight bytes at a time
            "abcdefghijklmnopq\\\"rstuvwxyz0123456789\\\\ABCDEFGH\\u00e9IJKLMNOPQRSTUVWXYZ\\n",
            "x\\\"abcdefghijklmnopq\\\"rstuvwxyz0123456789\\\\ABCDEFGH\\u00e9IJKLMNOPQRSTUVWXYZ\\nabcdefg",
            "xyz\\\"abcdefg\\\"hijklmnopq\\\"rstuvwxyz012345678\\\\ABCDEFG\\u20acIJKLMNOPQRSTU\\\\",
            "1234567\\\"12345678\\\"123456789\\\"\\\"\\\"0123456789abcdef"};
        for (String c : contents) {
            String doc = "{\"k\":\"" + c + "\",\"a\":[\"" + c + "\"]}";
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            JsonValue plain = Json.parse(bytes);
            JsonValue sliced = Json.parse(bytes, slicing);
            assertThat(sliced).as(c).isEqualTo(plain);
            assertThat(Json.write(sliced)).as(c).isEqualTo(Json.write(plain));
            JsonString a = (JsonString) ((JsonObject) plain).get("k").orElseThrow();
            JsonString b = (JsonString) ((JsonObject) sliced).get("k").orElseThrow();
            assertThat(b.utf8()).as(c).isEqualTo(a.utf8());
            assertThat(b.firstNonWhitespace()).as(c).isEqualTo(a.firstNonWhitespace());
        }
    }

    @Test
    void slicedStrings_stillRejectWhatIsMalformed() {
        ReadLimits slicing = ReadLimits.builder().sliceStringsOver(0).build();
        byte[][] bad = {
            {'{', '"', 'k', '"', ':', '"', 'a', (byte) 0xFF, 'b', '"', '}'},
            {'{', '"', 'k', '"', ':', '"', 'a', (byte) 0xC3, '"', '}'},
            {'{', '"', 'k', '"', ':', '"', '\\', 'x', '"', '}'},
            {'{', '"', 'k', '"', ':', '"', '\\', 'u', '1', '2', '"', '}'},
            {'{', '"', 'k', '"', ':', '"', 1, '"', '}'},
            {'{', '"', 'k', '"', ':', '"', 'a', 'b'},
        };
        for (byte[] b : bad) {
            assertThatThrownBy(() -> Json.parse(b, slicing)).isInstanceOf(ReadException.class);
            assertThatThrownBy(() -> Json.parse(b)).isInstanceOf(ReadException.class);
        }
    }

    @Test
    void nullAndAbsent_areDifferent() {
        JsonObject o = (JsonObject) Json.parse("{\"a\":null}");
        assertThat(o.get("a")).contains(JsonNull.INSTANCE);
        assertThat(o.get("b")).isEmpty();
        assertThat(o.has("a")).isTrue();
    }

    @Test
    void equality_seesMemberOrder() {
        assertThat(Json.parse("{\"a\":1,\"b\":2}")).isNotEqualTo(Json.parse("{\"b\":2,\"a\":1}"));
        assertThat(Json.parse("{\"a\":1,\"b\":2}")).isEqualTo(Json.parse("{ \"a\" : 1 , \"b\" : 2 }"));
        assertThat(Json.parse("[1.0]")).isNotEqualTo(Json.parse("[1]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "{", "{\"a\":1,}", "[1,]", "{\"a\":1} x", "{} {}", "// c\n{}",
            "/* c */{}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{'a':1}", "{a:1}", "{\"a\":+1}",
            "{\"a\":.5}", "{\"a\":1.}", "\"unterminated", "{\"a\":\"tab\tin string\"}", "[1 2]", "nul"})
    void malformed_isSyntax(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOfSatisfying(ReadException.class, e -> {
            assertThat(e.problem()).isEqualTo(ReadException.Problem.SYNTAX);
            // a message for people: nothing of Jackson's own (its source redaction, its features)
            assertThat(e.detail()).doesNotContain("Source", "REDACTED", "StreamReadFeature", "JsonReadFeature", "`");
        });
    }

    @Test
    void anObjectLeftOpen_saysWhereItOpened() {
        assertThatThrownBy(() -> Json.parse("{\"a\": [1,\n {\"b\": 2")).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.detail()).isEqualTo("not well-formed JSON: Unexpected end-of-input: expected close"
                        + " marker for Object (opened at line 2, column 2)"));
    }

    @Test
    void syntaxErrors_carryLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n}")).isInstanceOfSatisfying(ReadException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.getMessage()).contains("line 3, column 1").doesNotContain("JsonReadFeature");
        });
        assertThatThrownBy(() -> Json.parse("")).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.detail()).isEqualTo("the document is empty"));
        assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOfSatisfying(ReadException.class, e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(4);
        });
    }

    @Test
    void invalidUtf8_isSyntax() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.problem()).isEqualTo(ReadException.Problem.SYNTAX));
    }

    @Test
    void utf16And32_andNulStarts_areSyntax_notCrashes() throws Exception {
        byte[][] inputs = {
            {0, '~', 0, 0, 'J'},                                  // found by fuzzing: "Unsupported UCS-4 endianness"
            {0, 0, 0, '{', 0, 0, 0, '}'},                         // UTF-32BE
            {'{', 0, '}', 0},                                     // UTF-16LE
            {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},           // UTF-16BE with its BOM
            {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0},           // UTF-16LE with its BOM
            {0},
        };
        for (byte[] in : inputs) {
            assertThatThrownBy(() -> Json.parse(in)).isInstanceOfSatisfying(ReadException.class, e -> {
                assertThat(e.problem()).isEqualTo(ReadException.Problem.SYNTAX);
                assertThat(e.detail()).doesNotContain("Source", "REDACTED", "StreamReadFeature");
            });
            assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(in), ReadLimits.defaults()))
                    .isInstanceOf(ReadException.class);
        }
        assertThat(Json.parse(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), ReadLimits.defaults()))
                .isEqualTo(JsonObject.empty());
        assertThat(Json.parse(new ByteArrayInputStream(new byte[] {'1'}), ReadLimits.defaults()))
                .isEqualTo(JsonNumber.of(1));
    }

    @Test
    void byteOrderMark_isSkipped() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        assertThat(Json.parse(bytes)).isEqualTo(JsonObject.empty());
        assertThat(Json.parse("\uFEFF{}")).isEqualTo(JsonObject.empty());
    }

    /** A mark and nothing else is the empty document, as a mark and a newline is (Jackson skips a mark from 4 bytes). */
    @Test
    void aByteOrderMarkAlone_isTheEmptyDocument() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bomAndNewline = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'};
        for (byte[] bytes : List.of(bom, bomAndNewline)) {
            assertThatThrownBy(() -> Json.parse(bytes)).isInstanceOfSatisfying(ReadException.class,
                    e -> assertThat(e.detail()).isEqualTo("the document is empty"));
            assertThatThrownBy(() -> Json.parse(new ByteArrayInputStream(bytes), ReadLimits.defaults()))
                    .isInstanceOfSatisfying(ReadException.class,
                            e -> assertThat(e.detail()).isEqualTo("the document is empty"));
        }
        assertThatThrownBy(() -> Json.parse("\uFEFF")).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.detail()).isEqualTo("the document is empty"));
    }

    @Test
    void duplicateKey_isReportedWithPointerAndPlace() {
        assertThatThrownBy(() -> Json.parse("{\"a\":{\"b~/\":1,\n\"b~/\":2}}"))
                .isInstanceOfSatisfying(ReadException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ReadException.Problem.DUPLICATE_KEY);
                    assertThat(e.pointer()).isEqualTo("/a/b~0~1");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void documentOverTheLimit_saysByHowMuchInItsUnit_orOnlyThatItIsOver_whenReadOnePastIt() {
        ReadLimits mib = ReadLimits.builder().maxDocumentBytes(1 << 20).build();
        ReadLimits odd = ReadLimits.builder().maxDocumentBytes(1000).build();
        assertThatThrownBy(() -> Json.parse(new byte[(1 << 20) + 1], mib)).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.getMessage()).contains("the document is over the limit of 1048576 bytes (1 MiB)"));
        assertThatThrownBy(() -> Json.parse(new byte[1500], odd)).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.getMessage()).contains("the document is 1500 bytes long, over the limit of 1000 bytes"));
        assertThatThrownBy(() -> Json.parse(" ".repeat(1500), odd)).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.getMessage())
                        .contains("the document is 1500 characters long, over the limit of 1000 characters"));
    }

    @Test
    void deepNesting_isLimit_notStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.problem()).isEqualTo(ReadException.Problem.LIMIT));
        String ok = "[".repeat(128) + "]".repeat(128);
        assertThat(Json.parse(ok)).isInstanceOf(JsonArray.class);
    }

    @Test
    void limits_stringNumberDocumentMembers() {
        ReadLimits small = ReadLimits.builder().maxStringChars(10).maxNumberChars(5).maxDocumentBytes(100)
                .maxObjectMembers(2).maxArrayElements(3).maxNameChars(8).build();
        assertLimit(() -> Json.parse("[\"" + "x".repeat(11) + "\"]", small));
        assertLimit(() -> Json.parse("[123456]", small));
        assertLimit(() -> Json.parse("[" + " ".repeat(100) + "]", small));
        assertLimit(() -> Json.parse("{\"a\":1,\"b\":2,\"c\":3}", small));
        assertLimit(() -> Json.parse("[1,2,3,4]", small));
        assertLimit(() -> Json.parse("{\"" + "n".repeat(9) + "\":1}", small));
        assertLimit(() -> Json.parse(new ByteArrayInputStream(("[" + " ".repeat(200) + "]")
                .getBytes(StandardCharsets.UTF_8)), small));
        assertThat(Json.parse("{\"a\":[1,2,3],\"b\":\"" + "x".repeat(10) + "\"}", small)).isNotNull();
    }

    /**
     * A limit Jackson enforces is said in our words with only the limit: the length Jackson gives is where it happened
     * to check, which moves with the buffers it reuses from the documents parsed before on the same thread.
     */
    @Test
    void limitsJacksonEnforces_areSaidInOurWords_theSameWhateverWasReadBefore() {
        ReadLimits small = ReadLimits.builder().maxStringChars(1000).maxNumberChars(50).maxNameChars(100)
                .maxDocumentBytes(1 << 20).maxDepth(5).build();
        String longString = "{\"a\":\"" + "x".repeat(3000) + "\"}";
        Map<String, String> expected = Map.of(
                longString, "a string is longer than the limit of 1000 characters",
                "{\"a\":" + "1".repeat(300) + "}", "a number is longer than the limit of 50 characters",
                "{\"" + "n".repeat(500) + "\":1}", "a member name is longer than the limit of 100 characters",
                "[[[[[[[1]]]]]]]", "the document nests deeper than the limit of 5 levels");
        Map<String, String> messages = new java.util.HashMap<>();
        for (int run = 0; run < 3; run++) {
            // other documents first, so that the buffers Jackson reuses differ from run to run
            Json.parse("{\"b\":\"" + "y".repeat(400 * run) + "\"}", small);
            expected.forEach((doc, message) -> assertThatThrownBy(() -> Json.parse(doc.getBytes(
                    StandardCharsets.UTF_8), small)).isInstanceOfSatisfying(ReadException.class, e -> {
                        assertThat(e.problem()).isEqualTo(ReadException.Problem.LIMIT);
                        assertThat(e.detail()).isEqualTo(message);
                        assertThat(e.getMessage()).as("the place too").isEqualTo(messages.computeIfAbsent(doc,
                                d -> e.getMessage()));
                    }));
        }
        // a number over its limit is pointed at where it stands, in an object or an array
        Map<String, String> numbers = Map.of("{\"x\":1,\"a\":" + "1".repeat(300) + "}", "/a",
                "[1," + "1".repeat(300) + "]", "/1", "{\"x\":{\"b~/\":" + "2".repeat(300) + "}}", "/x/b~0~1",
                "1".repeat(300), "");
        numbers.forEach((doc, pointer) -> assertThatThrownBy(() -> Json.parse(doc, small))
                .isInstanceOfSatisfying(ReadException.class, e -> assertThat(e.pointer()).as(doc).isEqualTo(pointer)));
        // and placed where it starts, as a name over its limit is, not at the name or the token before it
        Map<String, int[]> places = Map.of("{\"a\":" + "1".repeat(300) + "}", new int[] {1, 6},
                "{\"x\":\"s,\\\"\",\n  \"a\" :\t-" + "1".repeat(300) + "}", new int[] {2, 9},
                "[1,\r\n " + "1".repeat(300) + "]", new int[] {2, 2},
                "{\"" + "n".repeat(500) + "\":1}", new int[] {1, 2},
                "{\"x\":{\"y\":[]} ,\n\"" + "n".repeat(500) + "\":1}", new int[] {2, 1},
                "{\"x\":\"\\\"\",  \"" + "n".repeat(500) + "\":1}", new int[] {1, 13});
        places.forEach((doc, place) -> {
            // from bytes and from text alike (the validator reads either)
            for (Runnable parse : List.<Runnable>of(() -> Json.parse(doc.getBytes(StandardCharsets.UTF_8), small),
                    () -> Json.parse(doc, small))) {
                assertThatThrownBy(parse::run).isInstanceOfSatisfying(ReadException.class, e -> {
                    assertThat(e.problem()).as(doc).isEqualTo(ReadException.Problem.LIMIT);
                    assertThat(new int[] {e.line(), e.column()}).as(doc).isEqualTo(place);
                });
            }
        });
        ReadLimits tokens = ReadLimits.builder().maxTokens(10).build();
        assertThatThrownBy(() -> Json.parse("[1,2,3,4,5,6,7,8,9,10,11,12]", tokens))
                .isInstanceOfSatisfying(ReadException.class, e -> assertThat(e.detail()).doesNotContain("Stream")
                        .doesNotContain("(1").isEqualTo("the document has more than the limit of 10 tokens"));
    }

    @Test
    void defaults_admitALargeS3Payload() {
        String payload = "x".repeat(9_000_000);
        JsonObject o = (JsonObject) Json.parse("{\"payload\":\"" + payload + "\"}");
        assertThat(((JsonString) o.get("payload").orElseThrow()).value()).hasSize(9_000_000);
    }

    @Test
    void jsonNumber_validatesAndConverts() {
        assertThat(JsonNumber.of("-0").longValueExact()).isEmpty();
        assertThat(JsonNumber.of("42").longValueExact()).hasValue(42);
        assertThat(JsonNumber.of("1e2").isIntegral()).isFalse();
        assertThat(JsonNumber.of("9223372036854775808").longValueExact()).isEmpty();
        assertThat(JsonNumber.of(7)).isSameAs(JsonNumber.of("7"));
        assertThatThrownBy(() -> JsonNumber.of("01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonNumber.of("1.")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builder_rejectsDuplicates() {
        assertThatThrownBy(() -> JsonObject.builder().put("a", JsonNull.INSTANCE).put("a", JsonNull.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointer_escapes() {
        assertThat(JsonPointer.append("/x", "a/b~c")).isEqualTo("/x/a~1b~0c");
        assertThat(JsonPointer.append("", 3)).isEqualTo("/3");
    }

    private static void assertLimit(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ReadException.class,
                e -> assertThat(e.problem()).isEqualTo(ReadException.Problem.LIMIT));
    }

    @Test
    void appendString_theDocumentedExample() {
        StringBuilder line = new StringBuilder("{\"message\":");
        assertThat(Json.appendString(line, "tab\tand \"quotes\"").append('}')).isSameAs(line);
        assertThat(line).hasToString("{\"message\":\"tab\\tand \\\"quotes\\\"\"}");
    }

    @Test
    void appendString_controlCharacters_namedOrLowerCaseUnicodeEscapes() {
        String[] expected = new String[0x20];
        for (int c = 0; c < 0x20; c++) {
            expected[c] = String.format("\\u%04x", c);
        }
        expected['\b'] = "\\b";
        expected['\t'] = "\\t";
        expected['\n'] = "\\n";
        expected['\f'] = "\\f";
        expected['\r'] = "\\r";
        for (char c = 0; c < 0x20; c++) {
            String s = "a" + c + "b";
            assertThat(Json.quote(s)).as("U+%04X", (int) c).isEqualTo("\"a" + expected[c] + "b\"");
            assertThat(((JsonString) Json.parse(Json.quote(s))).value()).isEqualTo(s);
        }
        assertThat(Json.quote("\"\\/\u007f")).isEqualTo("\"\\\"\\\\/\u007f\"");
    }

    @Test
    void appendString_surrogates_pairsAsTheyAre_loneOnesEscaped() {
        String pair = "\uD83D\uDE00";
        assertThat(Json.quote(pair)).isEqualTo("\"" + pair + "\"");
        assertThat(Json.quote("\uD800")).isEqualTo("\"\\ud800\"");
        assertThat(Json.quote("x\uDC00")).isEqualTo("\"x\\udc00\"");
        assertThat(Json.quote("\uDBFF\uD83D\uDE00")).isEqualTo("\"\\udbff" + pair + "\"");
        assertThat(Json.quote("\uDE00\uD83D")).isEqualTo("\"\\ude00\\ud83d\"");
        assertThat(Json.quote("\uD83D" + pair + "\uDE00")).isEqualTo("\"\\ud83d" + pair + "\\ude00\"");
        for (String s : new String[] {"\uD800", "x\uDC00", "\uDBFF\uD83D\uDE00", "\uDE00\uD83D", "a\uD800b\uDFFFc"}) {
            String quoted = Json.quote(s);
            // the literal encodes to UTF-8 without replacement characters, and reads back as the same text
            assertThat(new String(quoted.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(quoted);
            assertThat(((JsonString) Json.parse(quoted.getBytes(StandardCharsets.UTF_8))).value()).isEqualTo(s);
        }
    }

    @Test
    void appendString_lineAndParagraphSeparators_areWrittenAsTheyAre() {
        String s = "a\u2028b\u2029c";
        assertThat(Json.quote(s)).isEqualTo("\"a\u2028b\u2029c\"");
        assertThat(((JsonString) Json.parse(Json.quote(s).getBytes(StandardCharsets.UTF_8))).value()).isEqualTo(s);
    }

    @Test
    void appendString_everyCharacterAlone_isEscapedExactlyWhenItMustBe_andReadsBackAsItself() {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = "<" + (char) c + ">";
            out.setLength(0);
            Json.appendString(out.append('['), s).append(']');
            String text = out.toString();
            assertThat(text).as("U+%04X", c).isEqualTo("[\"<" + literal((char) c) + ">\"]");
            JsonValue read = Json.parse(text.getBytes(StandardCharsets.UTF_8));
            assertThat(((JsonString) ((JsonArray) read).get(0)).value()).as("U+%04X", c).isEqualTo(s);
        }
    }

    /** RFC 8259's escapes, the short ones where they exist; a lone surrogate escaped too. */
    private static String literal(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        };
    }

    @Test
    void pointerAppend_null_isRefusedNamingTheArgument() {
        assertThatThrownBy(() -> JsonPointer.append(null, "x")).isInstanceOf(NullPointerException.class)
                .hasMessage("pointer");
        assertThatThrownBy(() -> JsonPointer.append(null, 0)).hasMessage("pointer");
        assertThatThrownBy(() -> JsonPointer.append("", null)).hasMessage("name");
    }
}
