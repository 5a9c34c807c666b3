package dev.onfailure.spark;

import dev.onfailure.schema.Profile;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Sent to the executors in every task (each task deserialises it anew): what to make of each split. The Hadoop
 * configuration (hundreds of entries) is not in it but broadcast, so an executor reads it once, not once per task;
 * it is absent (null) when every path is local, since local files are read without Hadoop.
 */
final class FailureReaderFactory implements PartitionReaderFactory {

    private static final long serialVersionUID = 1L;

    private final StructType required;
    private final Profile profile;
    private final Broadcast<HadoopConf> conf;
    private final int readAhead;

    FailureReaderFactory(StructType required, Profile profile, Broadcast<HadoopConf> conf, int readAhead) {
        this.required = required;
        this.profile = profile;
        this.conf = conf;
        this.readAhead = readAhead;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new FailureReader((FileSplit) partition, required, profile, conf, readAhead);
    }
}
