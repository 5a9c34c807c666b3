import json, os
BASE="https://onfailure.dev/schemas/"
import os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "dev", "onfailure", "schema") + "/"
S="https://json-schema.org/draft/2020-12/schema"
INT32="(0|[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])"
INT64="(0|[1-9][0-9]{0,17}|[1-8][0-9]{18}|9[0-1][0-9]{17}|92[0-1][0-9]{16}|922[0-2][0-9]{15}|9223[0-2][0-9]{14}|92233[0-6][0-9]{13}|922337[0-1][0-9]{12}|92233720[0-2][0-9]{10}|922337203[0-5][0-9]{9}|9223372036[0-7][0-9]{8}|92233720368[0-4][0-9]{7}|922337203685[0-3][0-9]{6}|9223372036854[0-6][0-9]{5}|92233720368547[0-6][0-9]{4}|922337203685477[0-4][0-9]{3}|9223372036854775[0-7][0-9]{2}|922337203685477580[0-7])"
KEY="^(?!\\.{1,2}-[0-9]+$)[a-zA-Z0-9._-]{1,249}-" + INT32 + "$"
# What AWS says of a key: a topic and a partition, separated by a hyphen (split on the last one). Kafka's naming rules
# and a canonical int32 partition are inference: the strict schemas add KEY.
KEY_AWS="^[\\s\\S]+-[0-9]+$"
UUID="^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
ISO_LOOSE="^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"
ISO_AWS="^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\\.[0-9]{3}Z$"
LAMBDA_ARN="^arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(-[a-z]+)+-[0-9]:[0-9]{12}:function:[a-zA-Z0-9_-]{1,64}(:(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?$"
MSK_ARN="^arn:aws[a-zA-Z-]*:kafka:[a-z]{2}(-[a-z]+)+-[0-9]:[0-9]{12}:cluster/[a-zA-Z0-9-]{1,64}/[0-9a-fA-F-]{36}(-s?[0-9]+)?$"
HOST="[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]"
# One host:port then any number of ",host:port": written without a repeated group, so that long inputs cannot
# overflow a backtracking regex engine's stack.
BOOTSTRAP="^[A-Za-z0-9._\\[\\]:-]*[A-Za-z0-9.\\]_-]:[0-9]{1,5}$"
BOOTSTRAP_ITEM="^(" + HOST + "):[0-9]{1,5}$"

def w(profile, name, doc):
    path=OUT+profile+"/"+name+".json"
    with open(path,"w") as f:
        json.dump(doc,f,indent=2,ensure_ascii=False); f.write("\n")

def head(profile, name, title, desc):
    return {"$schema": S, "$id": BASE+profile+"/"+name+".json", "title": title, "description": desc}

# ---------------- tolerant ----------------
tc = head("tolerant","kafka.common","Kafka failure records: shared definitions (tolerant)",
  "Definitions shared by the tolerant schemas of Lambda's Kafka on-failure records. Tolerant: what a consumer should accept. Every concrete instance of AWS's documented examples passes; members AWS may add later are allowed.")
