package dev.onfailure.spark;

import java.util.EnumSet;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Failure records read as a batch. One table stands behind a {@code load()}'s DataFrame and every query made from it,
 * and holds the files its first query listed: later queries read the same files without listing again (a prefix of
 * millions of objects takes minutes to list), as Spark's own file sources list once per {@code load()}. Another
 * {@code load()} lists anew.
 */
final class FailureTable implements SupportsRead {

    /** The files listed, by what decided them (paths, options, time zone): see {@link FailureScan#listingKey}. */
    private final java.util.Map<String, java.util.List<FileSplit.File>> listings =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String name() {
        return "onfailure";
    }

    @Override
    @Deprecated
    public StructType schema() {
        return FailureRows.SCHEMA;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return new FailureScanBuilder(options, listings);
    }
}
