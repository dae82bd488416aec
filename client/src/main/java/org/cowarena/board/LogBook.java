package org.cowarena.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.cowarena.game.ActorMove;
import org.cowarena.game.Turn;
import org.cowarena.kernel.Event;
import org.cowarena.kernel.FrameKind;
import org.cowarena.kernel.Outcome;
import org.cowarena.level.Level;
import org.cowarena.move.Move;
import org.cowarena.report.Narrator;

/**
 * The log: each move and the narrator's sentence for each event it caused. The first time
 * an event type happens, the level's {@code explain} note follows that event's sentence, or,
 * when the level has none, a deeper explanation of our own ({@code depth.properties}).
 */
public final class LogBook {
    private static final int KEEP = 500;

    private final List<BoardView.LogLine> lines = new ArrayList<>();
    private final Set<String> explained = new HashSet<>();
    private final ResourceBundle depth;
    private final Level level;
    private final Chrome chrome;
    private Narrator narrator;
    private String headline;

    public LogBook(Narrator narrator, Level level) {
        this.narrator = narrator;
        this.level = level;
        this.chrome = Chrome.of(narrator.language());
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

    /**
     * A move played, by {@code who} (empty in solo), and what it did: a sentence per event, each
     * followed at once by its explanation the first time that kind of event happens (the level's
     * {@code explain} note, else our own "in depth" one). The level's scripted programs' moves
     * follow, each named as the level's program.
     */
    public void move(String who, Turn turn) {
        headline = "› " + (who.isEmpty() ? "" : who + ": ") + turn.move().notation();
        add(headline, Tone.MOVE);
        tell(turn.move(), turn.outcome(), "  ");
        for (ActorMove a : turn.actors()) {
            add("  " + chrome.say("log.actor", a.actor(), a.move().notation()), Tone.MOVE);
            tell(a.move(), a.outcome(), "    ");
        }
    }

    /**
     * The narrator's lines for one move (its sentences, each followed by the level's note or the
     * narrator's own when one is due), with our in-depth note put right after the sentence of the
     * event it explains when neither said anything about it.
     */
    private void tell(Move move, Outcome outcome, String indent) {
        List<String> told = narrator.narrate(new Turn(0, move, outcome));
        String notePrefix = narrator.say("note", "").strip();
        if (!outcome.ok() || outcome.events().isEmpty()) {
            told.forEach(t -> add(indent + t.strip(), outcome.ok() ? Tone.EVENT : Tone.REFUSED));
            return;
        }
        List<Event> events = outcome.events();
        int k = 0;
        for (Event e : events) {
            Optional<String> sentence = narrator.sentence(e, move, events);
            if (sentence.isPresent() && k < told.size() && told.get(k).strip().equals(sentence.get().strip())) {
                add(indent + told.get(k++).strip(), Tone.EVENT);
            }
            boolean noted = false;
            while (k < told.size() && told.get(k).strip().startsWith(notePrefix)) {
                add(indent + told.get(k++).strip(), Tone.NOTE);
                noted = true;
            }
            if (e instanceof Event.Alloc a && a.kind() != FrameKind.FILE) {
                continue; // told by the fault that made it
            }
            String key = level.explainKey(e);
            if (explained.add(key) && !noted && level.explain(key, narrator.language()).isEmpty()
                    && depth.containsKey(e.type())) {
                add(indent + depth.getString(e.type()), Tone.NOTE);
            }
            forkReturns(e).ifPresent(line -> add(indent + line, Tone.INFO)); // after the event's explanation
        }
        while (k < told.size()) {
            String rest = told.get(k++).strip();
            add(indent + rest, rest.startsWith(notePrefix) ? Tone.NOTE : Tone.EVENT);
        }
    }

    /** For a fork or a vfork: the value the call returned in each process (the child's pid, and 0). */
    private Optional<String> forkReturns(Event e) {
        if (e instanceof Event.Fork f) {
            return Optional.of(chrome.say("log.forkReturns", "fork", f.pid(), f.child()));
        }
        if (e instanceof Event.VFork f) {
            return Optional.of(chrome.say("log.forkReturns", "vfork", f.pid(), f.child()));
        }
        return Optional.empty();
    }

    /** The last move's line ("› alice: fork 1"), kept in view however far the log scrolls; null before a move. */
    public String headline() {
        return headline;
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
