package org.cowarena.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.cowarena.game.ActorMove;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameKind;
import org.cowarena.level.Level;
import org.cowarena.report.Narrator;

/**
 * The log: each move and the narrator's sentence for each event it caused. The first time
 * an event type happens, the level's {@code explain} note follows (the narrator adds it), or,
 * when the level has none, a deeper explanation of our own ({@code depth.properties}).
 */
public final class LogBook {
    private static final int KEEP = 500;

    private final List<BoardView.LogLine> lines = new ArrayList<>();
    private final Set<String> explained = new HashSet<>();
    private final ResourceBundle depth;
    private final Level level;
    private Narrator narrator;

    public LogBook(Narrator narrator, Level level) {
        this.narrator = narrator;
        this.level = level;
        this.depth = ResourceBundle.getBundle("org.cowarena.board.depth", Locale.forLanguageTag(narrator.language()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A fresh game object (a snapshot, an undo) keeps the log: the narrator reads the new one. */
    public void rebind(Narrator fresh) {
        this.narrator = fresh;
    }

    public Narrator narrator() {
        return narrator;
    }

    /** A move played, by {@code who} (empty in solo), and what it did. */
    public void move(String who, Turn turn) {
        add("› " + (who.isEmpty() ? "" : who + ": ") + turn.move().notation(), Tone.MOVE);
        String notePrefix = narrator.say("note", "").strip();
        for (String sentence : narrator.narrate(turn)) {
            add("  " + sentence.strip(), !turn.outcome().ok() ? Tone.REFUSED
                    : sentence.strip().startsWith(notePrefix) ? Tone.NOTE : Tone.EVENT);
        }
        List<Event> events = new ArrayList<>(turn.outcome().events());
        for (ActorMove a : turn.actors()) {
            events.addAll(a.outcome().events());
        }
        for (Event e : events) {
            if (e instanceof Event.Alloc a && a.kind() != FrameKind.FILE) {
                continue; // told by the fault that made it
            }
            String key = level.explainKey(e);
            if (explained.add(key) && level.explain(key, narrator.language()).isEmpty()
                    && depth.containsKey(e.type())) {
                add("  " + depth.getString(e.type()), Tone.NOTE);
            }
        }
    }

    public void add(String text, Tone tone) {
        lines.add(new BoardView.LogLine(text, tone));
        if (lines.size() > KEEP) {
            lines.subList(0, lines.size() - KEEP).clear();
        }
    }

    public List<BoardView.LogLine> lines() {
        return List.copyOf(lines);
    }
}
