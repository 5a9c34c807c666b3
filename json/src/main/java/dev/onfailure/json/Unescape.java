package dev.onfailure.json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Decodes the escaped content of a well-formed JSON string, straight from UTF-8 bytes to UTF-8 bytes. */
final class Unescape {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long BACKSLASHES = ONES * '\\';

    private Unescape() {
    }

    /** Returns the content's UTF-8 bytes, or null if it holds a lone surrogate escape. */
    static byte[] toUtf8(byte[] b, int start, int end) {
        int firstEscape = -1;
        for (int i = start; i < end; i++) {
            if (b[i] == '\\') {
                firstEscape = i;
                break;
            }
        }
        if (firstEscape < 0) {
            byte[] copy = new byte[end - start];
            System.arraycopy(b, start, copy, 0, copy.length);
            return copy;
        }
        // Unescaping never lengthens: an escape of two to twelve bytes becomes one to four. No stream (its
        // synchronized writes cost more than the copying), one array (eight bytes of slack for the copying below),
        // trimmed at the end.
        byte[] out = new byte[end - start + 8];
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer to = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int o = firstEscape - start;
        System.arraycopy(b, start, out, 0, o);
        int i = firstEscape;
        while (i < end) {
            byte c = b[i];
            if (c != '\\') {
                // plain bytes eight at a time: copied whole, then the cursor moves up to the next backslash
                if (i + 8 <= end) {
                    long x = in.getLong(i);
                    to.putLong(o, x);
                    long bs = ((x ^ BACKSLASHES) - ONES) & ~(x ^ BACKSLASHES) & HIGH;
                    int run = bs == 0 ? 8 : Long.numberOfTrailingZeros(bs) >>> 3;
                    i += run;
                    o += run;
                } else {
                    out[o++] = c;
                    i++;
                }
                continue;
            }
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"' -> out[o++] = '"';
                case '\\' -> out[o++] = '\\';
                case '/' -> out[o++] = '/';
                case 'b' -> out[o++] = '\b';
                case 'f' -> out[o++] = '\f';
                case 'n' -> out[o++] = '\n';
                case 'r' -> out[o++] = '\r';
                case 't' -> out[o++] = '\t';
                case 'u' -> {
                    int cp = hex(b, i);
                    i += 4;
                    if (Character.isHighSurrogate((char) cp)) {
                        if (i + 6 <= end && b[i] == '\\' && b[i + 1] == 'u'
                                && Character.isLowSurrogate((char) hex(b, i + 2))) {
                            cp = Character.toCodePoint((char) cp, (char) hex(b, i + 2));
                            i += 6;
                        } else {
                            return null;
                        }
                    } else if (Character.isLowSurrogate((char) cp)) {
                        return null;
                    }
                    o = utf8(out, o, cp);
                }
                default -> throw new IllegalStateException("unchecked escape \\" + (char) e);
            }
        }
        return Arrays.copyOf(out, o);
    }

    /** Returns the first non-whitespace character of the content, or -1. */
    static int firstNonWhitespace(byte[] b, int start, int end) {
        int i = start;
        while (i < end) {
            if (b[i] == '\\' && i + 1 < end) {
                byte e = b[i + 1];
                int c = switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'f' -> '\f';
                    case 'u' -> hex(b, i + 2);
                    case 'b' -> '\b';
                    default -> e;
                };
                if (" \t\n\u000B\f\r".indexOf(c) < 0) {
                    return c;
                }
                i += e == 'u' ? 6 : 2;
            } else {
                if (" \t\n\u000B\f\r".indexOf(b[i]) < 0) {
                    return b[i] & 0xFF;
                }
                i++;
            }
        }
        return -1;
    }

    private static int hex(byte[] b, int at) {
        int v = 0;
        for (int i = at; i < at + 4; i++) {
            int c = b[i];
            v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return v;
    }

    /** Writes {@code cp} as UTF-8 at {@code out[o]}; returns the index after it. */
    private static int utf8(byte[] out, int o, int cp) {
        if (cp < 0x80) {
            out[o++] = (byte) cp;
        } else if (cp < 0x800) {
            out[o++] = (byte) (0xC0 | cp >> 6);
            out[o++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out[o++] = (byte) (0xE0 | cp >> 12);
            out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[o++] = (byte) (0x80 | cp & 0x3F);
        } else {
            out[o++] = (byte) (0xF0 | cp >> 18);
            out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[o++] = (byte) (0x80 | cp & 0x3F);
        }
        return o;
    }
}
