package dev.onfailure.validator.internal;

import dev.onfailure.json.JsonArray;
import dev.onfailure.json.JsonObject;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.json.JsonValue;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a record's members come in one of the two orders AWS writes: its documented order (SQS and SNS bodies, the
 * Kafka invocation event) or sorted at every level (S3 objects, the Kafka-topic example's payload). JSON gives member
 * order no meaning, so this is no fault of the content; it tells a record AWS wrote from one another tool wrote (the
 * Go emulator gopherstack writes Go struct order, {@code payload} first). Only members the format defines are
 * compared; unknown ones may stand anywhere.
 */
final class MemberOrder {

    private static final List<String> RECORD = List.of("requestContext", "responseContext", "version", "timestamp",
            "KafkaBatchInfo", "payload");
    private static final List<String> REQUEST = List.of("requestId", "functionArn", "condition",
            "approximateInvokeCount");
    private static final List<String> RESPONSE = List.of("statusCode", "executedVersion", "functionError");
    private static final List<String> BATCH = List.of("batchSize", "eventSourceArn", "bootstrapServers", "payloadSize",
            "recordsInfo", "recordInfo");
    private static final List<String> EVENT = List.of("eventSource", "eventSourceArn", "bootstrapServers", "records");
    private static final List<String> EVENT_RECORD = List.of("topic", "partition", "offset", "timestamp",
            "timestampType", "key", "keySchemaMetadata", "value", "valueSchemaMetadata", "headers");

    private MemberOrder() {
    }

    /** Adds a {@code record.member-order} finding for each object of {@code record} in neither order. */
    static void check(JsonObject record, Profile profile, List<Finding> out) {
        object(record, "", RECORD, "the record", profile, out);
        member(record, "requestContext", REQUEST, profile, out);
        member(record, "responseContext", RESPONSE, profile, out);
        member(record, "KafkaBatchInfo", BATCH, profile, out);
        if (record.get("payload").orElse(null) instanceof JsonObject event) {
            object(event, "/payload", EVENT, "the payload's event", profile, out);
            if (event.get("records").orElse(null) instanceof JsonObject records) {
                records.members().forEach((key, list) -> {
                    if (list instanceof JsonArray array) {
                        for (int i = 0; i < array.size(); i++) {
                            if (array.get(i) instanceof JsonObject r) {
                                String at = JsonPointer.append(JsonPointer.append("/payload/records", key), i);
                                object(r, at, EVENT_RECORD, "a payload record", profile, out);
                            }
                        }
                    }
                });
            }
        }
    }

    private static void member(JsonObject parent, String name, List<String> order, Profile profile, List<Finding> out) {
        if (parent.get(name).orElse(null) instanceof JsonObject o) {
            object(o, "/" + name, order, name, profile, out);
        }
    }

    private static void object(JsonObject o, String at, List<String> order, String what, Profile profile,
            List<Finding> out) {
        List<String> known = new ArrayList<>();
        for (String name : o.members().keySet()) {
            if (order.contains(name)) {
                known.add(name);
            }
        }
        boolean aws = true;
        boolean sorted = true;
        for (int i = 1; i < known.size(); i++) {
            aws &= order.indexOf(known.get(i - 1)) < order.indexOf(known.get(i));
            sorted &= known.get(i - 1).compareTo(known.get(i)) < 0;
        }
        if (!aws && !sorted) {
            List<String> expected = new ArrayList<>(order);
            expected.retainAll(known);
            out.add(FindingCode.MEMBER_ORDER.finding(profile, at, "what", what, "order", String.join(", ", known),
                    "aws", String.join(", ", expected)));
        }
    }
}
