package dev.onfailure.codegen;

import java.util.List;
import java.util.Objects;

/**
 * A record made invalid by one mutation, labelled with the finding code the mutation must produce.
 *
 * @param text          the document text
 * @param expectedCodes the code(s) a validator must report; no other error may appear
 * @param mutation      what was done, for people
 */
public record InvalidRecord(String text, List<String> expectedCodes, String mutation) {

    /** Checks for nulls and copies the codes. */
    public InvalidRecord {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mutation, "mutation");
        expectedCodes = List.copyOf(expectedCodes);
    }
}
