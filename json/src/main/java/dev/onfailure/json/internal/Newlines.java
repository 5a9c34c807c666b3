package dev.onfailure.json.internal;

import java.nio.ByteOrder;

/**
 * The newline search of {@link dev.onfailure.json.NdjsonLines}, eight bytes at a time. Not API: it is public, in a
 * package the module does not export, so that {@code LineSearchBenchmark} in bench can weigh it against a plain loop
 * from the package it measures, as the other benchmarks do.
 */
public final class Newlines {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';
    /** Eight bytes at a time, little-endian, as {@link dev.onfailure.json.JsonCursor} reads them. */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, ByteOrder.LITTLE_ENDIAN);

    private Newlines() {
    }

    /** Returns the index of the first newline in {@code b} from {@code from} to {@code to}, or {@code to}. */
    public static int find(byte[] b, int from, int to) {
        int k = from;
        // eight bytes at a time: the lowest byte flagged is the first newline (borrows only flag bytes above it)
        while (k + 8 <= to) {
            long x = (long) LONGS.get(b, k) ^ NEWLINES;
            long flagged = (x - ONES) & ~x & HIGH;
            if (flagged != 0) {
                return k + (Long.numberOfTrailingZeros(flagged) >>> 3);
            }
            k += 8;
        }
        while (k < to && b[k] != '\n') {
            k++;
        }
        return k;
    }
}
