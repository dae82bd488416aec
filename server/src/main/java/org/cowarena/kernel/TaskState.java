package org.cowarena.kernel;

/** A process's state as the game shows it. */
public enum TaskState {
    RUNNING, BLOCKED, EXITED, KILLED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean alive() {
        return this == RUNNING || this == BLOCKED;
    }
}
