package dev.onfailure.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The explicit limits a reader enforces, so that hostile input ends with a {@link ReadException.Problem#LIMIT}
 * instead of exhausting memory or the stack.
 *
 * <p>The defaults admit any record Lambda can produce, including an S3 record whose escaped payload is far over the
 * 6 MB invocation limit, and stay within a 256 MB heap:
 *
 * <table>
 *   <caption>Default limits</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>document size</td><td>32 MiB</td><td>a 6 MB batch escaped into an S3 {@code payload} string is about 7 MB;
 *       batches over the limit are what {@code MaximumPayloadSizeExceeded} records describe</td></tr>
 *   <tr><td>string length</td><td>24 Mi chars</td><td>the S3 {@code payload} string</td></tr>
 *   <tr><td>member name length</td><td>64 Ki chars</td><td>topic-partition keys are at most 261 chars</td></tr>
 *   <tr><td>number length</td><td>1,000 chars</td><td>offsets in events are int64 (19 digits)</td></tr>
 *   <tr><td>nesting depth</td><td>128</td><td>records nest about 10 deep, payload included</td></tr>
 *   <tr><td>members per object</td><td>100,000</td><td>a batch has at most 10,000 records, so at most 10,000 topic-partitions</td></tr>
 *   <tr><td>elements per array</td><td>1,000,000</td><td>header values are arrays of bytes</td></tr>
 *   <tr><td>tokens per document</td><td>1,500,000</td><td>bounds the memory of a parsed document (about 100 bytes a
 *       token at worst): a 6 MB batch has a few hundred thousand</td></tr>
 * </table>
 *
 * <pre>{@code
 * ReadLimits tight = ReadLimits.builder().maxDocumentBytes(1 << 20).build();
 * Json.parse(bytes, tight);
 * }</pre>
 */
public final class ReadLimits {

    private static final ReadLimits DEFAULTS = builder().build();

    private final long maxDocumentBytes;
    private final int maxStringChars;
    private final int maxNameChars;
    private final int maxNumberChars;
    private final int maxDepth;
    private final int maxObjectMembers;
    private final int maxArrayElements;
    private final long maxTokens;
    private final int sliceStringsOver;
    private volatile Factory factory;

    private ReadLimits(Builder b) {
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.maxStringChars = b.maxStringChars;
        this.maxNameChars = b.maxNameChars;
        this.maxNumberChars = b.maxNumberChars;
        this.maxDepth = b.maxDepth;
        this.maxObjectMembers = b.maxObjectMembers;
        this.maxArrayElements = b.maxArrayElements;
        this.maxTokens = b.maxTokens;
        this.sliceStringsOver = b.sliceStringsOver;
        this.factory = newFactory();
    }

    private Factory newFactory() {
        return new Factory((com.fasterxml.jackson.core.JsonFactoryBuilder) JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentBytes)
                        .maxStringLength(maxStringChars)
                        .maxNameLength(maxNameChars)
                        .maxNumberLength(maxNumberChars)
                        .maxNestingDepth(maxDepth)
                        .maxTokenCount(maxTokens)
                        .build()));
    }

    /**
     * Jackson's factory, which tells how many member names its shared table holds. Jackson keeps every member name it
     * has read in that table, and each parser copies the whole table the first time it meets a name the table does not
     * hold: with many distinct names (topic-partition keys, generated or from many topics) each small document then
     * costs a copy of thousands of entries. {@link #factory()} starts a fresh table once it holds
     * {@link #MAX_SHARED_NAMES}; the few names every record has are back in it after one document.
     */
    private static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        Factory(com.fasterxml.jackson.core.JsonFactoryBuilder b) {
            super(b);
        }

        int sharedNames() {
            return _byteSymbolCanonicalizer.size();
        }
    }

    /** How many member names Jackson's shared table holds now (for tests). */
    int sharedNames() {
        return factory.sharedNames();
    }

    /** How many member names Jackson's shared table may hold before a fresh one replaces it. */
    static final int MAX_SHARED_NAMES = 256;

    /** Returns the default limits. */
    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    /** Returns a builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from these limits. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxDocumentBytes = maxDocumentBytes;
        b.maxStringChars = maxStringChars;
        b.maxNameChars = maxNameChars;
        b.maxNumberChars = maxNumberChars;
        b.maxDepth = maxDepth;
        b.maxObjectMembers = maxObjectMembers;
        b.maxArrayElements = maxArrayElements;
        b.maxTokens = maxTokens;
        b.sliceStringsOver = sliceStringsOver;
        return b;
    }

    /** The largest document, in bytes (UTF-8) or chars. */
    public long maxDocumentBytes() {
        return maxDocumentBytes;
    }

    /** The longest string value, in chars. */
    public int maxStringChars() {
        return maxStringChars;
    }

    /** The longest member name, in chars. */
    public int maxNameChars() {
        return maxNameChars;
    }

    /** The longest number, in chars. */
    public int maxNumberChars() {
        return maxNumberChars;
    }

    /** The deepest nesting of objects and arrays. */
    public int maxDepth() {
        return maxDepth;
    }

    /** The most members in one object. */
    public int maxObjectMembers() {
        return maxObjectMembers;
    }

    /** The most elements in one array. */
    public int maxArrayElements() {
        return maxArrayElements;
    }

    /** The most tokens in one document. */
    public long maxTokens() {
        return maxTokens;
    }

    /**
     * Strings of at least this many bytes, read from a byte array, are kept as slices of it and decoded on demand
     * (1 MiB by default): an S3 payload is then not held twice. Not API: only tests choose another length, to read
     * every string of a corpus as a slice.
     */
    int sliceStringsOver() {
        return sliceStringsOver;
    }

    JsonFactory factory() {
        Factory f = factory;
        if (f.sharedNames() > MAX_SHARED_NAMES) {
            f = newFactory(); // racing threads may each make one: any of them will do
            factory = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "ReadLimits{maxDocumentBytes=" + maxDocumentBytes + ", maxStringChars=" + maxStringChars
                + ", maxNameChars=" + maxNameChars + ", maxNumberChars=" + maxNumberChars + ", maxDepth=" + maxDepth
                + ", maxObjectMembers=" + maxObjectMembers + ", maxArrayElements=" + maxArrayElements
                + ", maxTokens=" + maxTokens + ", sliceStringsOver=" + sliceStringsOver + "}";
    }

    /** Builds {@link ReadLimits}. */
    public static final class Builder {
        private long maxDocumentBytes = 32L << 20;
        private int maxStringChars = 24 << 20;
        private int maxNameChars = 64 << 10;
        private int maxNumberChars = 1_000;
        private int maxDepth = 128;
        private int maxObjectMembers = 100_000;
        private int maxArrayElements = 1_000_000;
        private long maxTokens = 1_500_000;
        private int sliceStringsOver = 1 << 20;

        private Builder() {
        }

        /** Sets the largest document, in bytes. */
        public Builder maxDocumentBytes(long value) {
            this.maxDocumentBytes = positive(value, "maxDocumentBytes");
            return this;
        }

        /** Sets the longest string value, in chars. */
        public Builder maxStringChars(int value) {
            this.maxStringChars = (int) positive(value, "maxStringChars");
            return this;
        }

        /** Sets the longest member name, in chars. */
        public Builder maxNameChars(int value) {
            this.maxNameChars = (int) positive(value, "maxNameChars");
            return this;
        }

        /** Sets the longest number, in chars. */
        public Builder maxNumberChars(int value) {
            this.maxNumberChars = (int) positive(value, "maxNumberChars");
            return this;
        }

        /** Sets the deepest nesting. */
        public Builder maxDepth(int value) {
            this.maxDepth = (int) positive(value, "maxDepth");
            return this;
        }

        /** Sets the most members in one object. */
        public Builder maxObjectMembers(int value) {
            this.maxObjectMembers = (int) positive(value, "maxObjectMembers");
            return this;
        }

        /** Sets the most elements in one array. */
        public Builder maxArrayElements(int value) {
            this.maxArrayElements = (int) positive(value, "maxArrayElements");
            return this;
        }

        /** Sets the most tokens in one document. */
        public Builder maxTokens(long value) {
            this.maxTokens = positive(value, "maxTokens");
            return this;
        }

        /** Sets the length from which strings read from a byte array are kept as slices (0: every string); for tests. */
        Builder sliceStringsOver(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("sliceStringsOver must not be negative: " + value);
            }
            this.sliceStringsOver = value;
            return this;
        }

        /** Returns the limits. */
        public ReadLimits build() {
            return new ReadLimits(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
