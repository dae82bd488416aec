package org.cowarena.board;

import org.cowarena.kernel.TaskState;
import org.cowarena.protocol.Messages;
import org.cowarena.protocol.Reasons;
import org.cowarena.report.Phrasebook;

/**
 * The words around the game — the board's headings, the key lines, the dialogs, the menu —
 * in the player's language ({@code chrome.properties}, {@code chrome_zh.properties}). What the
 * game says about a move is the narrator's; this is everything else.
 */
public final class Chrome {
    private static final String BUNDLE = "org.cowarena.board.chrome";
    /** Shared (a Chrome only reads its bundle): English is asked for on every redraw of the projector. */
    private static final Chrome ENGLISH = of("en");

    private final Phrasebook text;

    private Chrome(Phrasebook text) {
        this.text = text;
    }

    /** The chrome in {@code language} (en, zh); English for any other. */
    public static Chrome of(String language) {
        return new Chrome(Phrasebook.load(BUNDLE, language));
    }

    public static Chrome english() {
        return ENGLISH;
    }

    public String language() {
        return text.language();
    }

    /** A phrase filled in as the narration's are (no digit grouping). */
    public String say(String key, Object... args) {
        return text.say(key, args);
    }

    /** The phrase for {@code key} when the bundle has one, else {@code fallback} as it is. */
    public String sayOr(String key, String fallback) {
        return text.has(key) ? text.say(key) : fallback;
    }

    /**
     * A reason the server gave — its code, arguments and English text — in this language
     * ({@link Reasons#say}): the English text for a code this client does not know.
     */
    public String reason(String code, String[] args, String text) {
        return Reasons.say(code, args, text, language());
    }

    public String reason(Messages.Refusal r) {
        return reason(r.code, r.args, r.reason);
    }

    public String reason(Messages.MoveRefused r) {
        return reason(r.code, r.args, r.reason);
    }

    public String reason(Messages.TeacherReply r) {
        return reason(r.code, r.args, r.reason);
    }

    /** "moves 3, 2 left", or "moves 3" when the level sets no limit ({@code left} -1). */
    public String moves(int moves, int left) {
        return left >= 0 ? say("moves.left", moves, left) : say("moves", moves);
    }

    public String state(TaskState state) {
        return say("state." + state.label());
    }
}
