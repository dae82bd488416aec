package org.cowarena.level;

/** A place in a level file, 1-based, for messages people read. */
public record Pos(int line, int column) {
    public static final Pos UNKNOWN = new Pos(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
