package org.cowarena.kernel;

/** The parts of a program image, in vpn order. */
public enum Segment {
    TEXT, DATA, HEAP, STACK;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
