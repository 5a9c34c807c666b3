package dev.onfailure.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.json.JsonTokens.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class JsonTokensTest {

    private static List<Token> all(String json, ReadLimits limits) {
        List<Token> out = new ArrayList<>();
        try (JsonTokens t = JsonTokens.over(json.getBytes(StandardCharsets.UTF_8), limits)) {
            Token k;
            do {
                k = t.next();
                if (k == Token.STRING) {
                    t.text();   // strings are decoded (and their length checked) when read
                    k = t.current();
                }
                out.add(k);
            } while (k != Token.END && k != Token.FAILED);
        }
        return out;
    }

    @Test
    void tokens_ofEveryKind_inOrder() {
        assertThat(all("{\"a\":[\"s\",1,1.5,true,null,{}]}", ReadLimits.defaults())).containsExactly(
                Token.START_OBJECT, Token.NAME, Token.START_ARRAY, Token.STRING, Token.INTEGER, Token.FRACTION,
                Token.BOOLEAN, Token.NULL, Token.START_OBJECT, Token.END_OBJECT, Token.END_ARRAY, Token.END_OBJECT,
                Token.END);
    }

    @Test
    void namesAndValues_areRead_escapesDecoded() {
        try (JsonTokens t = JsonTokens.over("{\"k\\u00e9\":\"v\\n\",\"n\":-12}".getBytes(StandardCharsets.UTF_8),
                ReadLimits.defaults())) {
            assertThat(t.next()).isEqualTo(Token.START_OBJECT);
            assertThat(t.next()).isEqualTo(Token.NAME);
            assertThat(t.name()).isEqualTo("k\u00e9");
            assertThat(t.next()).isEqualTo(Token.STRING);
            assertThat(t.text()).isEqualTo("v\n");
            assertThat(t.next()).isEqualTo(Token.NAME);
            assertThat(t.next()).isEqualTo(Token.INTEGER);
            assertThat(t.isInt64()).isTrue();
            assertThat(t.int64()).isEqualTo(-12);
            assertThat(t.current()).isEqualTo(Token.INTEGER);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"})
    void integers_thatTheTreeWouldNotBindAsInt64_areNotInt64(String number) {
        try (JsonTokens t = JsonTokens.over(("[" + number + "]").getBytes(StandardCharsets.UTF_8),
                ReadLimits.defaults())) {
            t.next();
            assertThat(t.next()).isEqualTo(Token.INTEGER);
            assertThat(t.isInt64()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "-9223372036854775808", "0"})
    void int64Bounds_areInt64(String number) {
        try (JsonTokens t = JsonTokens.over(("[" + number + "]").getBytes(StandardCharsets.UTF_8),
                ReadLimits.defaults())) {
            t.next();
            t.next();
            assertThat(t.isInt64()).isTrue();
            assertThat(Long.toString(t.int64())).isEqualTo(number);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":1} x", "{\"a\":[1}"})
    void syntaxErrors_endInFailed_withoutThrowing_andStayFailed(String json) {
        List<Token> tokens = all(json, ReadLimits.defaults());
        assertThat(tokens).last().isEqualTo(Token.FAILED);
        try (JsonTokens t = JsonTokens.over(json.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults())) {
            for (int i = 0; i < tokens.size(); i++) {
                t.next();
            }
            assertThat(t.next()).isEqualTo(Token.FAILED);
        }
    }

    @Test
    void limits_endInFailed() {
        ReadLimits shallow = ReadLimits.builder().maxDepth(2).build();
        assertThat(all("[[[1]]]", shallow)).last().isEqualTo(Token.FAILED);
        // string lengths are checked as the string is read, as the tree path does
        ReadLimits shortStrings = ReadLimits.builder().maxStringChars(1000).build();
        assertThat(all("[\"" + "x".repeat(200_000) + "\"]", shortStrings)).last().isEqualTo(Token.FAILED);
        ReadLimits fewTokens = ReadLimits.builder().maxTokens(3).build();
        assertThat(all("[1,2,3,4]", fewTokens)).last().isEqualTo(Token.FAILED);
    }

    @Test
    void startsThatAreNotPlainUtf8_failAtOnce() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
        byte[] utf16 = {0, '{', 0, '}'};
        for (byte[] bytes : List.of(bom, utf16, new byte[] {'1'})) {
            try (JsonTokens t = JsonTokens.over(bytes, ReadLimits.defaults())) {
                assertThat(t.next()).isEqualTo(Token.FAILED);
            }
        }
    }
}