tc["$defs"] = {
 "requestContext": {
   "description": "Which invocation failed and why.",
   "type": "object",
   "required": ["requestId","functionArn","condition","approximateInvokeCount"],
   "properties": {
     "requestId": {"description": "The invocation's request id: a UUID in practice (AWS's examples put 'xmpl' in place of hex digits). That it is one is inference, which the strict schema checks.", "type": "string"},
     "functionArn": {"description": "The function's ARN, unqualified or qualified with a version or alias.", "type": "string", "pattern": "^arn:"},
     "condition": {"description": "Why the batch was discarded. Known: RetryAttemptsExhausted, MaximumPayloadSizeExceeded, RecordAgeExceeded, RetriesExhausted; open to values AWS adds.", "type": "string", "minLength": 1},
     "approximateInvokeCount": {"description": "About how many times the batch was tried; not a reliable 'was invoked' flag.", "type": "integer", "minimum": 0, "maximum": 9223372036854775807}
   }
 },
 "responseContext": {
   "description": "What the function returned on its last try; null when it never ran (MaximumPayloadSizeExceeded); AWS omits the member on RecordAgeExceeded records.",
   "type": ["object","null"],
   "required": ["statusCode"],
   "properties": {
     "statusCode": {"description": "The invocation's status: 200 even when the function failed. Any 32-bit integer here (an emulator writes 0 for records that were never sent); the strict profile wants an HTTP status.", "type": "integer", "minimum": -2147483648, "maximum": 2147483647},
     "executedVersion": {"description": "The function version that ran: $LATEST or a version number.", "type": "string"},
     "functionError": {"description": "The kind of function error: Unhandled or Handled.", "type": "string"}
   }
 },
 "conditionResponse": {
   "description": "MaximumPayloadSizeExceeded means the function never ran, so responseContext is null or absent (AWS: \"null if record is MaximumPayloadSizeExceeded\"). That a condition where the function ran needs a responseContext object is inferred, not stated: the strict profile requires it.",
   "allOf": [
     {"if": {"required": ["requestContext"], "properties": {"requestContext": {"description": "The request context of a record whose condition is MaximumPayloadSizeExceeded.", "required": ["condition"], "properties": {"condition": {"description": "MaximumPayloadSizeExceeded.", "const": "MaximumPayloadSizeExceeded"}}}}},
      "then": {"properties": {"responseContext": {"description": "Null: the function never ran.", "type": "null"}}}}
   ]
 },
 "version": {"description": "The record format version: \"1.0\".", "type": "string", "minLength": 1},
 "timestamp": {"description": "An ISO-8601 date-time, UTC in practice, such as 2019-11-14T00:38:06.021Z.", "type": "string", "pattern": ISO_LOOSE},
 "offset": {"description": "A Kafka offset as a string of decimal digits. Kafka offsets are int64, but AWS's example carries 56-digit values, so any length is accepted here.", "type": "string", "pattern": "^[0-9]+$"},
 "topicPartitionKey": {"description": "\"<topic>-<partition>\": a topic, a hyphen and a partition number, as AWS describes every key. Split on the last hyphen. That the topic is a legal Kafka name (1-249 of [a-zA-Z0-9._-], not . or ..) and the partition a canonical int32 is inference, which the strict schemas check.", "type": "string", "pattern": KEY_AWS},
 "recordRange": {
   "description": "The first and last offsets and timestamps of the discarded records of one topic-partition.",
   "type": "object",
   "required": ["firstRecordOffset","lastRecordOffset","firstRecordTimestamp","lastRecordTimestamp"],
   "properties": {
     "firstRecordOffset": {"description": "Offset of the first discarded record.", "$ref": "#/$defs/offset"},
     "lastRecordOffset": {"description": "Offset of the last discarded record.", "$ref": "#/$defs/offset"},
     "firstRecordTimestamp": {"description": "Timestamp of the first discarded record.", "$ref": "#/$defs/timestamp"},
     "lastRecordTimestamp": {"description": "Timestamp of the last discarded record.", "$ref": "#/$defs/timestamp"}
   }
 },
 "batchInfoCommon": {
   "description": "What both KafkaBatchInfo shapes share.",
   "type": "object",
   "required": ["batchSize","bootstrapServers","payloadSize"],
   "properties": {
     "batchSize": {"description": "Number of records in the discarded batch: 1 to 10,000 for Kafka event source mappings.", "type": "integer", "minimum": 1, "maximum": 10000},
     "eventSourceArn": {"description": "The MSK cluster ARN; absent (or null) for self-managed Kafka.", "type": ["string","null"]},
     "bootstrapServers": {"description": "Comma-separated host:port list of the cluster's brokers (AWS's example shows \"...\").", "type": "string"},
     "payloadSize": {"description": "Size in bytes of the invocation payload Lambda would have sent.", "type": "integer", "minimum": 0, "maximum": 9223372036854775807}
   }
 },
 "batchInfo": {
   "description": "KafkaBatchInfo of an SQS/SNS or S3 record: the discarded batch, one recordsInfo entry per topic-partition. Tools such as the Go emulator gopherstack write one record per failed Kafka record instead, with a single recordInfo and no recordsInfo: accepted here (the validator reports kafka.single-record-info), refused by the strict profile.",
   "allOf": [{"$ref": "#/$defs/batchInfoCommon"}],
   "type": "object",
   "if": {"required": ["recordInfo"]},
   "else": {"required": ["recordsInfo"]},
   "properties": {
     "recordsInfo": {"description": "One entry per topic-partition, keyed \"<topic>-<partition>\".", "type": "object", "minProperties": 1,
        "propertyNames": {"$ref": "#/$defs/topicPartitionKey"},
        "additionalProperties": {"$ref": "#/$defs/recordRange"}},
     "recordInfo": {"description": "One failed record's offset and timestamp, where AWS documents recordsInfo (the single-record form of emulators).", "$ref": "#/$defs/recordInfo"}
   }
 },
 "recordInfo": {
   "description": "recordInfo of a Kafka-topic record: the one failed record's offset and timestamp.",
   "type": "object",
   "required": ["offset","timestamp"],
   "properties": {
     "offset": {"description": "Offset of the failed record.", "$ref": "#/$defs/offset"},
     "timestamp": {"description": "Timestamp of the failed record.", "$ref": "#/$defs/timestamp"}
   }
 },
 "topicBatchInfo": {
   "description": "KafkaBatchInfo of a Kafka-topic record: recordInfo (singular) in place of recordsInfo.",
   "allOf": [{"$ref": "#/$defs/batchInfoCommon"}],
   "type": "object",
   "required": ["recordInfo"],
   "properties": {
     "recordInfo": {"description": "The failed record's offset and timestamp.", "$ref": "#/$defs/recordInfo"}
   }
 },
 "recordCore": {
   "description": "The members every Kafka failure record has.",
   "type": "object",
   "required": ["requestContext","version","timestamp","KafkaBatchInfo"],
   "properties": {
     "requestContext": {"description": "Which invocation failed and why.", "$ref": "#/$defs/requestContext"},
     "responseContext": {"description": "What the function returned: an object, null, or absent.", "$ref": "#/$defs/responseContext"},
     "version": {"description": "The record format version.", "$ref": "#/$defs/version"},
     "timestamp": {"description": "When Lambda made the record.", "$ref": "#/$defs/timestamp"}
   },
   "allOf": [{"$ref": "#/$defs/conditionResponse"}]
 }
}
w("tolerant","kafka.common",tc)

