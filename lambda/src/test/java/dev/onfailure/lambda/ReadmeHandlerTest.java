package dev.onfailure.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.onfailure.lambda.readme.DiscardedRanges;
import org.junit.jupiter.api.Test;

/** The handler README.md shows, compiled and run: the README cannot show code that does not work. */
final class ReadmeHandlerTest {

    @Test
    void readmeHandler_logsRangesAndFailsTheInvalidMessages() {
        TestContext context = new TestContext();

        SQSBatchResponse response = new DiscardedRanges().handleRequest(Events.sqs("sqs-raw.json"), context);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(HandlerTest.message(2), HandlerTest.message(3));
        assertThat(context.lines()).filteredOn(l -> l.startsWith("discarded ")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("discarded \\S+-\\d+ offsets \\d+\\.\\.\\d+ \\(\\w+, request .+\\)"));
        assertThat(context.lines()).filteredOn(l -> l.startsWith("{")).hasSize(2);
        // The lines README.md shows.
        assertThat(context.lines()).contains(
                "discarded a.b_c-d-2147483647 offsets 9223372036854775000..9223372036854775807 "
                        + "(RetryAttemptsExhausted, request 00000000-0000-4000-8000-000000000000)",
                "discarded x-0 offsets 0..0 (RetryAttemptsExhausted, request 00000000-0000-4000-8000-000000000000)",
                "{\"level\":\"WARN\",\"message\":\"invalid failure record\",\"item\":\"5f0e3c1a-0b6e-4d2a-9c1f-000000000002\","
                        + "\"location\":\"/Records/2/body\",\"code\":\"kafka.offset-order\",\"severity\":\"error\","
                        + "\"pointer\":\"/KafkaBatchInfo/recordsInfo/orders-eu-west-1-12/firstRecordOffset\",\"finding\":"
                        + "\"firstRecordOffset 88121 is after lastRecordOffset 88120 in orders-eu-west-1-12\"}");
    }
}
