package org.cowarena.kernel;

/**
 * The parts of a program image, in vpn order: read-only code, initialised data (a private
 * file mapping), heap and stack (private anonymous), then shared anonymous memory
 * (MAP_SHARED | MAP_ANONYMOUS, never copied on write).
 */
public enum Segment {
    TEXT, DATA, HEAP, STACK, SHARED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
