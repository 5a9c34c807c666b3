package dev.onfailure.model;

import dev.onfailure.json.JsonCursor;
import dev.onfailure.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members of one record or value type, in the order AWS writes them, each with its {@link Member.Spec}: the one
 * description of the type that the readers (tree, bytes and tokens), the writer, the fast schema check and the
 * generators work from. Lookups by name (as a string, or as bytes under a {@link JsonCursor}) and the set of
 * required members are computed once, here. Immutable.
 *
 * <pre>{@code
 * RequestContext.TABLE.members();              // [REQUEST_ID, FUNCTION_ARN, CONDITION, APPROXIMATE_INVOKE_COUNT]
 * RequestContext.TABLE.member("condition");    // Optional[CONDITION]
 * RequestContext.TABLE.required(false);        // all four
 * }</pre>
 *
 * <p>{@code MemberTableTest} holds every table to the JSON Schemas: the same member names, required sets and types.
 *
 * @param <M> the enum naming the type's members
 */
public final class MemberTable<M extends Enum<M> & Member> {

    private final String title;
    private final List<M> members;
    /** {@link #members} as an array, for the byte readers' lookup of every name. */
    private final Object[] memberArray;
    private final Set<String> names;
    private final Set<String> integerNames;
    private final Map<String, M> byName;
    private final EnumMap<M, Member.Spec> specs;
    private final JsonCursor.Names cursorNames;
    private final long requiredBits;
    private final long strictlyRequiredBits;
    /** By ordinal: the bit of the member's place among the table's names sorted as strings (for {@link #order}). */
    private final long[] rankBit;
    /** By ordinal plus one: the place in the table of the member after that one (0 for "none seen yet"). */
    private final int[] nextAfter;

    private MemberTable(String title, List<M> members, EnumMap<M, Member.Spec> specs) {
        if (members.size() > 16) {
            throw new IllegalArgumentException("at most 16 members per table");
        }
        this.title = title;
        this.members = List.copyOf(members);
        this.memberArray = this.members.toArray();
        this.specs = specs;
        Set<String> n = new LinkedHashSet<>();
        Set<String> integers = new LinkedHashSet<>();
        Map<String, M> by = new HashMap<>();
        List<String> ordered = new ArrayList<>();
        long required = 0;
        long strictly = 0;
        for (M m : members) {
            n.add(m.jsonName());
            if (specs.get(m).types(false).contains(JsonType.INTEGER)) {
                integers.add(m.jsonName());
            }
            by.put(m.jsonName(), m);
            ordered.add(m.jsonName());
            if (specs.get(m).required(false)) {
                required |= bit(m);
            }
            if (specs.get(m).required(true)) {
                strictly |= bit(m);
            }
        }
        this.names = Collections.unmodifiableSet(n);
        this.integerNames = Collections.unmodifiableSet(integers);
        this.byName = by;
        this.cursorNames = JsonCursor.Names.of(ordered);
        this.requiredBits = required;
        this.strictlyRequiredBits = strictly;
        List<String> sorted = new ArrayList<>(ordered);
        Collections.sort(sorted);
        int maxOrdinal = 0;
        for (M m : members) {
            maxOrdinal = Math.max(maxOrdinal, m.ordinal());
        }
        this.rankBit = new long[maxOrdinal + 1];
        for (M m : members) {
            rankBit[m.ordinal()] = 1L << (RANK_SHIFT + sorted.indexOf(m.jsonName()));
        }
        this.nextAfter = new int[maxOrdinal + 2];
        for (int k = 0; k < this.members.size(); k++) {
            nextAfter[this.members.get(k).ordinal() + 1] = k + 1;
        }
    }

    /** Returns the table of every member of {@code type}, in declaration order; {@code title} names it in messages. */
    public static <M extends Enum<M> & Member> MemberTable<M> of(String title, Class<M> type) {
        return of(title, EnumSet.allOf(type));
    }

    /** Returns the table of {@code members} (of one enum), in declaration order. */
    public static <M extends Enum<M> & Member> MemberTable<M> of(String title, EnumSet<M> members) {
        EnumMap<M, Member.Spec> specs = new EnumMap<>(members.iterator().next().getDeclaringClass());
        members.forEach(m -> specs.put(m, m.spec()));
        return new MemberTable<>(title, new ArrayList<>(members), specs);
    }

    /** Returns this table with {@code member}'s spec replaced, for a type that narrows a shared member. */
    public MemberTable<M> with(M member, Member.Spec spec) {
        if (!specs.containsKey(member)) {
            throw new IllegalArgumentException(member + " is not in " + title);
        }
        EnumMap<M, Member.Spec> copy = new EnumMap<>(specs);
        copy.put(member, spec);
        return new MemberTable<>(title, members, copy);
    }