d = head("tolerant","kafka.sqs-sns","Kafka failure record for SQS and SNS destinations (tolerant)",
  "The JSON document Lambda sends to an SQS queue or SNS topic when a Kafka event source mapping (Amazon MSK or self-managed Apache Kafka) discards a batch.")
d.update({"type":"object","allOf":[{"$ref":"kafka.common.json#/$defs/recordCore"}],
  "properties":{"KafkaBatchInfo":{"description":"The discarded batch.","$ref":"kafka.common.json#/$defs/batchInfo"}}})
w("tolerant","kafka.sqs-sns",d)

d = head("tolerant","kafka.s3","Kafka failure record for S3 destinations (tolerant)",
  "The object Lambda writes to an S3 bucket: the SQS/SNS record plus payload, the whole invocation event.")
d.update({"type":"object","allOf":[{"$ref":"kafka.common.json#/$defs/recordCore"}],"required":["payload"],
  "properties":{"KafkaBatchInfo":{"description":"The discarded batch.","$ref":"kafka.common.json#/$defs/batchInfo"},
    "payload":{"description":"The whole invocation event: an escaped JSON string (as AWS documents it) or a JSON object (as emulators write it). AWS's example shows the placeholder \"<Whole Event>\".",
       "if":{"type":"string"},"then":{"contentMediaType":"application/json","contentSchema":{"$ref":"kafka.event.json"}},"else":{"description":"An object; that it is an invocation event is what AWS describes, but its own example holds a placeholder, so only the strict schema requires it.","type":"object"}}}})
