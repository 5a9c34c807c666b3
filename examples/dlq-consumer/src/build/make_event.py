#!/usr/bin/env python3
"""Writes examples/dlq-consumer/src/test/resources/sqs-event.json, the Lambda SQS event DlqConsumerTest hands the
function: the SQS queue of a Kafka event source mapping's on-failure destination, with one failure record a message
(raw, or inside an SNS notification when the queue is subscribed to a topic with raw delivery off). The offsets name
the records DlqConsumerTest writes to its broker. Edit this script, run it from the repository root, commit both.
"""
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[4]
OUT = ROOT / "examples/dlq-consumer/src/test/resources/sqs-event.json"

REGION = "eu-west-1"
ACCOUNT = "210987654321"
QUEUE_ARN = f"arn:aws:sqs:{REGION}:{ACCOUNT}:FailureQueue"
TOPIC_ARN = f"arn:aws:sns:{REGION}:{ACCOUNT}:failure-records"
CLUSTER = f"arn:aws:kafka:{REGION}:{ACCOUNT}:cluster/orders-prod/0b4c3a7e-1f2d-4e5a-9b8c-7d6e5f4a3b2c-3"
OTHER_CLUSTER = f"arn:aws:kafka:{REGION}:{ACCOUNT}:cluster/payments-prod/7e6d5c4b-3a2f-4e1d-8c9b-0a1b2c3d4e5f-1"


def failure_record(n, ranges, batch_size, cluster=CLUSTER):
    """An SQS/SNS failure record in AWS's member order; ranges maps topic-partition to (first, last)."""
    return json.dumps({
        "requestContext": {
            "requestId": f"3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5{n}",
            "functionArn": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:orders-consumer",
            "condition": "RetryAttemptsExhausted",
            "approximateInvokeCount": 4,
        },
        "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
        "version": "1.0",
        "timestamp": "2026-11-30T10:00:09.999Z",
        "KafkaBatchInfo": {
            "batchSize": batch_size,
            "eventSourceArn": cluster,
            "bootstrapServers": "b-1.orders-prod.x1y2z3.c3.kafka.eu-west-1.amazonaws.com:9096",
            "payloadSize": 1204,
            "recordsInfo": {
                tp: {
                    "firstRecordOffset": str(first),
                    "lastRecordOffset": str(last),
                    "firstRecordTimestamp": "2026-11-30T10:00:00.000Z",
                    "lastRecordTimestamp": "2026-11-30T10:00:00.950Z",
                } for tp, (first, last) in ranges.items()
            },
        },
    }, separators=(",", ":"))


def sns_notification(n, message):
    """An SNS notification as SQS receives it with raw message delivery off."""
    return json.dumps({
        "Type": "Notification",
        "MessageId": f"9a1b2c3d-4e5f-4a6b-8c7d-00000000000{n}",
        "TopicArn": TOPIC_ARN,
        "Message": message,
        "Timestamp": "2026-11-30T10:00:10.050Z",
        "SignatureVersion": "1",
        "Signature": "EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=",
        "SigningCertURL": f"https://sns.{REGION}.amazonaws.com/SimpleNotificationService-60eadc530605d63b8e62a523676ef735.pem",
        "UnsubscribeURL": f"https://sns.{REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={TOPIC_ARN}:1b2c3d4e",
    }, indent=2)


def sqs_message(n, body):
    return {
        "messageId": f"c0ffee00-0000-4000-8000-00000000000{n}",
        "receiptHandle": f"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a{n}xmpl",
        "body": body,
        "attributes": {
            "ApproximateReceiveCount": "1",
            "SentTimestamp": str(1796032810000 + n),
            "SenderId": "AROAXMPL1234567890ABC:awslambda_123_20261130100009999",
            "ApproximateFirstReceiveTimestamp": str(1796032810050 + n),
        },
        "messageAttributes": {},
        "md5OfBody": hashlib.md5(body.encode("utf-8")).hexdigest(),
        "eventSource": "aws:sqs",
        "eventSourceARN": QUEUE_ARN,
        "awsRegion": REGION,
    }


def main():
    bodies = [
        # 0: two partitions of orders: redriven.
        failure_record(0, {"orders-0": (1, 3), "orders-1": (0, 1)}, 5),
        # 1: its offsets the wrong way round: invalid (kafka.offset-order), fails.
        failure_record(1, {"orders-0": (3, 1)}, 3),
        # 2: inside an SNS notification: redriven.
        sns_notification(2, failure_record(2, {"orders-0": (5, 6)}, 2)),
        # 3: a topic the cluster does not have: fails.
        failure_record(3, {"orders-gone-0": (0, 4)}, 5),
        # 4: retention deleted offsets 0-2 of orders-short-0: 3 and 4 redriven, the message fails.
        failure_record(4, {"orders-short-0": (0, 4)}, 5),
        # 5: from another cluster than the function reads: fails.
        failure_record(5, {"orders-0": (7, 8)}, 2, cluster=OTHER_CLUSTER),
    ]
    event = {"Records": [sqs_message(n, body) for n, body in enumerate(bodies)]}
    OUT.write_text(json.dumps(event, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