    /** Returns what the table describes, such as {@code "requestContext"}. */
    public String title() {
        return title;
    }

    /** Returns the members in the order AWS writes them. */
    public List<M> members() {
        return members;
    }

    /** Returns the members' JSON names, in order. */
    public Set<String> names() {
        return names;
    }

    /**
     * Returns the JSON names of the integer members, in order: those whose text a value's {@code numberText} may keep
     * ({@code 1.0}, {@code 2E0}, {@code -0}).
     */
    public Set<String> integerNames() {
        return integerNames;
    }

    /** Returns the member named {@code jsonName}, if the type has one. */
    public Optional<M> member(String jsonName) {
        return Optional.ofNullable(byName.get(jsonName));
    }

    /** Returns {@code member}'s spec in this table. */
    public Member.Spec spec(M member) {
        Member.Spec s = specs.get(member);
        if (s == null) {
            throw new IllegalArgumentException(member + " is not in " + title);
        }
        return s;
    }

    /** Returns the members that must be present (in strict reading if {@code strict}), in order. */
    public List<M> required(boolean strict) {
        List<M> out = new ArrayList<>();
        for (M m : members) {
            if (specs.get(m).required(strict)) {
                out.add(m);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The member named {@code jsonName}, or null: for the readers' inner loops. */
    M get(String jsonName) {
        return byName.get(jsonName);
    }

    /**
     * Moves the cursor to the next member ({@link JsonCursor#nextMember(boolean, JsonCursor.Names, int)}), comparing
     * first, in place, the name AWS writes after the last of the members {@code seen} (a reader's bits, as
     * {@link #order} keeps them): in a record in AWS's order, every name is found without a search.
     */
    boolean next(JsonCursor cursor, boolean first, long seen) {
        int last = 64 - Long.numberOfLeadingZeros(seen & MEMBER_BITS);   // the highest ordinal seen, plus one
        return cursor.nextMember(first, cursorNames, last < nextAfter.length ? nextAfter[last] : -1);
    }

    /** The member whose name the cursor has just read, or null. */
    M get(JsonCursor cursor) {
        int k = cursor.nameIn(cursorNames);
        @SuppressWarnings("unchecked")
        M m = k < 0 ? null : (M) memberArray[k];
        return m;
    }

    /** One bit per member, by its place in the enum: the readers' bookkeeping of what they have seen. */
    static long bit(Enum<?> member) {
        return 1L << member.ordinal();
    }

    /** In a reader's {@code seen} bits: a member came after one AWS writes after it. */
    static final long NOT_AWS_ORDER = 1L << 62;
    /** In a reader's {@code seen} bits: a member's name sorts before one read before it. */
    static final long NOT_SORTED = 1L << 61;
    /** A reader's {@code seen} bits: one per member by ordinal below, one per member by sorted place from here. */
    private static final int RANK_SHIFT = 32;
    private static final long MEMBER_BITS = (1L << RANK_SHIFT) - 1;
    private static final long RANK_BITS = 0xFFFFL << RANK_SHIFT;

    /**
     * Returns a reader's {@code seen} bits updated for member {@code m} read next (without its own member bit): whether
     * the members so far are in AWS's order (none seen that AWS writes after {@code m}), and whether they are sorted
     * (none seen whose name sorts after {@code m}'s), the two orders in which the validator reports no
     * {@code record.member-order}. Members the table does not know are never passed, as the order check ignores them.
     */
    long order(long seen, Enum<?> m) {
        long out = seen;
        if ((seen & MEMBER_BITS & -bit(m)) != 0) {
            out |= NOT_AWS_ORDER;
        }
        long rank = rankBit[m.ordinal()];
        if ((seen & RANK_BITS & -rank) != 0) {
            out |= NOT_SORTED;
        }
        return out | rank;
    }

    /**
     * For the byte readers: true if {@code p} has not failed and every member this table requires is in {@code seen};
     * fails the cursor otherwise.
     */
    boolean complete(dev.onfailure.json.JsonCursor p, long seen) {
        if ((seen & requiredBits) != requiredBits) {
            p.fail();
        }
        return !p.failed();
    }

    /** The bits of the members required in tolerant reading, which the model requires. */
    long requiredBits() {
        return requiredBits;
    }

    /** The bits of the members required in strict reading. */
    long strictlyRequiredBits() {
        return strictlyRequiredBits;
    }

    /** Unknown members may not shadow a known one: the writer would write the name twice. */
    void checkUnknown(Map<String, JsonValue> unknown) {
        for (String name : unknown.keySet()) {
            if (names.contains(name)) {
                throw new IllegalStateException("unknownFields of " + title + " holds the known member \"" + name
                        + "\"; set it through its accessor");
            }
        }
    }

    @Override
    public String toString() {
        return "MemberTable{" + title + ": " + names + "}";
    }
}
