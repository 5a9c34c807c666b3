package dev.onfailure.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class JsonCursorTest {

    private static final JsonCursor.Names NAMES = JsonCursor.Names.of("id", "count", "nested");

    private static JsonCursor over(String json) {
        return JsonCursor.over(json.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults());
    }

    @Test
    void plainObject_isRead_namesLookedUpAsBytes() {
        JsonCursor c = over(" {\"id\" : \"abc\",\n\t\"count\":-42, \"nested\":null, \"other\":{}} ");
        c.beginObject();
        assertThat(c.nextMember(true)).isTrue();
        assertThat(c.nameIn(NAMES)).isZero();
        assertThat(c.string()).isEqualTo("abc");
        assertThat(c.nextMember(false)).isTrue();
        assertThat(c.nameIn(NAMES)).isEqualTo(1);
        assertThat(c.integer()).isEqualTo(-42);
        assertThat(c.nextMember(false)).isTrue();
        assertThat(c.nameIn(NAMES)).isEqualTo(2);
        assertThat(c.objectOrNull()).isFalse();
        assertThat(c.nextMember(false)).isTrue();
        assertThat(c.nameIn(NAMES)).isEqualTo(-1);
        assertThat(c.name()).isEqualTo("other");
        assertThat(c.objectOrNull()).isTrue();
        c.beginObject();
        assertThat(c.nextMember(true)).isFalse();
        assertThat(c.nextMember(false)).isFalse();
        c.end();
        assertThat(c.failed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1", "2E0, 2", "2e+0, 2", "30E-1, 3", "0.3E1, 3", "-0, 0", "-12.00, -12", "1545084650987.000, 1545084650987",
        "0.1024e+4, 1024", "-9223372036854775808.0, -9223372036854775808"})
    void integersInOtherForms_areRead_theirTextGivenToKeep(String text, long value) {
        JsonCursor c = over("[" + text + ",7]");
        StringBuilder kept = new StringBuilder();
        c.beginArray();
        assertThat(c.nextElement(true)).isTrue();
        assertThat(c.integer(kept::append)).isEqualTo(value);
        assertThat(kept).hasToString(text);
        assertThat(c.nextElement(false)).isTrue();
        assertThat(c.integer(t -> kept.append("!"))).as("a canonical integer is not kept").isEqualTo(7);
        assertThat(kept).hasToString(text);
        assertThat(c.nextElement(false)).isFalse();
        c.end();
        assertThat(c.failed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1e400", "9223372036854775808.0", "01", "-", "1.", ".5", "1e", "1.0x", "+1", "1.0.0",
        "\"1\"", "null", "1e-400"})
    void whatIsNotAnIntegerInAnyForm_fails_andKeepsNothing(String text) {
        JsonCursor c = over("[" + text + "]");
        StringBuilder kept = new StringBuilder();
        c.beginArray();
        c.nextElement(true);
        c.integer(kept::append);
        assertThat(c.failed()).as(text).isTrue();
        assertThat(kept).as(text).isEmpty();
    }

    @Test
    void anIntegerInAnotherForm_overTheNumberLimit_fails() {
        String text = "1." + "0".repeat(40);
        JsonCursor c = JsonCursor.over(("[" + text + "]").getBytes(StandardCharsets.UTF_8),
                ReadLimits.builder().maxNumberChars(30).build());
        c.beginArray();
        c.nextElement(true);
        c.integer(t -> { });
        assertThat(c.failed()).isTrue();
        assertThat(over("[" + text + "]")).satisfies(d -> {
            d.beginArray();
            d.nextElement(true);
            assertThat(d.integer(t -> { })).isEqualTo(1);
            assertThat(d.failed()).isFalse();
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, -7, 123456789012345678L, 1234567890123456789L, 6731907593805278301L, Long.MAX_VALUE,
        -1234567890123456789L, Long.MIN_VALUE})
    void integersALongHolds_areRead_upToNineteenDigits(long value) {
        JsonCursor c = over("{\"id\":" + value + "}");
        c.beginObject();
        c.nextMember(true);
        assertThat(c.integer()).isEqualTo(value);
        assertThat(c.nextMember(false)).isFalse();
        c.end();
        assertThat(c.failed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"caf\u00e9\"", "\"a\\nb\"", "\"tab\there\"", "01", "-0", "1.5", "1e3",
            "9223372036854775808", "-9223372036854775809", "12345678901234567890", "true", "nul"})
    void anythingNotPlain_failsTheCursor_andLaterReadsAreHarmless(String value) {
        JsonCursor c = over("{\"id\":" + value + "}");
        c.beginObject();
        c.nextMember(true);
        if (value.startsWith("\"")) {
            assertThat(c.string()).isEmpty();
        } else if (value.startsWith("n")) {
            c.nullAhead();
        } else {
            assertThat(c.integer()).isZero();
        }
        assertThat(c.failed()).isTrue();
        assertThat(c.nextMember(false)).isFalse();
        assertThat(c.string()).isEmpty();
        assertThat(c.integer()).isZero();
        c.end();
        assertThat(c.failed()).isTrue();
    }

    /**
     * The tree path takes a number's text from Jackson, which holds it to the limit on numbers (its digits) and, as
     * text, to the limit on strings (sign and all): whatever either limit, a number the tree refuses fails the cursor,
     * read as an integer or as any value.
     */
    @Test
    void aNumberTheTreeRefusesUnderSomeLimit_failsTheCursor() {
        java.util.List<String> numbers = java.util.List.of("7", "-7", "123456789012345678", "-123456789012345678",
                "1234567890123456789", "-1234567890123456789", "1.0", "-12.00", "30E-1", "1545084650987.000");
        int read = 0;
        for (String number : numbers) {
            byte[] doc = ("{\"a\":" + number + "}").getBytes(StandardCharsets.UTF_8);
            for (int max = 1; max <= 40; max++) {
                for (ReadLimits limits : java.util.List.of(ReadLimits.builder().maxNumberChars(max).build(),
                        ReadLimits.builder().maxStringChars(max).build())) {
                    boolean treeReads;
                    try {
                        Json.parse(doc, limits);
                        treeReads = true;
                    } catch (ReadException e) {
                        treeReads = false;
                    }
                    JsonCursor asInteger = JsonCursor.over(doc, limits);
                    asInteger.beginObject();
                    asInteger.nextMember(true);
                    asInteger.integer(text -> { });
                    asInteger.nextMember(false);
                    asInteger.end();
                    JsonCursor asValue = JsonCursor.over(doc, limits);
                    asValue.beginObject();
                    asValue.nextMember(true);
                    asValue.value(limits);
                    asValue.nextMember(false);
                    asValue.end();
                    if (!asInteger.failed() || !asValue.failed()) {
                        read++;
                        assertThat(treeReads).as("%s within %s", number, limits).isTrue();
                    }
                }
            }
        }
        assertThat(read).as("the cursor still reads numbers where the limits leave room").isGreaterThan(300);
    }

    @Test
    void trailingContent_failsAtTheEnd() {
        JsonCursor c = over("{} {}");
        c.beginObject();
        c.nextMember(true);
        c.end();
        assertThat(c.failed()).isTrue();
    }

    @Test
    void limitsTooTightForThePlainPath_failFromTheStart() {
        JsonCursor c = JsonCursor.over("{}".getBytes(StandardCharsets.UTF_8),
                ReadLimits.builder().maxDepth(2).build());
        assertThat(c.failed()).isTrue();
    }

    @Test
    void stringsOverTheLimit_fail() {
        byte[] doc = "[\"abcdefghijklmnopqrst\", \"abcdefghijklmnopqrstu\"]".getBytes(StandardCharsets.UTF_8);
        JsonCursor c = JsonCursor.over(doc, ReadLimits.builder().maxStringChars(20).build());
        c.beginArray();
        c.nextElement(true);
        assertThat(c.string()).isEqualTo("abcdefghijklmnopqrst");
        assertThat(c.failed()).isFalse();
        c.nextElement(false);
        assertThat(c.string()).isEmpty();
        assertThat(c.failed()).isTrue();
    }

    @Test
    void limitsTooTightForA19DigitIntegerAndItsSign_failFromTheStart() {
        byte[] doc = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonCursor.over(doc, ReadLimits.builder().maxStringChars(19).build()).failed()).isTrue();
        assertThat(JsonCursor.over(doc, ReadLimits.builder().maxNumberChars(19).build()).failed()).isTrue();
        assertThat(JsonCursor.over(doc, ReadLimits.builder().maxStringChars(20).maxNumberChars(20).build()).failed())
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0,0", "7,0", "000,2", "0012,2", "123456789012345678901234567890,0", "00000000000000000001,19",
            "'',-1", "12a,-1", "'1234567 ',-1", "-1,-1", "123456789012345/,-1", "12345678:,-1"})
    void digitsStart_classifiesDecimalText(String text, int expected) {
        JsonCursor c = over("\"" + text + "\"");
        assertThat(c.string()).isEqualTo(text);
        assertThat(c.digitsStart()).isEqualTo(expected);
    }

    @Test
    void stringWord_isEightBytesOfTheLastString_whereItLies() {
        JsonCursor c = over("{\"a\":\"0123456789abcdef\",\"b\":\"xyz\"}");
        c.beginObject();
        c.nextMember(true);
        assertThat(c.string()).isEqualTo("0123456789abcdef");
        assertThat(c.stringWord(0)).isEqualTo(0x3736353433323130L);
        assertThat(c.stringWord(8)).isEqualTo(0x6665646362613938L);
        assertThat(c.stringWord(3)).isEqualTo(0x6139383736353433L);
        assertThatThrownBy(() -> c.stringWord(9)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.stringWord(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        c.nextMember(false);
        assertThat(c.string()).isEqualTo("xyz");
        assertThatThrownBy(() -> c.stringWord(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static final String INNER = "{\"id\":\"abc\",\"count\":-42,\"nested\":null,\"list\":[1,2],\"o\":{\"k\":\"v/w\"}}";

    /** What a reader of {@link #INNER}'s shape reads, or "failed". */
    private static String trace(JsonCursor c) {
        StringBuilder t = new StringBuilder();
        c.beginObject();
        for (boolean first = true; c.nextMember(first); first = false) {
            String name = c.name();
            t.append(name).append('=');
            switch (name) {
                case "count" -> t.append(c.integer());
                case "nested" -> t.append(c.nullAhead() ? "null" : c.string());
                case "list" -> {
                    c.beginArray();
                    for (boolean e = true; c.nextElement(e); e = false) {
                        t.append(c.integer()).append(',');
                    }
                }
                case "o" -> {
                    c.beginObject();
                    for (boolean f = true; c.nextMember(f); f = false) {
                        t.append(c.name()).append(':').append(c.string());
                    }
                }
                default -> t.append(c.string());
            }
            t.append(';');
        }
        c.end();
        return c.failed() ? "failed" : t.toString();
    }

    /**
     * Reads {@code document}, an object of one string member, through the view of its string: what the view read (or
     * "failed"), then the string, and whether the document was then read to its end.
     */
    private static String[] viaView(byte[] document) {
        JsonCursor c = JsonCursor.over(document, ReadLimits.defaults());
        c.beginObject();
        c.nextMember(true);
        JsonCursor view = c.escapedText();
        String read = trace(view);
        JsonString string = c.escapedString(view);
        boolean more = c.nextMember(false);
        c.end();
        return new String[] {read, string.value(), String.valueOf(!more && !c.failed())};
    }

    /** The same document read without the view: the string, and whether the document was read to its end. */
    private static String[] plainly(byte[] document) {
        JsonCursor c = JsonCursor.over(document, ReadLimits.defaults());
        c.beginObject();
        c.nextMember(true);
        JsonString string = c.escapedString();
        boolean more = c.nextMember(false);
        c.end();
        return new String[] {string.value(), String.valueOf(!more && !c.failed())};
    }

    @Test
    void escapedText_readsTheStringsContent_asACursorOverTheUnescapedTextReadsIt() {
        String[] plain = {INNER, " " + INNER.replace(",", " , ").replace(":", " : ") + " "};
        for (String inner : plain) {
            byte[] document = ("{\"p\":" + Json.quote(inner) + "}").getBytes(StandardCharsets.UTF_8);
            String[] read = viaView(document);
            assertThat(read[0]).as(inner).isEqualTo(trace(over(inner))).isNotEqualTo("failed");
            assertThat(read[1]).isEqualTo(inner);
            assertThat(read[2]).isEqualTo("true");
        }
        // escapes other than \" (a pretty-printed payload, \\u escapes of structural characters, \/), and anything
        // the plain cursor does not read either, are left to the caller, and the string is read all the same
        String[] declined = {
            Json.quote(Json.write(Json.parse(INNER), WriteOptions.PRETTY)),
            Json.quote(INNER).replace("\\\"id", "\\u0022id"),
            Json.quote(INNER).replace("{\\\"id", "\\u007b\\\"id"),
            Json.quote(INNER).replace("v/w", "v\\/w"),
            Json.quote(INNER).replace("abc", "a\\\\bc"),
            Json.quote(INNER).replace("abc", "a\\\"bc"),
            Json.quote(INNER).replace("abc", "a\\tbc"),
            Json.quote(INNER + " {}"),
            Json.quote(INNER + "x"),
        };
        for (String string : declined) {
            byte[] document = ("{\"p\":" + string + "}").getBytes(StandardCharsets.UTF_8);
            String[] read = viaView(document);
            assertThat(read[0]).as(string).isEqualTo("failed");
            assertThat(new String[] {read[1], read[2]}).as(string).containsExactly(plainly(document));
            assertThat(read[2]).isEqualTo("true");
        }
    }

    @Test
    void escapedText_everySingleByteChange_readsWhatTheUnescapedTextHolds_orFails() {
        byte[] full = ("{\"p\":" + Json.quote(INNER) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] replacements = {'"', '\\', ',', ':', '{', '}', '[', ']', ' ', '\t', '\n', '0', '-', 'n', 'u', '/', 0x1F,
            (byte) 0x80};
        for (int at = 0; at < full.length; at++) {
            for (byte r : replacements) {
                byte[] changed = full.clone();
                changed[at] = r;
                String[] read = viaView(changed);
                String[] plain = plainly(changed);
                assertThat(new String[] {read[1], read[2]}).as("byte %d made %d", at, r).containsExactly(plain);
                if (!read[0].equals("failed")) {
                    assertThat(read[0]).as("byte %d made %d", at, r).isEqualTo(trace(over(read[1])));
                }
            }
        }
        for (int length = 0; length < full.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(full, length);
            assertThat(viaView(cut)[2]).isEqualTo("false");
        }
    }

    @Test
    void escapedText_ofAFailedCursor_orInAView_fails() {
        JsonCursor failed = over("{\"p\":1}");
        failed.beginObject();
        failed.nextMember(true);
        failed.fail();
        assertThat(failed.escapedText().failed()).isTrue();
        JsonCursor c = over("{\"p\":" + Json.quote("{\"q\":\"x\"}") + "}");
        c.beginObject();
        c.nextMember(true);
        JsonCursor view = c.escapedText();
        view.beginObject();
        view.nextMember(true);
        assertThat(view.escapedText().failed()).isTrue();
        assertThat(view.escapedString().value()).isEmpty();
        assertThat(view.failed()).isTrue();
    }

    private static final JsonCursor.Names LONG_NAMES = JsonCursor.Names.of("approximateInvokeCount", "requestId",
            "firstRecordTimestamp", "nested", "functionArn12345", "sixteenCharsName");
    private static final String LONG = "{\"approximateInvokeCount\":1,\"requestId\":\"r\",\"firstRecordTimestamp\":\"t\","
            + "\"nested\":null,\"functionArn12345\":\"f\",\"sixteenCharsName\":\"s\"}";
    /** Hints to read {@link #LONG} with: none, the name after the last one found, and each place (two past the end). */
    private static final int[] HINTS = {-1, -2, 0, 1, 2, 3, 4, 5, 6, 99};

    /**
     * What a reader of {@link #LONG}'s shape reads, expecting names by {@code hint} (-1 none, -2 the one after the last
     * found, else always that place), or "failed": every name with its place in {@link #LONG_NAMES}, and its value.
     */
    private static String traceNames(JsonCursor c, int hint) {
        StringBuilder t = new StringBuilder();
        c.beginObject();
        int last = -1;
        for (boolean first = true; c.nextMember(first, hint == -1 ? null : LONG_NAMES, hint == -2 ? last + 1 : hint);
                first = false) {
            int k = c.nameIn(LONG_NAMES);
            t.append(c.name()).append('#').append(k).append('=');
            t.append(c.nullAhead() ? "null" : k == 0 ? String.valueOf(c.integer()) : c.string()).append(';');
            last = k;
        }
        c.end();
        return c.failed() ? "failed" : t.toString();
    }

    /** Every hint reads {@code document} (through the view of its one string when {@code view}) as no hint does. */
    private static void sameWithEveryHint(byte[] document, boolean view, ReadLimits limits, String as) {
        String[] read = new String[HINTS.length];
        for (int h = 0; h < HINTS.length; h++) {
            JsonCursor c = JsonCursor.over(document, limits);
            if (view) {
                c.beginObject();
                c.nextMember(true);
                c = c.escapedText();
            }
            read[h] = traceNames(c, HINTS[h]);
        }
        for (int h = 1; h < HINTS.length; h++) {
            assertThat(read[h]).as("%s, hint %d", as, HINTS[h]).isEqualTo(read[0]);
        }
    }

    @Test
    void expectedNames_readWhatTheScanReads_underEverySingleByteChange() {
        byte[] plain = LONG.getBytes(StandardCharsets.UTF_8);
        byte[] quoted = ("{\"p\":" + Json.quote(LONG) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(traceNames(JsonCursor.over(plain, ReadLimits.defaults()), -2))
                .isEqualTo("approximateInvokeCount#0=1;requestId#1=r;firstRecordTimestamp#2=t;nested#3=null;"
                        + "functionArn12345#4=f;sixteenCharsName#5=s;");
        byte[] replacements = {'"', '\\', ',', ':', '}', ' ', 'a', 'e', '0', 0x1F, (byte) 0x80};
        for (byte[] full : new byte[][] {plain, quoted}) {
            boolean view = full == quoted;
            sameWithEveryHint(full, view, ReadLimits.defaults(), "unchanged");
            // a name limit below the longest names: hinted or not, those names fail
            sameWithEveryHint(full, view, ReadLimits.builder().maxNameChars(16).build(), "names of at most 16");
            for (int at = 0; at < full.length; at++) {
                for (byte r : replacements) {
                    byte[] changed = full.clone();
                    changed[at] = r;
                    sameWithEveryHint(changed, view, ReadLimits.defaults(), "byte " + at + " made " + r);
                }
                sameWithEveryHint(java.util.Arrays.copyOf(full, at), view, ReadLimits.defaults(), "cut at " + at);
            }
        }
    }

    @Test
    void names_mustBeAscii() {
        assertThatThrownBy(() -> JsonCursor.Names.of("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NAMES.size()).isEqualTo(3);
    }
}
