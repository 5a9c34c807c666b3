package dev.onfailure.validator.internal;

import dev.onfailure.json.ReadException;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.Finding;
import dev.onfailure.validator.FindingCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place where what the checks find becomes one list, each fault once. Where a rule says the same thing as a
 * keyword, the rule's finding is kept (its message says more) and the keyword's is dropped; a value that fails one
 * keyword in two schemas, or fails its type and so every other keyword, is reported once; a record the model cannot
 * bind gets {@code record.unreadable} only when nothing else explains why. ({@code RecordReport} then sorts and drops
 * findings that are equal in every part.)
 */
final class Coverage {

    private Coverage() {
    }

    /**
     * Merges the rules' findings ({@code semantic}), the schema violations of the record and of its string payload's
     * event, and why the record could not be bound, if it could not.
     */
    static List<Finding> merge(Profile profile, List<Finding> semantic, List<SchemaEngine.Violation> violations,
            List<SchemaEngine.Violation> payloadViolations, Optional<ReadException> unreadable,
            Supplier<SchemaFindings> messages) {
        if (violations.isEmpty() && payloadViolations.isEmpty() && unreadable.isEmpty()) {
            return semantic;
        }
        SchemaFindings schemaFindings = messages.get();
        List<Finding> findings = new ArrayList<>(semantic);
        for (SchemaEngine.Violation v : distinct(violations)) {
            if (!covered(v, "", semantic)) {
                findings.add(schemaFindings.finding(v, "", ""));
            }
        }
        for (SchemaEngine.Violation v : distinct(payloadViolations)) {
            if (!covered(v, "/payload", semantic)) {
                findings.add(schemaFindings.finding(v, "/payload", "string"));
            }
        }
        if (unreadable.isPresent() && findings.stream().noneMatch(Finding::isError)) {
            findings.add(FindingCode.RECORD_UNREADABLE.finding(profile, unreadable.get().pointer(),
                    Map.of("detail", unreadable.get().getMessage())));
        }
        return findings;
    }

    /**
     * One violation per keyword and value: a strict schema applies the tolerant one it narrows, so a value can fail
     * the same keyword twice (the strict message, more precise, is kept); a value that fails its pattern fails its
     * {@code format} for the same reason; and a value of the wrong type fails every other keyword of its schema.
     */
    static List<SchemaEngine.Violation> distinct(List<SchemaEngine.Violation> violations) {
        if (violations.isEmpty()) {
            return violations;
        }
        Map<String, SchemaEngine.Violation> byKey = new LinkedHashMap<>();
        for (SchemaEngine.Violation v : violations) {
            String key = v.keyword() + " " + v.pointer() + " " + v.property();
            SchemaEngine.Violation seen = byKey.get(key);
            if (seen == null || (!seen.schemaLocation().contains("/strict/") && v.schemaLocation().contains("/strict/"))) {
                byKey.put(key, v);
            }
        }
        List<SchemaEngine.Violation> out = new ArrayList<>();
        for (SchemaEngine.Violation v : byKey.values()) {
            boolean formatOfBadPattern = v.keyword().equals("format")
                    && byKey.containsKey("pattern " + v.pointer() + " " + v.property());
            // a value of the wrong type fails its const, enum, pattern and bounds too: the type says it all
            boolean besideWrongType = !v.keyword().equals("type") && byKey.containsKey("type " + v.pointer() + " ");
            if (!formatOfBadPattern && !besideWrongType) {
                out.add(v);
            }
        }
        return out;
    }

    /** Whether a semantic finding already explains the violation {@code v} (at {@code prefix} + its pointer). */
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
                case SINGLE_RECORD_INFO:
                    // strict refuses recordInfo where recordsInfo belongs: the rule says why
                    if (pointer.startsWith("/KafkaBatchInfo/recordInfo") || (pointer.equals("/KafkaBatchInfo")
                            && (v.keyword().equals("required") || (v.keyword().equals("additionalProperties")
                                    && "recordInfo".equals(v.property()))))) {
                        return true;
                    }
                    break;
                case HEADER_UNSIGNED:
                    if (v.keyword().equals("maximum") && pointer.startsWith("/payload") && pointer.contains("/headers/")) {
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