w("tolerant","kafka.s3",d)

d = head("tolerant","kafka.topic","Kafka failure record for Kafka-topic destinations (tolerant)",
  "The value of a message Lambda writes to a kafka:// destination topic, one per failed record: recordInfo names the record, payload holds the invocation event reduced to it.")
d.update({"type":"object","allOf":[{"$ref":"kafka.common.json#/$defs/recordCore"}],"required":["payload"],
  "properties":{"KafkaBatchInfo":{"description":"The failed record.","$ref":"kafka.common.json#/$defs/topicBatchInfo"},
    "payload":{"description":"The invocation event holding the failed record: a JSON object in AWS's example; an escaped string is tolerated.",
       "if":{"type":"string"},"then":{"contentMediaType":"application/json","contentSchema":{"$ref":"kafka.event.json"}},"else":{"description":"An object; the strict schema requires the invocation event.","type":"object"}}}})
w("tolerant","kafka.topic",d)

d = head("tolerant","kafka.event","Kafka invocation event (tolerant)",
  "The event Lambda passes to a function for a Kafka batch, and what the payload of an S3 or Kafka-topic failure record holds.")
d.update({"type":"object","required":["eventSource","records"],
 "properties":{
   "eventSource":{"description":"aws:kafka for Amazon MSK, SelfManagedKafka for self-managed Apache Kafka.","type":"string"},
   "eventSourceArn":{"description":"The MSK cluster ARN; absent for self-managed Kafka.","type":["string","null"]},
   "bootstrapServers":{"description":"Comma-separated host:port list of the brokers.","type":["string","null"]},
   "records":{"description":"The records, grouped by \"<topic>-<partition>\".","type":"object",
      "propertyNames":{"$ref":"kafka.common.json#/$defs/topicPartitionKey"},
      "additionalProperties":{"type":"array","items":{"$ref":"#/$defs/record"}}}},
 "$defs":{
   "record":{"description":"One Kafka record.","type":"object",
     "required":["topic","partition","offset","timestamp","timestampType"],
     "properties":{
       "topic":{"description":"The record's topic.","type":"string","minLength":1},
       "partition":{"description":"The record's partition: a JSON number here, unlike in the failure record.","type":"integer","minimum":0,"maximum":2147483647},
       "offset":{"description":"The record's offset: a JSON number here, unlike in the failure record; int64.","type":"integer","minimum":0,"maximum":9223372036854775807},
       "timestamp":{"description":"The record's timestamp, epoch milliseconds; int64.","type":"integer","minimum":-9223372036854775808,"maximum":9223372036854775807},
       "timestampType":{"description":"CREATE_TIME or LOG_APPEND_TIME.","type":"string"},
       "key":{"description":"The record key, base64; absent or null when the record has none.","type":["string","null"]},
       "value":{"description":"The record value, base64; null for a tombstone.","type":["string","null"]},
       "headers":{"description":"The record headers: one-member objects whose value is an array of signed bytes; names may repeat.","type":"array","items":{"$ref":"#/$defs/header"}},
       "keySchemaMetadata":{"description":"Schema registry metadata of the key.","$ref":"#/$defs/schemaMetadata"},
       "valueSchemaMetadata":{"description":"Schema registry metadata of the value.","$ref":"#/$defs/schemaMetadata"}}},
   "header":{"description":"One header: {\"name\": [bytes]}.","type":"object","minProperties":1,"maxProperties":1,
      "additionalProperties":{"description":"The header value as bytes: signed (-128 to 127) as AWS writes them, or unsigned (up to 255) as some tools do (the validator reports kafka.header-unsigned).","type":"array","items":{"type":"integer","minimum":-128,"maximum":255}}},
   "schemaMetadata":{"description":"Schema registry metadata: the data format and the schema's id.","type":"object","required":["dataFormat","schemaId"],
      "properties":{"dataFormat":{"description":"AVRO, PROTOBUF or JSON.","type":"string"},"schemaId":{"description":"The schema's id in the registry.","type":"string"}}}}})
w("tolerant","kafka.event",d)

