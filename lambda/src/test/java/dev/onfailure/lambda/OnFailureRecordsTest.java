package dev.onfailure.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.onfailure.fixtures.Corpus;
import dev.onfailure.fixtures.HandMadeRecords;
import dev.onfailure.json.Json;
import dev.onfailure.lambda.OnFailureItem.Status;
import dev.onfailure.model.KafkaFailureRecord;
import dev.onfailure.model.RecordCodec;
import dev.onfailure.schema.Kind;
import dev.onfailure.schema.Profile;
import dev.onfailure.validator.DocumentReport;
import dev.onfailure.validator.Envelope;
import dev.onfailure.validator.RecordReport;
import dev.onfailure.validator.ValidationOptions;
import dev.onfailure.validator.Validator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class OnFailureRecordsTest {

    private static final RecordCodec CODEC = RecordCodec.defaults();

    static KafkaFailureRecord fixture(String name) {
        return CODEC.read(HandMadeRecords.named(name).json());
    }

    static KafkaFailureRecord corpus(String file) {
        return CODEC.read(Corpus.cases().stream().filter(c -> c.file().equals(file)).findFirst().orElseThrow().text());
    }

    @Test
    void sqs_rawBodies_giveIdsRecordsAndReports() {
        SQSEvent event = Events.sqs("sqs-raw.json");
        List<OnFailureItem> items = OnFailureRecords.from(event);

        assertThat(items).extracting(i -> i.id().text()).containsExactlyElementsOf(
                event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList());
        assertThat(items).extracting(OnFailureItem::status).containsExactly(Status.VALID, Status.VALID,
                Status.INVALID, Status.INVALID, Status.VALID);
        assertThat(items.get(0).record()).contains(fixture("edge-values.sqs-sns.json"));
        assertThat(items.get(1).record()).contains(fixture("self-managed.sqs-sns.json"));
        assertThat(items.get(4).record()).contains(fixture("max-payload-null-response.sqs-sns.json"));
        // Invalid, but readable: the record is there for whoever wants to look.
        assertThat(items.get(2).record()).contains(corpus("invalid/kafka.offset-order/swapped.json"));
        assertThat(items.get(2).report().orElseThrow().codes()).containsExactly("kafka.offset-order");
        assertThat(items.get(3).record()).isEmpty();
        // A body that is not JSON is reported as the validator reports it inside a whole SQS event.
        assertThat(items.get(3).report().orElseThrow().codes()).containsExactly("envelope.message-not-json");
        assertThat(items.get(3).report().orElseThrow().findings().get(0).message()).contains("line 1, column 20");
        assertThat(items).extracting(i -> i.report().orElseThrow().location()).containsExactly("/Records/0/body",
                "/Records/1/body", "/Records/2/body", "/Records/3/body", "/Records/4/body");
        assertThat(items.get(0).report().orElseThrow().envelope()).contains(Envelope.SQS_EVENT);
        assertThat(items.get(0).id()).isEqualTo(new ItemId.SqsMessage("5f0e3c1a-0b6e-4d2a-9c1f-000000000000"));
    }

    @Test
    void sqs_eachReport_isTheValidatorsReportOfTheWholeEvent() {
        for (String file : List.of("sqs-raw.json", "sqs-sns-wrapped.json", "sqs-fifo.json", "sns.json")) {
            for (Profile profile : Profile.values()) {
                DocumentReport whole = Validator.create().validate(Events.text(file), ValidationOptions.of(profile));
                OnFailureRecords reader = OnFailureRecords.of(profile);
                List<OnFailureItem> items = file.startsWith("sns") ? reader.read(Events.sns(file))
                        : reader.read(Events.sqs(file));
                assertThat(items).extracting(i -> i.report().orElseThrow()).as(file + " " + profile)
                        .containsExactlyElementsOf(whole.records());
            }
        }
    }

    @Test
    void sqs_snsNotificationBodies_areUnwrapped() {
        List<OnFailureItem> items = OnFailureRecords.from(Events.sqs("sqs-sns-wrapped.json"));

        assertThat(items).extracting(OnFailureItem::status).containsExactly(Status.VALID, Status.INVALID,
                Status.VALID, Status.VALID, Status.VALID);
        assertThat(items.get(0).record()).contains(fixture("edge-values.sqs-sns.json"));
        assertThat(items.get(0).report().orElseThrow().location()).isEqualTo("/Records/0/body/Message");
        assertThat(items.get(0).report().orElseThrow().envelope()).contains(Envelope.SNS_NOTIFICATION);
        assertThat(items.get(1).report().orElseThrow().codes()).containsExactly("kafka.offset-order");
        assertThat(items.get(2).record()).contains(fixture("record-age-no-response.sqs-sns.json"));
        assertThat(items.get(2).report().orElseThrow().location()).isEqualTo("/Records/2/body");
        assertThat(items.get(3).record()).contains(fixture("unknown-fields.sqs-sns.json"));
        assertThat(items.get(4).record()).contains(fixture("self-managed.sqs-sns.json"));
    }

    @Test
    void sqs_strictProfile_rejectsWhatOnlyATolerantConsumerAccepts() {
        List<OnFailureItem> items = OnFailureRecords.of(Profile.STRICT).read(Events.sqs("sqs-sns-wrapped.json"));

        assertThat(items.get(3).status()).isEqualTo(Status.INVALID);
        assertThat(items.get(3).report().orElseThrow().codes()).contains("schema.additionalProperties");
        assertThat(items.get(3).report().orElseThrow().profile()).isEqualTo(Profile.STRICT);
        assertThat(items.get(3).record()).contains(fixture("unknown-fields.sqs-sns.json"));
    }

    @Test
    void sns_messages_giveSnsMessageIds() {
        SNSEvent event = Events.sns("sns.json");
        List<OnFailureItem> items = OnFailureRecords.from(event);

        assertThat(items).extracting(OnFailureItem::id).containsExactly(
                new ItemId.SnsMessage("9a1b2c3d-4e5f-4a6b-8c7d-000000000000"),
                new ItemId.SnsMessage("9a1b2c3d-4e5f-4a6b-8c7d-000000000001"),
                new ItemId.SnsMessage("9a1b2c3d-4e5f-4a6b-8c7d-000000000002"));
        assertThat(items).extracting(OnFailureItem::status).containsExactly(Status.VALID, Status.INVALID,
                Status.VALID);
        assertThat(items.get(0).record()).contains(fixture("edge-values.sqs-sns.json"));
        assertThat(items.get(2).record()).contains(fixture("self-managed.sqs-sns.json"));
        assertThat(items.get(1).report().orElseThrow().location()).isEqualTo("/Records/1/Sns/Message");
        assertThat(items.get(1).report().orElseThrow().envelope()).contains(Envelope.SNS_EVENT);
    }

    @Test
    void kafka_values_areRecordsFromTheTopicDestination() {
        KafkaEvent event = Events.kafka("kafka.json");
        List<OnFailureItem> items = OnFailureRecords.from(event);

        assertThat(items).extracting(i -> i.id().text()).containsExactlyInAnyOrder("orders-dlq-0-10",
                "orders-dlq-0-11", "orders-dlq-0-12", "orders-dlq-0-13", "orders-dlq-1-5");
        OnFailureItem topic = byId(items, "orders-dlq-0-10");
        assertThat(topic.status()).isEqualTo(Status.VALID);
        assertThat(topic.record()).contains(fixture("retries.topic.json"));
        assertThat(topic.id()).isEqualTo(new ItemId.KafkaMessage("orders-dlq", 0, 10));
        assertThat(topic.report().orElseThrow().location()).isEqualTo("/records/orders-dlq-0/0/value");
        assertThat(topic.report().orElseThrow().kind()).contains(Kind.TOPIC);

        assertThat(byId(items, "orders-dlq-0-11").report().orElseThrow().codes()).containsExactly("kafka.offset-order");
        OnFailureItem notBase64 = byId(items, "orders-dlq-0-12");
        assertThat(notBase64.status()).isEqualTo(Status.INVALID);
        assertThat(notBase64.report().orElseThrow().codes()).containsExactly("envelope.message-not-json");
        assertThat(notBase64.report().orElseThrow().findings().get(0).message()).contains("not base64");
        OnFailureItem tombstone = byId(items, "orders-dlq-0-13");
        assertThat(tombstone.report().orElseThrow().findings().get(0).message()).contains("the message has no value");
        assertThat(byId(items, "orders-dlq-1-5").record()).contains(fixture("self-managed.sqs-sns.json"));
        // The value decoded is exactly the document.
        String value = event.getRecords().get("orders-dlq-0").get(0).getValue();
        assertThat(topic.record()).contains(CODEC.read(Base64.getDecoder().decode(value)));
    }

    @Test
    void emptyEvents_giveNoItems() {
        assertThat(OnFailureRecords.from(new SQSEvent())).isEmpty();
        assertThat(OnFailureRecords.from(new SNSEvent())).isEmpty();
        assertThat(OnFailureRecords.from(new KafkaEvent())).isEmpty();
    }

    @Test
    void sqs_bodyMissing_isInvalidNotAnException() {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("m-1");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));

        OnFailureItem item = OnFailureRecords.from(event).get(0);

        assertThat(item.status()).isEqualTo(Status.INVALID);
        RecordReport report = item.report().orElseThrow();
        assertThat(report.codes()).containsExactly("envelope.message-not-json");
        assertThat(report.location()).isEqualTo("/Records/0/body");
        assertThat(item.record()).isEqualTo(Optional.empty());
    }

    @Test
    void sqs_bodyThatIsAnEnvelopeOfSeveralRecords_isInvalidNotItsFirstRecord() {
        // A body holding a whole Lambda SQS event (two messages, the second with its offsets the wrong way round):
        // the validator reports both records; the one item of that message must not stand for the first alone.
        String valid = HandMadeRecords.named("self-managed.sqs-sns.json").json();
        String swapped = Corpus.cases().stream().filter(c -> c.file().equals("invalid/kafka.offset-order/swapped.json"))
                .findFirst().orElseThrow().text();
        String nested = "{\"Records\":[{\"body\":" + Json.quote(valid) + "},{\"body\":" + Json.quote(swapped)
                + "}]}";
        String twoValid = "{\"Records\":[{\"body\":" + Json.quote(valid) + "},{\"body\":" + Json.quote(valid)
                + "}]}";
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-0", nested), message("m-1", twoValid), message("m-2", valid)));

        List<OnFailureItem> items = OnFailureRecords.from(event);

        assertThat(items).extracting(OnFailureItem::status).containsExactly(Status.INVALID, Status.INVALID,
                Status.VALID);
        assertThat(items.get(0).record()).isEmpty();
        assertThat(items.get(0).report().orElseThrow().codes()).containsExactly("kafka.offset-order");
        assertThat(items.get(1).record()).isEmpty();
        assertThat(items.get(1).report().orElseThrow().codes()).containsExactly("record.unknown-kind");
        assertThat(items).extracting(i -> i.report().orElseThrow().location()).containsExactly("/Records/0/body",
                "/Records/1/body", "/Records/2/body");
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    static OnFailureItem byId(List<OnFailureItem> items, String id) {
        return items.stream().filter(i -> i.id().text().equals(id)).findFirst().orElseThrow();
    }
}
