package org.cowarena.level;

/** One problem with a level, shown as {@code file:line:column: message}. */
public record LevelProblem(String source, Pos pos, String message) {
    @Override
    public String toString() {
        return pos.line() > 0 ? source + ":" + pos.line() + ":" + pos.column() + ": " + message
                : source + ": " + message;
    }
}