# ---------------- strict ----------------
BOOT = {"description": "host:port[,host:port...], a real broker list (placeholders such as \"...\" fail).",
  "$comment": "Four patterns without a repeated group, so that no regular-expression engine backtracks or recurses per item on long input.",
  "type": "string",
  "allOf": [
    {"description": "Only host, port and separator characters.", "pattern": "^[A-Za-z0-9._:,\\[\\]-]+$"},
    {"description": "The last item ends with :port.", "pattern": ":[0-9]{1,5}$"},
    {"description": "No empty item and no item without a host.", "not": {"pattern": "^[,:]|,[,:]|,$"}},
    {"description": "Every item ends with :port of at most five digits.", "not": {"pattern": "[^0-9],|(^|[^:0-9])[0-9]+,|[0-9]{6},|(^|[^:0-9])[0-9]+$|[0-9]{6}$"}}]}
def lit(desc): return {"description": desc}
sc = head("strict","kafka.common","Kafka failure records: shared definitions (strict)",
  "Definitions shared by the strict schemas: what a conformant producer emits. Each strict definition narrows the tolerant one (they are applied together) and admits no member the format does not define.")
sc["$defs"] = {
 "requestContext": {"description":"Strict requestContext.", "$ref":"../tolerant/kafka.common.json#/$defs/requestContext",
   "properties":{
     "requestId":{"description":"A UUID (placeholders such as AWS's 'xmpl' fail).","pattern":UUID},
     "functionArn":{"description":"A Lambda function ARN, unqualified or with a version or alias.","pattern":LAMBDA_ARN},
     "condition":lit("Why the batch was discarded."),
     "approximateInvokeCount":lit("About how many times the batch was tried.")},
   "additionalProperties": False},
 "responseContext": {"description":"Strict responseContext.", "$ref":"../tolerant/kafka.common.json#/$defs/responseContext",
   "required":["statusCode","executedVersion"],
   "properties":{
     "statusCode":{"description":"The invocation's HTTP status.","minimum":100,"maximum":599},
     "executedVersion":{"description":"$LATEST or a version number.","pattern":"^(\\$LATEST|[0-9]+)$"},
     "functionError":{"description":"Unhandled or Handled.","enum":["Unhandled","Handled"]}},
   "additionalProperties": False},
 "version":{"description":"Always \"1.0\".","$ref":"../tolerant/kafka.common.json#/$defs/version","const":"1.0"},
 "timestamp":{"description":"UTC with exactly three fraction digits and Z, as Lambda writes it.","$ref":"../tolerant/kafka.common.json#/$defs/timestamp","pattern":ISO_AWS,"format":"date-time"},
 "offset":{"description":"A Kafka offset: canonical decimal from 0 to 9223372036854775807 (int64).","$ref":"../tolerant/kafka.common.json#/$defs/offset","pattern":"^"+INT64+"$"},
 "recordRange":{"description":"Strict recordsInfo entry.","$ref":"../tolerant/kafka.common.json#/$defs/recordRange",
   "properties":{
     "firstRecordOffset":{"description":"Offset of the first discarded record.","$ref":"#/$defs/offset"},
     "lastRecordOffset":{"description":"Offset of the last discarded record.","$ref":"#/$defs/offset"},
     "firstRecordTimestamp":{"description":"Timestamp of the first discarded record.","$ref":"#/$defs/timestamp"},
     "lastRecordTimestamp":{"description":"Timestamp of the last discarded record.","$ref":"#/$defs/timestamp"}},
   "additionalProperties": False},
 "batchInfoCommonProperties":{
   "description":"Strict forms of the members both KafkaBatchInfo shapes share.",
   "properties":{
     "batchSize":lit("Number of records in the discarded batch."),
     "eventSourceArn":{"description":"An MSK cluster ARN; leave the member out for self-managed Kafka.","type":"string","pattern":MSK_ARN},
     "bootstrapServers":BOOT,
     "payloadSize":lit("Size in bytes of the invocation payload.")}},
 "batchInfo":{"description":"Strict KafkaBatchInfo of SQS/SNS and S3 records.","$ref":"../tolerant/kafka.common.json#/$defs/batchInfo",
   "allOf":[{"$ref":"#/$defs/batchInfoCommonProperties"}],
   "properties":{
     "batchSize":lit("Number of records in the discarded batch."),
     "eventSourceArn":lit("The MSK cluster ARN."),
     "bootstrapServers":lit("The brokers."),
     "payloadSize":lit("Size in bytes of the invocation payload."),
     "recordsInfo":{"description":"One entry per topic-partition, keyed by a legal Kafka topic name, a hyphen and a canonical int32 partition.","propertyNames":{"pattern":KEY},"additionalProperties":{"$ref":"#/$defs/recordRange"}}},
   "additionalProperties": False},
 "topicBatchInfo":{"description":"Strict KafkaBatchInfo of Kafka-topic records.","$ref":"../tolerant/kafka.common.json#/$defs/topicBatchInfo",
   "allOf":[{"$ref":"#/$defs/batchInfoCommonProperties"}],
   "properties":{
     "batchSize":{"description":"Always 1: one message per failed record.","const":1},
     "eventSourceArn":lit("The MSK cluster ARN."),
     "bootstrapServers":lit("The brokers."),
     "payloadSize":lit("Size in bytes of the invocation payload."),
     "recordInfo":{"description":"The failed record's offset and timestamp.","properties":{
         "offset":{"description":"Offset of the failed record.","$ref":"#/$defs/offset"},
         "timestamp":{"description":"Timestamp of the failed record.","$ref":"#/$defs/timestamp"}},
       "additionalProperties": False}},
   "additionalProperties": False},
 "recordCoreProperties":{"description":"Strict forms of the members every Kafka failure record has.",
   "properties":{
     "requestContext":{"description":"Which invocation failed and why.","$ref":"#/$defs/requestContext"},
     "responseContext":{"description":"An object, or null when the function never ran.","if":{"type":"object"},"then":{"$ref":"#/$defs/responseContext"}},
     "version":{"description":"The record format version.","$ref":"#/$defs/version"},
     "timestamp":{"description":"When Lambda made the record.","$ref":"#/$defs/timestamp"}}},
 "conditionResponse":{"description":"RetryAttemptsExhausted and RetriesExhausted mean the function ran and failed, so a conformant producer writes responseContext as an object (inferred from AWS's examples, which show one with each).",
   "allOf":[
     {"if":{"required":["requestContext"],"properties":{"requestContext":{"description":"The request context of a record whose condition says the function ran.","required":["condition"],"properties":{"condition":{"description":"RetryAttemptsExhausted or RetriesExhausted.","enum":["RetryAttemptsExhausted","RetriesExhausted"]}}}}},
      "then":{"required":["responseContext"],"properties":{"responseContext":{"description":"An object: the function ran and failed.","type":"object"}}}}]},
 "payloadString":{"description":"The whole invocation event as an escaped JSON string: JSON text of an object (placeholders such as \"<Whole Event>\" fail).",
   "type":"string","pattern":"^\\s*\\{","contentMediaType":"application/json","contentSchema":{"$ref":"kafka.event.json"}}
}
w("strict","kafka.common",sc)

