package dev.onfailure.json;

import java.io.ByteArrayOutputStream;

/** Decodes the escaped content of a well-formed JSON string, straight from UTF-8 bytes to UTF-8 bytes. */
final class Unescape {

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
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        out.write(b, start, firstEscape - start);
        int i = firstEscape;
        while (i < end) {
            byte c = b[i];
            if (c != '\\') {
                int run = i;
                while (run < end && b[run] != '\\') {
                    run++;
                }
                out.write(b, i, run - i);
                i = run;
                continue;
            }
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"' -> out.write('"');
                case '\\' -> out.write('\\');
                case '/' -> out.write('/');
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
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
                    utf8(out, cp);
                }
                default -> throw new IllegalStateException("unchecked escape \\" + (char) e);
            }
        }
        return out.toByteArray();
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

    private static void utf8(ByteArrayOutputStream out, int cp) {
        if (cp < 0x80) {
            out.write(cp);
        } else if (cp < 0x800) {
            out.write(0xC0 | cp >> 6);
            out.write(0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out.write(0xE0 | cp >> 12);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        } else {
            out.write(0xF0 | cp >> 18);
            out.write(0x80 | cp >> 12 & 0x3F);
            out.write(0x80 | cp >> 6 & 0x3F);
            out.write(0x80 | cp & 0x3F);
        }
    }
}
