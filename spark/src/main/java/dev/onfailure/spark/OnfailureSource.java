package dev.onfailure.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The Spark data source {@code format("onfailure")}: Kafka failure records (files, directories, buckets; envelopes
 * and NDJSON unwrapped as {@code onfailure validate} does) as rows of {@link FailureRows#SCHEMA}, validated on the
 * executors.
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().format("onfailure")
 *         .option("profile", "strict")                 // tolerant (the default) or strict
 *         .load("s3a://bucket/prefix");
 * rows.groupBy("functionArn", "condition").count().show();
 * rows.where("not valid").select("source", "findings").show(false);
 * }</pre>
 *
 * <p>Options: {@code profile} ({@code tolerant} or {@code strict}); {@code files}: below a directory, {@code all}
 * files (the default: S3 destinations name objects without an extension) except those under a name starting with
 * {@code _} or {@code .}, or {@code records}: only {@code *.json}, {@code *.ndjson} and {@code *.jsonl}, as the
 * command reads directories; {@code maxPartitionBytes} (default {@code spark.sql.files.maxPartitionBytes}) and
 * {@code openCostInBytes} (default {@code spark.sql.files.openCostInBytes}) to pack files into tasks;
 * {@code readAhead}: the files each task fetches while it validates another (default 8 on object stores, where a GET
 * waits for its first byte; 0 on local disk); any {@code fs.*} option is passed to Hadoop (such as
 * {@code fs.s3a.endpoint}); {@code modifiedAfter} and {@code modifiedBefore}: only files last modified strictly after
 * or before a time ({@code 2026-12-01T00:00:00} in the {@code timeZone} option or the session's time zone,
 * {@code 2026-12-01T00:00:00Z}, or a date), and {@code pathGlobFilter}: only files whose name matches a glob
 * ({@code *.json}), named as Spark's file sources name them ({@link Wanted}). Files are never split. Only the columns
 * a query reads are made: {@code kind, count(*)}
 * validates nothing and parses no payload.
 */
public final class OnfailureSource implements TableProvider, DataSourceRegister {

    /** For {@code ServiceLoader}. */
    public OnfailureSource() {
    }

    @Override
    public String shortName() {
        return "onfailure";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        FailureScan.check(options);
        return FailureRows.SCHEMA;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new FailureTable();
    }
}