def strict_record(name, title, desc, batch, payload):
    d = head("strict", name, title, desc)
    props = {"requestContext":lit("Which invocation failed and why."),"responseContext":lit("What the function returned."),
             "version":lit("The record format version."),"timestamp":lit("When Lambda made the record."),
             "KafkaBatchInfo":{"description":"The discarded batch.","$ref":"kafka.common.json#/$defs/"+batch}}
    if payload: props["payload"]=payload
    d.update({"$ref":"../tolerant/"+name+".json","allOf":[{"$ref":"kafka.common.json#/$defs/recordCoreProperties"},{"$ref":"kafka.common.json#/$defs/conditionResponse"}],
      "properties":props,"additionalProperties":False})
    return d

w("strict","kafka.sqs-sns",strict_record("kafka.sqs-sns","Kafka failure record for SQS and SNS destinations (strict)",
  "What a conformant producer sends to an SQS queue or SNS topic for a discarded Kafka batch.","batchInfo",None))
w("strict","kafka.s3",strict_record("kafka.s3","Kafka failure record for S3 destinations (strict)",
  "What a conformant producer writes to an S3 bucket for a discarded Kafka batch.","batchInfo",
  {"description":"The whole invocation event, as an escaped JSON string or an object.","if":{"type":"string"},"then":{"$ref":"kafka.common.json#/$defs/payloadString"},"else":{"$ref":"kafka.event.json"}}))
