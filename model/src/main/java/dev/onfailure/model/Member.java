package dev.onfailure.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member of a record or value type: its JSON name and its {@link Spec} (JSON types, required or optional, in
 * tolerant and strict reading). Each type lists its members as an enum in the order AWS writes them, and a
 * {@link MemberTable} over that enum drives reading, writing, checking and generating.
 *
 * <pre>{@code
 * RequestContext.Members m = RequestContext.Members.CONDITION;
 * m.jsonName();                  // "condition"
 * m.spec().required(false);      // true
 * }</pre>
 */
public interface Member {

    /** Returns the member's name in JSON. */
    String jsonName();

    /** Returns the member's types and presence, for every type that has it (a table may override it). */
    Spec spec();

    /**
     * What a member may hold and whether it must be there: its JSON types and presence in tolerant reading, narrowed
     * for strict. Immutable.
     *
     * <pre>{@code
     * Spec.optional(JsonType.STRING, JsonType.NULL).strictly(JsonType.STRING).strictlyRequired();
     * }</pre>
     */
    final class Spec {

        private final boolean required;
        private final boolean strictlyRequired;
        private final Set<JsonType> types;
        private final Set<JsonType> strictTypes;

        private Spec(boolean required, boolean strictlyRequired, Set<JsonType> types, Set<JsonType> strictTypes) {
            this.required = required;
            this.strictlyRequired = strictlyRequired;
            this.types = types;
            this.strictTypes = strictTypes;
        }

        /** A member that must be present, of one of {@code types}. */
        public static Spec required(JsonType first, JsonType... more) {
            Set<JsonType> t = Collections.unmodifiableSet(EnumSet.of(first, more));
            return new Spec(true, true, t, t);
        }

        /** A member that may be absent; when present, of one of {@code types}. */
        public static Spec optional(JsonType first, JsonType... more) {
            Set<JsonType> t = Collections.unmodifiableSet(EnumSet.of(first, more));
            return new Spec(false, false, t, t);
        }

        /** Returns this spec with the member required in strict reading. */
        public Spec strictlyRequired() {
            return new Spec(required, true, types, strictTypes);
        }

        /** Returns this spec with the member's types narrowed to {@code first} and {@code more} in strict reading. */
        public Spec strictly(JsonType first, JsonType... more) {
            return new Spec(required, strictlyRequired, types, Collections.unmodifiableSet(EnumSet.of(first, more)));
        }

        /** Returns true if the member must be present (in strict reading if {@code strict}). */
        public boolean required(boolean strict) {
            return strict ? strictlyRequired : required;
        }

        /** Returns the JSON types the member may have (in strict reading if {@code strict}). */
        public Set<JsonType> types(boolean strict) {
            return strict ? strictTypes : types;
        }

        /** Returns true if the member may be {@code null} (in strict reading if {@code strict}). */
        public boolean nullable(boolean strict) {
            return types(strict).contains(JsonType.NULL);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && required == s.required && strictlyRequired == s.strictlyRequired
                    && types.equals(s.types) && strictTypes.equals(s.strictTypes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(required, strictlyRequired, types, strictTypes);
        }

        @Override
        public String toString() {
            return (required ? "required " : strictlyRequired ? "optional (strict: required) " : "optional ")
                    + types + (strictTypes.equals(types) ? "" : " (strict: " + strictTypes + ")");
        }
    }
}
