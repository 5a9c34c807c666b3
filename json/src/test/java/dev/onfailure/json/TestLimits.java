package dev.onfailure.json;

/**
 * Read limits that only tests choose, shared with the other modules' tests through this module's test jar: the knobs
 * behind them are not API.
 */
public final class TestLimits {

    private TestLimits() {
    }

    /** How many limits {@link #withOne} knows: strings, names, numbers, depth, members, elements, tokens, bytes. */
    public static final int LIMITS = 8;

    /**
     * The default limits with one of them set to {@code value} (capped to an {@code int} where the limit is one):
     * {@code which} 0 to 7 for the longest string, name, number, the depth, members of an object, elements of an
     * array, tokens and bytes of a document.
     */
    public static ReadLimits withOne(int which, long value) {
        int v = (int) Math.min(Integer.MAX_VALUE, value);
        ReadLimits.Builder b = ReadLimits.builder();
        return switch (which) {
            case 0 -> b.maxStringChars(v).build();
            case 1 -> b.maxNameChars(v).build();
            case 2 -> b.maxNumberChars(v).build();
            case 3 -> b.maxDepth(v).build();
            case 4 -> b.maxObjectMembers(v).build();
            case 5 -> b.maxArrayElements(v).build();
            case 6 -> b.maxTokens(value).build();
            case 7 -> b.maxDocumentBytes(value).build();
            default -> throw new IllegalArgumentException("no limit " + which);
        };
    }

    /** The default limits, but every string read from bytes is kept as a slice: the path long S3 payloads take. */
    public static ReadLimits slicingEveryString() {
        return ReadLimits.builder().sliceStringsOver(0).build();
    }
}
