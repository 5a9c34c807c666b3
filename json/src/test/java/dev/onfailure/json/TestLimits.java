package dev.onfailure.json;

/**
 * Read limits that only tests choose, shared with the other modules' tests through this module's test jar: the knobs
 * behind them are not API.
 */
public final class TestLimits {

    private TestLimits() {
    }

    /** The default limits, but every string read from bytes is kept as a slice: the path long S3 payloads take. */
    public static ReadLimits slicingEveryString() {
        return ReadLimits.builder().sliceStringsOver(0).build();
    }
}
