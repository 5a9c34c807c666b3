/**
 * Fetching the discarded Kafka records back by offset and redriving them to a topic, with the conversion between a
 * payload's records and Kafka's {@code ConsumerRecord}s.
 */
module dev.onfailure.redrive {
    requires transitive dev.onfailure.model;
    requires transitive kafka.clients;
    requires com.fasterxml.jackson.core;

    exports dev.onfailure.redrive;
}
