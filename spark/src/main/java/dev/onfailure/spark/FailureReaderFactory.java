package dev.onfailure.spark;

import dev.onfailure.schema.Profile;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Sent to the executors: what to make of each split. */
final class FailureReaderFactory implements PartitionReaderFactory {

    private static final long serialVersionUID = 1L;

    private final StructType required;
    private final Profile profile;
    private final HadoopConf conf;
    private final int readAhead;

    FailureReaderFactory(StructType required, Profile profile, HadoopConf conf, int readAhead) {
        this.required = required;
        this.profile = profile;
        this.conf = conf;
        this.readAhead = readAhead;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new FailureReader((FileSplit) partition, required, profile, conf.get(), readAhead);
    }
}
