package dev.onfailure.json;

/** How a writer lays out the text. */
public enum Layout {
    /** No whitespace at all: the form of SQS and SNS message bodies. */
    COMPACT,
    /** Two-space indentation, one member or element per line, {@code "name": value}. */
    PRETTY
}
