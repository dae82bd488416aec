package org.cowarena.kernel;

/** One physical frame as players see it; {@code kind} is null for a free frame. */
public record FrameInfo(int frame, FrameKind kind, String value, int refs, String chargedTo) {
    public boolean free() {
        return kind == null;
    }
}
