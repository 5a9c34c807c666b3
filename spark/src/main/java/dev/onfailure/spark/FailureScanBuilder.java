package dev.onfailure.spark;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** Keeps only the columns (and nested fields) the query reads, so the readers make nothing else. */
final class FailureScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {

    private final CaseInsensitiveStringMap options;
    private final java.util.Map<String, java.util.List<FileSplit.File>> listings;
    private StructType required = FailureRows.SCHEMA;

    FailureScanBuilder(CaseInsensitiveStringMap options,
            java.util.Map<String, java.util.List<FileSplit.File>> listings) {
        this.options = options;
        this.listings = listings;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return new FailureScan(options, required, listings);
    }
}
