package org.cowarena.level;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which moves a level allows (by verb, e.g. {@code fork}) and how many moves play may
 * take. {@code pass} is always allowed.
 */
/**
 * What the player may do.
 *
 * @param only the pids the player may move (with the processes they fork during play);
 *             empty when the player may move every process
 */
public record MoveRules(List<String> allowed, OptionalInt limit, List<Integer> only) {
    public static final List<String> ALL_VERBS =
            List.of("fork", "vfork", "exec", "write", "read", "exit", "madvise", "pass");
    /** What a level that says nothing allows: madvise only in advanced levels that name it. */
    public static final List<String> DEFAULT_VERBS = List.of("fork", "vfork", "exec", "write", "read", "exit", "pass");

    public MoveRules {
        allowed = List.copyOf(allowed);
        only = List.copyOf(only);
    }

    public MoveRules(List<String> allowed, OptionalInt limit) {
        this(allowed, limit, List.of());
    }

    public boolean allows(String verb) {
        return "pass".equals(verb) || allowed.contains(verb);
    }
}
