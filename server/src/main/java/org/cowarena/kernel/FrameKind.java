package org.cowarena.kernel;

/** What a frame holds: a page-cache page of a program image, or anonymous memory. */
public enum FrameKind {
    FILE, ANON;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
