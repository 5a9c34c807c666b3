package dev.onfailure.validator.internal.rules;

import java.util.List;

/** Every semantic rule, in the order they run. */
public final class Rules {

    /** The rules of a failure record. */
    public static final List<Rule> ALL = List.of(
            new ConditionResponseRule(),
            new UnknownConditionRule(),
            new RequestIdRule(),
            new TopicPartitionKeyRule(),
            new OffsetOrderRule(),
            new OffsetInt64Rule(),
            new TimestampOrderRule(),
            new PayloadSizeRule(),
            new PayloadNotEventRule(),
            new PayloadMismatchRule(),
            new SingleRecordInfoRule(),
            new HeaderUnsignedRule());

    private Rules() {
    }
}
