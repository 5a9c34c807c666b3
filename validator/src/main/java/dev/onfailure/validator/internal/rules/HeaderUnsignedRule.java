package dev.onfailure.validator.internal.rules;

import dev.onfailure.model.Header;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.KafkaRecord;
import dev.onfailure.model.Payload;
import dev.onfailure.json.JsonPointer;
import dev.onfailure.validator.FindingCode;
import java.util.List;

/**
 * Header bytes above 127 in the payload's event: AWS's event carries signed bytes (-128 to 127, such as
 * {@code [104, 101, ...]}); unsigned ones (0 to 255) are how the Go emulator gopherstack writes them, and a bug several
 * SDKs shipped when reading them. The bytes are the same; the notation differs from AWS's form, so a warning under
 * tolerant, an error under strict.
 */
final class HeaderUnsignedRule implements Rule {

    @Override
    public void check(KafkaFailureRecord r, RuleContext ctx) {
        ctx.payloadEvent().ifPresent(event -> {
            boolean object = r.payloadIfAny().map(p -> p.form() == Payload.Form.OBJECT).orElse(false);
            event.records().forEach((key, records) -> {
                for (int i = 0; i < records.size(); i++) {
                    KafkaRecord k = records.get(i);
                    List<Header> headers = k.headers().orElse(List.of());
                    for (int j = 0; j < headers.size(); j++) {
                        Header h = headers.get(j);
                        if (h.isUnsigned()) {
                            String at = object ? JsonPointer.append(JsonPointer.append(JsonPointer.append(
                                    JsonPointer.append("/payload/records", key), i) + "/headers", j), h.name())
                                    : "/payload";
                            ctx.report(FindingCode.HEADER_UNSIGNED, at, "name", Texts.abbreviate(h.name()),
                                    "where", object ? "" : " (in the payload string's record " + Texts.abbreviate(key)
                                            + "/" + i + ")");
                        }
                    }
                }
            });
        });
    }
}
