package org.cowarena.move;

import java.util.Arrays;
import java.util.Optional;

/** The madvise(2) advice values the game knows, with their notation names. */
public enum Advice {
    /** MADV_DONTFORK: the range is absent from a child after fork. */
    DONTFORK("dontfork"),
    /** MADV_DOFORK: undoes MADV_DONTFORK. */
    DOFORK("dofork"),
    /** MADV_WIPEONFORK: a child sees the range as untouched, zero-filled memory. */
    WIPEONFORK("wipeonfork"),
    /** MADV_KEEPONFORK: undoes MADV_WIPEONFORK. */
    KEEPONFORK("keeponfork"),
    /** MADV_HUGEPAGE: the range may be backed by transparent huge pages. */
    HUGEPAGE("hugepage"),
    /** MADV_NOHUGEPAGE: new faults in the range use small pages only. */
    NOHUGEPAGE("nohugepage");

    private final String notation;

    Advice(String notation) {
        this.notation = notation;
    }

    public String notation() {
        return notation;
    }

    public static Optional<Advice> fromNotation(String word) {
        return Arrays.stream(values()).filter(a -> a.notation.equals(word)).findFirst();
    }
}
