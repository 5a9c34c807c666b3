package dev.onfailure.model;

import dev.onfailure.json.ReadLimits;

/**
 * Binds an SQS/SNS failure record straight from its UTF-8 bytes, without a tokeniser or the lossless tree in between:
 * the common case of a consumer reading message bodies. It handles exactly the shape Lambda sends, in the plainest
 * JSON ({@link PlainJson}: ASCII strings without escapes, canonical integers), with no payload, no member it does not
 * know and no null where the model has none, and returns null for anything else, which the tree path then reads, keeps
 * and explains. So both paths always agree.
 *
 * <p>Each object's reader returns null once the cursor has failed (it then stops at the next member), and a null is
 * never handed to a builder.
 */
final class RecordByteReader {

    private static final byte[][] RECORD = PlainJson.names("requestContext", "responseContext", "version", "timestamp",
            "KafkaBatchInfo");
    private static final byte[][] REQUEST = PlainJson.names("requestId", "functionArn", "condition",
            "approximateInvokeCount");
    private static final byte[][] RESPONSE = PlainJson.names("statusCode", "executedVersion", "functionError");
    private static final byte[][] BATCH = PlainJson.names("batchSize", "eventSourceArn", "bootstrapServers",
            "payloadSize", "recordsInfo");
    private static final byte[][] RANGE = PlainJson.names("firstRecordOffset", "lastRecordOffset",
            "firstRecordTimestamp", "lastRecordTimestamp");

    private final ReadLimits limits;

    RecordByteReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Returns the record, or null to let the tree path decide. */
    SqsSnsRecord read(byte[] bytes) {
        PlainJson p = PlainJson.over(bytes, limits);
        if (p == null) {
            return null;
        }
        SqsSnsRecord r = record(p);
        p.end();
        return p.failed() ? null : r;
    }

    private SqsSnsRecord record(PlainJson p) {
        SqsSnsRecord.Builder b = SqsSnsRecord.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(RECORD);
            int bit = bit(p, seen, k);
            seen |= bit;
            switch (k) {
                case 0 -> {
                    RequestContext rc = requestContext(p);
                    if (rc != null) {
                        b.requestContext(rc);
                    }
                }
                case 1 -> {
                    if (p.objectOrNull()) {
                        ResponseContext rc = responseContext(p);
                        if (rc != null) {
                            b.responseContext(JsonField.of(rc));
                        }
                    } else {
                        b.responseContext(JsonField.ofNull());
                    }
                }
                case 2 -> b.version(p.string());
                case 3 -> b.timestamp(Timestamp.of(p.string()));
                case 4 -> {
                    KafkaBatchInfo info = batchInfo(p);
                    if (info != null) {
                        b.batchInfo(info);
                    }
                }
                default -> {
                    // unknown or repeated: the cursor has failed
                }
            }
        }
        return complete(p, seen, 0b11101) ? b.build() : null;
    }

    private static RequestContext requestContext(PlainJson p) {
        RequestContext.Builder b = RequestContext.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(REQUEST);
            seen |= bit(p, seen, k);
            switch (k) {
                case 0 -> b.requestId(p.string());
                case 1 -> b.functionArn(p.string());
                case 2 -> b.condition(Condition.of(p.string()));
                case 3 -> b.approximateInvokeCount(p.integer());
                default -> {
                    // the cursor has failed
                }
            }
        }
        return complete(p, seen, 0b1111) ? b.build() : null;
    }

    private static ResponseContext responseContext(PlainJson p) {
        ResponseContext.Builder b = ResponseContext.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(RESPONSE);
            seen |= bit(p, seen, k);
            switch (k) {
                case 0 -> b.statusCode(int32(p, p.integer()));
                case 1 -> b.executedVersion(JsonField.of(p.string()));
                case 2 -> b.functionError(JsonField.of(p.string()));
                default -> {
                    // the cursor has failed
                }
            }
        }
        return complete(p, seen, 0b1) ? b.build() : null;
    }

    private KafkaBatchInfo batchInfo(PlainJson p) {
        KafkaBatchInfo.Builder b = KafkaBatchInfo.builder();
        p.beginObject();
        int seen = 0;
        int ranges = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(BATCH);
            seen |= bit(p, seen, k);
            switch (k) {
                case 0 -> b.batchSize(int32(p, p.integer()));
                case 1 -> b.eventSourceArn(p.nullAhead() ? JsonField.ofNull() : JsonField.of(p.string()));
                case 2 -> b.bootstrapServers(p.string());
                case 3 -> b.payloadSize(p.integer());
                case 4 -> ranges = ranges(p, b);
                default -> {
                    // the cursor has failed
                }
            }
        }
        if (!complete(p, seen, 0b11101)) {
            return null;
        }
        KafkaBatchInfo info = b.build();
        // a repeated topic-partition key collapses in the map: the tree path refuses it
        if (info.recordsInfo().size() != ranges) {
            p.fail();
            return null;
        }
        return info;
    }

    /** Puts the recordsInfo entries straight into the builder (no map of our own to copy); returns how many. */
    private int ranges(PlainJson p, KafkaBatchInfo.Builder b) {
        int count = 0;
        p.beginObject();
        for (boolean first = true; p.nextMember(first); first = false) {
            if (count >= limits.maxObjectMembers()) {
                p.fail();
                break;
            }
            String key = p.name();
            RecordRange range = range(p);
            if (range != null) {
                b.putRecordsInfo(key, range);
                count++;
            }
        }
        return count;
    }

    private static RecordRange range(PlainJson p) {
        RecordRange.Builder b = RecordRange.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(RANGE);
            seen |= bit(p, seen, k);
            switch (k) {
                case 0 -> b.firstRecordOffset(p.offset());
                case 1 -> b.lastRecordOffset(p.offset());
                case 2 -> b.firstRecordTimestamp(Timestamp.of(p.string()));
                case 3 -> b.lastRecordTimestamp(Timestamp.of(p.string()));
                default -> {
                    // the cursor has failed
                }
            }
        }
        return complete(p, seen, 0b1111) ? b.build() : null;
    }

    /**
     * Returns the bit of member {@code k}; fails the cursor (and returns 0) for a member the model does not know
     * ({@code k < 0}) or one seen before.
     */
    private static int bit(PlainJson p, int seen, int k) {
        if (k < 0 || (seen & (1 << k)) != 0) {
            p.fail();
            return 0;
        }
        return 1 << k;
    }

    /** Returns true if the cursor has not failed and every {@code required} member was seen. */
    private static boolean complete(PlainJson p, int seen, int required) {
        if ((seen & required) != required) {
            p.fail();
        }
        return !p.failed();
    }

    private static int int32(PlainJson p, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            p.fail();
            return 0;
        }
        return (int) v;
    }
}
