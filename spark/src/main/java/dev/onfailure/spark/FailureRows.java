package dev.onfailure.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of {@code format("onfailure")}: one row per record, in the order the command reports them. A stable
 * contract: columns may be added at the end in later versions, never renamed, retyped or removed.
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().format("onfailure").option("profile", "strict").load("s3a://bucket/prefix");
 * rows.printSchema();                                 // FailureRows.SCHEMA
 * rows.where("not valid").select("source", "findings.code").show(false);
 * }</pre>
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>column</th><th>type</th><th>meaning</th></tr>
 * <tr><td>source</td><td>string</td><td>{@code <path>[:<line>][#<pointer inside an envelope>]} as
 *     {@code onfailure validate --format json} prints it; a local file's path without {@code file:}, any other
 *     file system's URI as given ({@code s3a://bucket/key})</td></tr>
 * <tr><td>kind</td><td>string</td><td>{@code kafka.sqs-sns}, {@code kafka.s3}, {@code kafka.topic}, or null when the
 *     document is no known record</td></tr>
 * <tr><td>valid</td><td>boolean</td><td>no finding is an error (false for a file that could not be read)</td></tr>
 * <tr><td>findings</td><td>array&lt;struct&lt;code, severity, pointer, message&gt;&gt;</td><td>sorted by pointer,
 *     then code</td></tr>
 * <tr><td>readError</td><td>string</td><td>why the file could not be read, in the words the command prints for it on
 *     standard error ({@code cannot read: permission denied}, {@code a broken symbolic link}, {@code not a regular
 *     file}, a symbolic link loop, {@code cannot list the directory: ...}); then {@code valid} is false and no other
 *     column is set; null otherwise</td></tr>
 * <tr><td>envelope</td><td>string</td><td>{@code sns-notification}, {@code sqs-event} or {@code sns-event} when the
 *     record came inside one</td></tr>
 * <tr><td>requestId, functionArn, condition</td><td>string</td><td>{@code requestContext}'s members</td></tr>
 * <tr><td>approximateInvokeCount</td><td>bigint</td><td></td></tr>
 * <tr><td>responseContextState</td><td>string</td><td>{@code absent}, {@code null} or {@code object}</td></tr>
 * <tr><td>responseContext</td><td>struct&lt;statusCode: bigint, executedVersion, functionError&gt;</td><td>when it
 *     is an object</td></tr>
 * <tr><td>version</td><td>string</td><td></td></tr>
 * <tr><td>timestamp</td><td>timestamp</td><td>the record's timestamp where it parses</td></tr>
 * <tr><td>timestampText</td><td>string</td><td>the timestamp exactly as written</td></tr>
 * <tr><td>eventSourceArn, bootstrapServers</td><td>string</td><td>from {@code KafkaBatchInfo}</td></tr>
 * <tr><td>batchSize, payloadSize</td><td>bigint</td><td></td></tr>
 * <tr><td>payloadForm</td><td>string</td><td>{@code string} or {@code object} for S3 and Kafka-topic records</td></tr>
 * <tr><td>ranges</td><td>array&lt;struct&gt;</td><td>one per topic-partition of {@code recordsInfo} (one for a
 *     Kafka-topic record's {@code recordInfo}): {@code key} as written, {@code topic}, {@code partition},
 *     {@code firstOffset}/{@code lastOffset} as decimal(38,0) (null when not a decimal of at most 38 digits) with
 *     {@code firstOffsetText}/{@code lastOffsetText} exactly as written, {@code firstTimestamp}/{@code lastTimestamp}
 *     with their text, and {@code payloadRecords}: the records the payload holds for that topic-partition (null
 *     without a payload, or when the payload is not an event)</td></tr>
 * </table>
 *
 * <p>Every column but {@code source} and {@code valid} is null where the record lacks the member or holds a value of
 * another JSON type (for the bigint columns, also an integer written other than canonically, such as {@code 6.0} or
 * {@code 2E0}): a row describes what arrived, and {@code findings} says what is wrong with it. Spark's strings
 * are UTF-8, so a lone surrogate (which JSON can escape and the command prints as such) becomes U+FFFD.
 */
public final class FailureRows {

    /** Offsets are decimals of up to 38 digits: every int64, and far beyond, without rounding. */
    public static final DecimalType OFFSET = DataTypes.createDecimalType(38, 0);

    /** A finding. */
    public static final StructType FINDING = new StructType(new StructField[] {
        field("code", DataTypes.StringType, false),
        field("severity", DataTypes.StringType, false),
        field("pointer", DataTypes.StringType, false),
        field("message", DataTypes.StringType, false),
    });

    /** The response context, when it is an object. */
    public static final StructType RESPONSE = new StructType(new StructField[] {
        field("statusCode", DataTypes.LongType, true),
        field("executedVersion", DataTypes.StringType, true),
        field("functionError", DataTypes.StringType, true),
    });

    /** One topic-partition's range. */
    public static final StructType RANGE = new StructType(new StructField[] {
        field("key", DataTypes.StringType, true),
        field("topic", DataTypes.StringType, true),
        field("partition", DataTypes.IntegerType, true),
        field("firstOffset", OFFSET, true),
        field("lastOffset", OFFSET, true),
        field("firstOffsetText", DataTypes.StringType, true),
        field("lastOffsetText", DataTypes.StringType, true),
        field("firstTimestamp", DataTypes.TimestampType, true),
        field("lastTimestamp", DataTypes.TimestampType, true),
        field("firstTimestampText", DataTypes.StringType, true),
        field("lastTimestampText", DataTypes.StringType, true),
        field("payloadRecords", DataTypes.LongType, true),
    });

    /** Every column, in order. */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field("source", DataTypes.StringType, false),
        field("kind", DataTypes.StringType, true),
        field("valid", DataTypes.BooleanType, false),
        field("findings", DataTypes.createArrayType(FINDING, false), false),
        field("readError", DataTypes.StringType, true),
        field("envelope", DataTypes.StringType, true),
        field("requestId", DataTypes.StringType, true),
        field("functionArn", DataTypes.StringType, true),
        field("condition", DataTypes.StringType, true),
        field("approximateInvokeCount", DataTypes.LongType, true),
        field("responseContextState", DataTypes.StringType, true),
        field("responseContext", RESPONSE, true),
        field("version", DataTypes.StringType, true),
        field("timestamp", DataTypes.TimestampType, true),
        field("timestampText", DataTypes.StringType, true),
        field("eventSourceArn", DataTypes.StringType, true),
        field("bootstrapServers", DataTypes.StringType, true),
        field("batchSize", DataTypes.LongType, true),
        field("payloadSize", DataTypes.LongType, true),
        field("payloadForm", DataTypes.StringType, true),
        field("ranges", DataTypes.createArrayType(RANGE, false), true),
    });

    private FailureRows() {
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
