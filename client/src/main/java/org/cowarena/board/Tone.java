package org.cowarena.board;

/** What a piece of text is, which decides how a theme draws it. */
public enum Tone {
    NORMAL, DIM, HEADER, TITLE, SELECTED,
    FREE, FILE, ANON, SHARED,
    /** A page-cache frame no page table maps; shared anonymous memory (MAP_SHARED). */
    CACHED, SHM,
    /** A number that matters most in its line (Private_Dirty: the copy-on-write cost). */
    KEY,
    /** A frame this move allocated (zero fill, page-cache load). */
    MARK_NEW,
    /** A frame this move filled with a copy. */
    MARK_COPIED,
    /** A frame this move freed. */
    MARK_FREED,
    /** A frame this move made writable in place. */
    MARK_REUSED,
    MET, UNMET, MOVE, EVENT, NOTE, REFUSED, INFO
}
