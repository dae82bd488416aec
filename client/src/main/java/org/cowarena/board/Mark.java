package org.cowarena.board;

/** What the last move did to a frame, so the board can point at it. */
public enum Mark {
    NONE, NEW, COPIED, FREED, REUSED;

    Tone tone() {
        return switch (this) {
            case NEW -> Tone.MARK_NEW;
            case COPIED -> Tone.MARK_COPIED;
            case FREED -> Tone.MARK_FREED;
            case REUSED -> Tone.MARK_REUSED;
            case NONE -> Tone.NORMAL;
        };
    }
}
