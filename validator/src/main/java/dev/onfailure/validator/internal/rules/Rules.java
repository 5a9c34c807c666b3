package dev.onfailure.validator.internal.rules;

import java.util.List;

/** Every semantic rule, in the order they run. */
public final class Rules {

    /** The rules of a failure record. */
    public static final List<Rule> ALL = List.of(
            // Roughly in the order of the pointers they report at (KafkaBatchInfo, payload, requestContext,
            // responseContext): a record's findings then mostly come sorted, and the report, which sorts them
            // anyway, only has to see that they are.
            new PayloadSizeRule(),
            new SingleRecordInfoRule(),
            new TopicPartitionKeyRule(),
            new OffsetOrderRule(),
            new OffsetInt64Rule(),
            new TimestampOrderRule(),
            new PayloadMismatchRule(),
            new PayloadNotEventRule(),
            new HeaderUnsignedRule(),
            new UnknownConditionRule(),
            new RequestIdRule(),
            new ConditionResponseRule());

    private Rules() {
    }
}
