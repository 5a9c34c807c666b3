#!/usr/bin/env python3
"""Writes the Lambda event files under lambda/src/test/resources/events/ from the fixtures.

Each event has the shape Lambda delivers (field for field, as in AWS's documented sample events) and carries fixture
records verbatim as its bodies, messages or values, so tests can compare what the lambda module reads with what
RecordCodec reads from the fixture itself. Edit this script, run it from the repository root, commit both.
"""
import base64
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures/src/main/resources/dev/onfailure/fixtures"
OUT = ROOT / "lambda/src/test/resources/events"

REGION = "eu-west-1"
ACCOUNT = "210987654321"
QUEUE_ARN = f"arn:aws:sqs:{REGION}:{ACCOUNT}:orders-consumer-failures"
TOPIC_ARN = f"arn:aws:sns:{REGION}:{ACCOUNT}:orders-consumer-failures"


def fixture(path):
    return (FIXTURES / path).read_text(encoding="utf-8")


def sqs_message(n, body, queue_arn=QUEUE_ARN, fifo=False):
    attributes = {
        "ApproximateReceiveCount": "1",
        "SentTimestamp": str(1714557609999 + n),
        "SenderId": "AROAXMPL1234567890ABC:awslambda_123_20240501100009999",
        "ApproximateFirstReceiveTimestamp": str(1714557610010 + n),
    }
    if fifo:
        attributes.update({"SequenceNumber": str(18878027350649327616 + n), "MessageGroupId": "orders-consumer",
                           "MessageDeduplicationId": f"dedup-{n}"})
    return {
        "messageId": f"5f0e3c1a-0b6e-4d2a-9c1f-00000000000{n}",
        "receiptHandle": f"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a{n}xmpl",
        "body": body,
        "attributes": attributes,
        "messageAttributes": {},
        "md5OfBody": hashlib.md5(body.encode("utf-8")).hexdigest(),
        "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn,
        "awsRegion": REGION,
    }


def sns_notification(n, message):
    """An SNS notification as SQS receives it with raw message delivery off (keys as SNS writes them)."""
    return json.dumps({
        "Type": "Notification",
        "MessageId": f"9a1b2c3d-4e5f-4a6b-8c7d-00000000000{n}",
        "TopicArn": TOPIC_ARN,
        "Message": message,
        "Timestamp": "2024-05-01T10:00:10.050Z",
        "SignatureVersion": "1",
        "Signature": "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
        "SigningCertURL": f"https://sns.{REGION}.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem",
        "UnsubscribeURL": f"https://sns.{REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={TOPIC_ARN}:1b2c3d4e",
    }, indent=2)


def sns_record(n, message):
    return {
        "EventSource": "aws:sns",
        "EventVersion": "1.0",
        "EventSubscriptionArn": f"{TOPIC_ARN}:1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
        "Sns": {
            "Type": "Notification",
            "MessageId": f"9a1b2c3d-4e5f-4a6b-8c7d-00000000000{n}",
            "TopicArn": TOPIC_ARN,
            "Subject": None,
            "Message": message,
            "Timestamp": "2024-05-01T10:00:10.050Z",
            "SignatureVersion": "1",
            "Signature": "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
            "SigningCertUrl": f"https://sns.{REGION}.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem",
            "UnsubscribeUrl": f"https://sns.{REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={TOPIC_ARN}:1b2c3d4e",
            "MessageAttributes": {},
        },
    }