w("strict","kafka.topic",strict_record("kafka.topic","Kafka failure record for Kafka-topic destinations (strict)",
  "What a conformant producer writes to a kafka:// destination topic for one failed record.","topicBatchInfo",
  {"description":"The invocation event holding exactly the one failed record, as an object.","$ref":"kafka.event.json",
   "properties":{"records":{"description":"Exactly one topic-partition with exactly one record.","minProperties":1,"maxProperties":1,
      "additionalProperties":{"minItems":1,"maxItems":1}}}}))

d = head("strict","kafka.event","Kafka invocation event (strict)","What a conformant producer puts in an invocation event for a Kafka batch.")
d.update({"$ref":"../tolerant/kafka.event.json",
 "properties":{
   "eventSource":{"description":"aws:kafka or SelfManagedKafka.","enum":["aws:kafka","SelfManagedKafka"]},
   "eventSourceArn":{"description":"The MSK cluster ARN.","type":"string","pattern":MSK_ARN},
   "bootstrapServers":BOOT,
   "records":{"description":"The records, grouped by topic-partition (a legal Kafka topic name, a hyphen and a canonical int32 partition); none empty.","minProperties":1,"propertyNames":{"pattern":KEY},"additionalProperties":{"minItems":1,"items":{"$ref":"#/$defs/record"}}}},
 "required":["bootstrapServers"],
 "allOf":[
   {"if":{"type":"object","required":["eventSource"],"properties":{"eventSource":{"description":"aws:kafka.","const":"aws:kafka"}}},"then":{"required":["eventSourceArn"]}},
   {"if":{"type":"object","required":["eventSource"],"properties":{"eventSource":{"description":"SelfManagedKafka.","const":"SelfManagedKafka"}}},"then":{"not":{"required":["eventSourceArn"]}}}],
 "additionalProperties":False,
 "$defs":{"record":{"description":"Strict Kafka record.",
   "properties":{
     "topic":{"description":"A legal Kafka topic name.","pattern":"^(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}$"},
     "partition":lit("The record's partition."),
     "offset":{"description":"The record's offset, at most int64.","maximum":9223372036854775807},
     "timestamp":{"description":"Epoch milliseconds, not negative.","minimum":0},
     "timestampType":{"description":"CREATE_TIME or LOG_APPEND_TIME.","enum":["CREATE_TIME","LOG_APPEND_TIME"]},
     "key":{"description":"Base64, or null.","type":["string","null"],"pattern":"^[A-Za-z0-9+/]*={0,2}$"},
     "value":{"description":"Base64, or null for a tombstone.","type":["string","null"],"pattern":"^[A-Za-z0-9+/]*={0,2}$"},
     "headers":{"description":"The record headers, their bytes signed as AWS writes them.","items":{"additionalProperties":{"items":{"maximum":127}}}},
     "keySchemaMetadata":{"description":"Schema registry metadata of the key.","$ref":"#/$defs/schemaMetadata"},
     "valueSchemaMetadata":{"description":"Schema registry metadata of the value.","$ref":"#/$defs/schemaMetadata"}},
   "required":["headers"],
   "additionalProperties":False},
  "schemaMetadata":{"description":"Strict schema registry metadata.","properties":{
     "dataFormat":{"description":"AVRO, PROTOBUF or JSON.","enum":["AVRO","PROTOBUF","JSON"]},
     "schemaId":{"description":"The schema's id.","minLength":1}},"additionalProperties":False}}})
w("strict","kafka.event",d)
print("written")
