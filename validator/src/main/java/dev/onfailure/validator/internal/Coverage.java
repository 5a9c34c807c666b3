package dev.onfailure.validator.internal;

import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import java.util.List;

/**
 * Which schema violations a semantic finding already explains. Where a rule says the same thing as a keyword, the
 * rule's finding is kept (its message says more) and the keyword's is dropped, so one fault yields one code.
 */
final class Coverage {

    private Coverage() {
    }

    static boolean covered(SchemaEngine.Violation v, String prefix, List<Finding> semantic) {
        String pointer = prefix + v.pointer();
        for (Finding f : semantic) {
            FindingCode code = FindingCode.fromId(f.code()).orElseThrow();
            switch (code) {
                case CONDITION_RESPONSE:
                    if (v.schemaLocation().contains("/$defs/conditionResponse/")) {
                        return true;
                    }
                    break;
                case TOPIC_PARTITION_KEY:
                    if (v.keyword().equals("propertyNames") || v.schemaLocation().contains("topicPartitionKey")) {
                        return true;
                    }
                    break;
                case OFFSET_INT64:
                    if (pointer.equals(f.pointer()) && v.keyword().equals("pattern")) {
                        return true;
                    }
                    break;
                case REQUEST_ID:
                    if (pointer.equals(f.pointer())) {
                        return true;
                    }
                    break;
                case PAYLOAD_NOT_EVENT:
                    if (pointer.startsWith("/payload")) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }
}