def s3_record(n, bucket, encoded_key, size):
    return {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "awsRegion": REGION,
        "eventTime": "2024-05-01T10:00:10.000Z",
        "eventName": "ObjectCreated:Put",
        "userIdentity": {"principalId": "AWS:AROAXMPL1234567890ABC:awslambda_123"},
        "requestParameters": {"sourceIPAddress": "10.0.12.34"},
        "responseElements": {"x-amz-request-id": f"C3D13FE58DE4C81{n}",
                             "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
        "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "failure-records",
            "bucket": {"name": bucket, "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                       "arn": f"arn:aws:s3:::{bucket}"},
            "object": {"key": encoded_key, "size": size, "eTag": "0123456789abcdef0123456789abcdef",
                       "sequencer": f"0A1B2C3D4E5F67890{n}"},
        },
    }


def kafka_record(topic, partition, offset, value, key=None, headers=()):
    return {
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "timestamp": 1714557610123 + offset,
        "timestampType": "CREATE_TIME",
        "key": key,
        "value": value,
        "headers": [dict([h]) for h in headers],
    }


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def write(name, event):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_text(json.dumps(event, indent=2) + "\n", encoding="utf-8")


def main():
    edge = fixture("records/edge-values.sqs-sns.json")
    self_managed = fixture("records/self-managed.sqs-sns.json")
    max_payload = fixture("records/max-payload-null-response.sqs-sns.json")
    record_age = fixture("records/record-age-no-response.sqs-sns.json")
    unknown = fixture("records/unknown-fields.sqs-sns.json")
    swapped = fixture("corpus/invalid/kafka.offset-order/swapped.json")
    topic = fixture("records/retries.topic.json")

    # SQS, raw bodies: valid, valid (the tests' handler fails on it), invalid, not JSON, valid.
    write("sqs-raw.json", {"Records": [
        sqs_message(0, edge), sqs_message(1, self_managed), sqs_message(2, swapped),
        sqs_message(3, "{\"requestContext\": "), sqs_message(4, max_payload)]})
    # SQS subscribed to SNS with raw message delivery off: notifications, and a raw body among them.
    write("sqs-sns-wrapped.json", {"Records": [
        sqs_message(0, sns_notification(0, edge)), sqs_message(1, sns_notification(1, swapped)),
        sqs_message(2, record_age), sqs_message(3, sns_notification(3, unknown)),
        sqs_message(4, sns_notification(4, self_managed))]})
    # A FIFO queue: after the first failure every later message fails too.
    fifo_arn = QUEUE_ARN + ".fifo"
    write("sqs-fifo.json", {"Records": [
        sqs_message(0, edge, fifo_arn, True), sqs_message(1, swapped, fifo_arn, True),
        sqs_message(2, max_payload, fifo_arn, True)]})
    # SNS: valid, invalid, valid (the tests' handler fails on it).
    write("sns.json", {"Records": [sns_record(0, edge), sns_record(1, swapped), sns_record(2, self_managed)]})
    # S3: the tests upload the first three objects and leave the fourth out. Keys arrive URL-encoded.
    bucket = "orders-consumer-failures"
    write("s3.json", {"Records": [
        s3_record(0, bucket, "aws/lambda/3f2b8a6e-8d1c-4f3e-9a7b-2c5d6e7f8a9b/orders-0/2024/05/01/"
                              "2024-05-01T10.00.09-7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", 0),
        s3_record(1, bucket, "failures/object+payload%3A1.json", 0),
        s3_record(2, bucket, "failures/payload-mismatch.json", 0),
        s3_record(3, bucket, "failures/missing.json", 0)]})
    # Kafka: the kafka:// destination topic. Values are failure records (base64); one is not base64, one is null.
    cluster = f"arn:aws:kafka:{REGION}:{ACCOUNT}:cluster/orders-prod/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3"
    write("kafka.json", {
        "eventSource": "aws:kafka",
        "eventSourceArn": cluster,
        "bootstrapServers": "b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098,"
                            "b-2.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9098",
        "records": {
            "orders-dlq-0": [
                kafka_record("orders-dlq", 0, 10, b64(topic), b64("order-1200"),
                             [("lambda-source", [111, 114, 100, 101, 114, 115]), ("weird", [-1, -128, 0, 127])]),
                kafka_record("orders-dlq", 0, 11, b64(swapped)),
                kafka_record("orders-dlq", 0, 12, "not base64!"),
                kafka_record("orders-dlq", 0, 13, None),
            ],
            "orders-dlq-1": [kafka_record("orders-dlq", 1, 5, b64(self_managed))],
        }})


if __name__ == "__main__":
    main()
