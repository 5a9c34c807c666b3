package dev.onfailure.model;

import dev.onfailure.json.JsonCursor;
import dev.onfailure.json.ReadLimits;

/**
 * Binds an SQS/SNS failure record straight from its UTF-8 bytes, without a tokeniser or the lossless tree in between:
 * the common case of a consumer reading message bodies. It handles exactly the shape Lambda sends, in the plainest
 * JSON ({@link JsonCursor}: ASCII strings without escapes, canonical integers), with no payload, no member it does not
 * know and no null where the model has none, and returns null for anything else, which the tree path then reads, keeps
 * and explains. So both paths always agree.
 *
 * <p>Member names are looked up in each type's {@link MemberTable} (as bytes), and which members are required comes
 * from the table. Each object's reader returns null once the cursor has failed (it then stops at the next member),
 * and a null is never handed to a builder.
 */
final class SqsSnsRecordReader {

    private final ReadLimits limits;

    SqsSnsRecordReader(ReadLimits limits) {
        this.limits = limits;
    }

    /** Returns the record, or null to let the tree path decide. */
    SqsSnsRecord read(byte[] bytes) {
        JsonCursor p = JsonCursor.over(bytes, limits);
        if (p.failed()) {
            return null;
        }
        SqsSnsRecord r = record(p);
        p.end();
        return p.failed() ? null : r;
    }

    private SqsSnsRecord record(JsonCursor p) {
        SqsSnsRecord.Builder b = SqsSnsRecord.builder();
        MemberTable<KafkaFailureRecord.Members> table = SqsSnsRecord.TABLE;
        p.beginObject();
        long seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            KafkaFailureRecord.Members m = table.get(p);
            seen = see(p, seen, m);
            if (m == null) {
                break;
            }
            switch (m) {
                case REQUEST_CONTEXT -> {
                    RequestContext rc = requestContext(p);
                    if (rc != null) {
                        b.requestContext(rc);
                    }
                }
                case RESPONSE_CONTEXT -> {
                    if (p.objectOrNull()) {
                        ResponseContext rc = responseContext(p);
                        if (rc != null) {
                            b.responseContext(JsonField.of(rc));
                        }
                    } else {
                        b.responseContext(JsonField.ofNull());
                    }
                }
                case VERSION -> b.version(p.string());
                case TIMESTAMP -> b.timestamp(Timestamp.of(p.string()));
                case KAFKA_BATCH_INFO -> {
                    KafkaBatchInfo info = batchInfo(p);
                    if (info != null) {
                        b.batchInfo(info);
                    }
                }
                case PAYLOAD -> p.fail();   // not in an SQS/SNS record's table: never looked up
            }
        }
        return complete(p, seen, table) ? b.build() : null;
    }

    private static RequestContext requestContext(JsonCursor p) {
        RequestContext.Builder b = RequestContext.builder();
        p.beginObject();
        long seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            RequestContext.Members m = RequestContext.TABLE.get(p);
            seen = see(p, seen, m);
            if (m == null) {
                break;
            }
            switch (m) {
                case REQUEST_ID -> b.requestId(p.string());
                case FUNCTION_ARN -> b.functionArn(p.string());
                case CONDITION -> b.condition(Condition.of(p.string()));
                case APPROXIMATE_INVOKE_COUNT -> b.approximateInvokeCount(p.integer());
            }
        }
        return complete(p, seen, RequestContext.TABLE) ? b.build() : null;
    }

    private static ResponseContext responseContext(JsonCursor p) {
        ResponseContext.Builder b = ResponseContext.builder();
        p.beginObject();
        long seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            ResponseContext.Members m = ResponseContext.TABLE.get(p);
            seen = see(p, seen, m);
            if (m == null) {
                break;
            }
            switch (m) {
                case STATUS_CODE -> b.statusCode(int32(p, p.integer()));
                case EXECUTED_VERSION -> b.executedVersion(JsonField.of(p.string()));
                case FUNCTION_ERROR -> b.functionError(JsonField.of(p.string()));
            }
        }
        return complete(p, seen, ResponseContext.TABLE) ? b.build() : null;
    }

    private KafkaBatchInfo batchInfo(JsonCursor p) {
        KafkaBatchInfo.Builder b = KafkaBatchInfo.builder();
        p.beginObject();
        long seen = 0;
        int ranges = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            BatchInfo.Members m = KafkaBatchInfo.TABLE.get(p);
            seen = see(p, seen, m);
            if (m == null) {
                break;
            }
            switch (m) {
                case BATCH_SIZE -> b.batchSize(int32(p, p.integer()));
                case EVENT_SOURCE_ARN ->
                        b.eventSourceArn(p.nullAhead() ? JsonField.ofNull() : JsonField.of(p.string()));
                case BOOTSTRAP_SERVERS -> b.bootstrapServers(p.string());
                case PAYLOAD_SIZE -> b.payloadSize(p.integer());
                case RECORDS_INFO -> ranges = ranges(p, b);
                case RECORD_INFO -> p.fail();   // the single-record form: the tree path reads it
            }
        }
        if (!complete(p, seen, KafkaBatchInfo.TABLE)) {
            return null;
        }
        if ((seen & MemberTable.bit(BatchInfo.Members.RECORDS_INFO)) == 0) {
            p.fail(); // AWS's form has recordsInfo; the tree path explains its absence
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
    private int ranges(JsonCursor p, KafkaBatchInfo.Builder b) {
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

    private static RecordRange range(JsonCursor p) {
        RecordRange.Builder b = RecordRange.builder();
        p.beginObject();
        long seen = 0;
        for (boolean first = true; p.nextMember(first); first = false) {
            RecordRange.Members m = RecordRange.TABLE.get(p);
            seen = see(p, seen, m);
            if (m == null) {
                break;
            }
            switch (m) {
                case FIRST_RECORD_OFFSET -> b.firstRecordOffset(offset(p));
                case LAST_RECORD_OFFSET -> b.lastRecordOffset(offset(p));
                case FIRST_RECORD_TIMESTAMP -> b.firstRecordTimestamp(Timestamp.of(p.string()));
                case LAST_RECORD_TIMESTAMP -> b.lastRecordTimestamp(Timestamp.of(p.string()));
            }
        }
        return complete(p, seen, RecordRange.TABLE) ? b.build() : null;
    }

    /** Reads an offset, its digits classified by the cursor on the way (see {@link Offset#isDecimal()}). */
    private static Offset offset(JsonCursor p) {
        String text = p.string();
        return Offset.scanned(text, p.failed() ? -1 : p.digitsStart());
    }

    /**
     * Returns {@code seen} with member {@code m}'s bit; fails the cursor for a member the table does not have
     * ({@code m} null), one seen before, or one out of AWS's order (a member that comes after it in the table was
     * seen): the tree path reads such a record and reports its order, so both paths give one report.
     */
    private static long see(JsonCursor p, long seen, Enum<?> m) {
        if (m == null) {
            p.fail();
            return seen;
        }
        long bit = MemberTable.bit(m);
        if ((seen & -bit) != 0) {
            p.fail();
        }
        return seen | bit;
    }

    /** Returns true if the cursor has not failed and every member the table requires was seen. */
    private static boolean complete(JsonCursor p, long seen, MemberTable<?> table) {
        long required = table.requiredBits();
        if ((seen & required) != required) {
            p.fail();
        }
        return !p.failed();
    }

    private static int int32(JsonCursor p, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            p.fail();
            return 0;
        }
        return (int) v;
    }
}
