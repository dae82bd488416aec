package org.cowarena.level;

/** A puzzle is played alone against its goal; an arena seats several players on one kernel. */
public enum LevelKind {
    PUZZLE, ARENA;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
