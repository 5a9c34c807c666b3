package dev.onfailure.model;

import dev.onfailure.model.json.ReadLimits;

/**
 * Binds an SQS/SNS failure record straight from its UTF-8 bytes, without a tokeniser or the lossless tree in between:
 * the common case of a consumer reading message bodies. It handles exactly the shape Lambda sends, in the plainest
 * JSON ({@link PlainJson}: ASCII strings without escapes, canonical integers), with no payload, no member it does not
 * know and no null where the model has none, and returns null for anything else, which the tree path then reads, keeps
 * and explains. So both paths always agree.
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
        try {
            SqsSnsRecord r = record(p);
            p.end();
            return r;
        } catch (PlainJson.GiveUp e) {
            return null;
        }
    }

    private SqsSnsRecord record(PlainJson p) {
        SqsSnsRecord.Builder b = SqsSnsRecord.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(RECORD);
            seen = once(seen, k);
            switch (k) {
                case 0 -> b.requestContext(requestContext(p));
                case 1 -> b.responseContext(p.objectOrNull() ? JsonField.of(responseContext(p)) : JsonField.ofNull());
                case 2 -> b.version(p.string());
                case 3 -> b.timestamp(Timestamp.of(p.string()));
                default -> b.batchInfo(batchInfo(p));
            }
        }
        return all(seen, 0b11101) ? b.build() : PlainJson.giveUp();
    }

    private static RequestContext requestContext(PlainJson p) {
        RequestContext.Builder b = RequestContext.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(REQUEST);
            seen = once(seen, k);
            switch (k) {
                case 0 -> b.requestId(p.string());
                case 1 -> b.functionArn(p.string());
                case 2 -> b.condition(Condition.of(p.string()));
                default -> b.approximateInvokeCount(p.integer());
            }
        }
        return all(seen, 0b1111) ? b.build() : PlainJson.giveUp();
    }

    private static ResponseContext responseContext(PlainJson p) {
        ResponseContext.Builder b = ResponseContext.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(RESPONSE);
            seen = once(seen, k);
            switch (k) {
                case 0 -> b.statusCode(int32(p.integer()));
                case 1 -> b.executedVersion(JsonField.of(p.string()));
                default -> b.functionError(JsonField.of(p.string()));
            }
        }
        return all(seen, 0b1) ? b.build() : PlainJson.giveUp();
    }

    private KafkaBatchInfo batchInfo(PlainJson p) {
        KafkaBatchInfo.Builder b = KafkaBatchInfo.builder();
        p.beginObject();
        int seen = 0;
        int ranges = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(BATCH);
            seen = once(seen, k);
            switch (k) {
                case 0 -> b.batchSize(int32(p.integer()));
                case 1 -> b.eventSourceArn(p.nullAhead() ? JsonField.ofNull() : JsonField.of(p.string()));
                case 2 -> b.bootstrapServers(p.string());
                case 3 -> b.payloadSize(p.integer());
                default -> ranges = ranges(p, b);
            }
        }
        if (!all(seen, 0b11101)) {
            PlainJson.giveUp();
        }
        KafkaBatchInfo info = b.build();
        // a repeated topic-partition key collapses in the map: the tree path refuses it
        return info.recordsInfo().size() == ranges ? info : PlainJson.giveUp();
    }

    /** Puts the recordsInfo entries straight into the builder (no map of our own to copy); returns how many. */
    private int ranges(PlainJson p, KafkaBatchInfo.Builder b) {
        int count = 0;
        p.beginObject();
        for (boolean first = true; p.nextMember(first); first = false) {
            if (count >= limits.maxObjectMembers()) {
                PlainJson.giveUp();
            }
            String key = p.name();
            b.putRecordsInfo(key, range(p));
            count++;
        }
        return count;
    }

    private static RecordRange range(PlainJson p) {
        RecordRange.Builder b = RecordRange.builder();
        p.beginObject();
        int seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            int k = p.nameIn(RANGE);
            seen = once(seen, k);
            switch (k) {
                case 0 -> b.firstRecordOffset(p.offset());
                case 1 -> b.lastRecordOffset(p.offset());
                case 2 -> b.firstRecordTimestamp(Timestamp.of(p.string()));
                default -> b.lastRecordTimestamp(Timestamp.of(p.string()));
            }
        }
        return all(seen, 0b1111) ? b.build() : PlainJson.giveUp();
    }

    /** Marks member {@code k} seen; gives up on a member the model does not know or one seen before. */
    private static int once(int seen, int k) {
        if (k < 0 || (seen & (1 << k)) != 0) {
            PlainJson.giveUp();
        }
        return seen | (1 << k);
    }

    private static boolean all(int seen, int required) {
        return (seen & required) == required;
    }

    private static int int32(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            PlainJson.giveUp();
        }
        return (int) v;
    }
}
