package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.KafkaFailureRecord;
import java.util.List;

/** Every semantic rule, in the order they run. */
public final class Rules {

    // Roughly in the order of the pointers they report at (KafkaBatchInfo, payload, requestContext, responseContext):
    // a record's findings then mostly come sorted, and the report, which sorts them anyway, only has to see that they
    // are.
    private static final PayloadSizeRule PAYLOAD_SIZE = new PayloadSizeRule();
    private static final SingleRecordInfoRule SINGLE_RECORD_INFO = new SingleRecordInfoRule();
    private static final TopicPartitionKeyRule TOPIC_PARTITION_KEY = new TopicPartitionKeyRule();
    private static final OffsetOrderRule OFFSET_ORDER = new OffsetOrderRule();
    private static final OffsetInt64Rule OFFSET_INT64 = new OffsetInt64Rule();
    private static final TimestampOrderRule TIMESTAMP_ORDER = new TimestampOrderRule();
    private static final PayloadMismatchRule PAYLOAD_MISMATCH = new PayloadMismatchRule();
    private static final PayloadNotEventRule PAYLOAD_NOT_EVENT = new PayloadNotEventRule();
    private static final HeaderUnsignedRule HEADER_UNSIGNED = new HeaderUnsignedRule();
    private static final UnknownConditionRule UNKNOWN_CONDITION = new UnknownConditionRule();
    private static final RequestIdRule REQUEST_ID = new RequestIdRule();
    private static final ConditionResponseRule CONDITION_RESPONSE = new ConditionResponseRule();

    /** The rules of a failure record, in the order {@link #checkAll} runs them. */
    public static final List<Rule> ALL = List.of(PAYLOAD_SIZE, SINGLE_RECORD_INFO, TOPIC_PARTITION_KEY, OFFSET_ORDER,
            OFFSET_INT64, TIMESTAMP_ORDER, PAYLOAD_MISMATCH, PAYLOAD_NOT_EVENT, HEADER_UNSIGNED, UNKNOWN_CONDITION,
            REQUEST_ID, CONDITION_RESPONSE);

    private Rules() {
    }

    /**
     * Runs every rule of {@link #ALL} on {@code record}, in that order, each called on its own class: a loop over the
     * list would make one call site for twelve classes, which the JIT neither inlines nor predicts.
     *
     * <pre>{@code
     * Rules.checkAll(record, ctx);   // the same findings as: for (Rule r : Rules.ALL) r.check(record, ctx);
     * }</pre>
     */
    public static void checkAll(KafkaFailureRecord record, RuleContext ctx) {
        PAYLOAD_SIZE.check(record, ctx);
        SINGLE_RECORD_INFO.check(record, ctx);
        TOPIC_PARTITION_KEY.check(record, ctx);
        OFFSET_ORDER.check(record, ctx);
        OFFSET_INT64.check(record, ctx);
        TIMESTAMP_ORDER.check(record, ctx);
        PAYLOAD_MISMATCH.check(record, ctx);
        PAYLOAD_NOT_EVENT.check(record, ctx);
        HEADER_UNSIGNED.check(record, ctx);
        UNKNOWN_CONDITION.check(record, ctx);
        REQUEST_ID.check(record, ctx);
        CONDITION_RESPONSE.check(record, ctx);
    }
}
