package org.cowarena.kernel;

/**
 * What a frame holds: a page-cache page of a program image ({@code file}), private
 * anonymous memory ({@code anon}), or shared anonymous memory ({@code shm}, a
 * MAP_SHARED | MAP_ANONYMOUS mapping).
 */
public enum FrameKind {
    FILE, ANON, SHM;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
