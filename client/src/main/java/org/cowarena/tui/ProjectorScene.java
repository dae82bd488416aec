package org.cowarena.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.ProjectorRenderer;
import org.cowarena.board.ProjectorView;
import org.cowarena.board.Tone;
import org.cowarena.client.Link;
import org.cowarena.client.RaceProgress;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;

/**
 * The race projector: draws the session's {@link RaceProgress} (the last race state and
 * leaderboard the server sent); the time left counts down between messages. A dropped connection is retried. Given
 * the teacher token, it also has the teacher's keys ({@link TeacherKeys}).
 */
final class ProjectorScene implements Scene {

    private final Context ctx;
    private final Session session;
    private final Reconnect reconnect;
    /** The teacher's keys, or null for anyone else: then no teacher command is ever sent. */
    private final TeacherKeys teacher;
    private final RaceProgress race;
    private final Chrome chrome;
    /** The level the viewer chose, or -1 to follow the room's level. */
    private int chosen = -1;
    private String message;
    private long shownSecond = -1;
    private TerminalSize size = new TerminalSize(80, 24);

    /** {@code teacherToken}: the race's teacher token for the teacher's keys, or null. */
    ProjectorScene(Context ctx, Session session, long reconnectMillis, String teacherToken) {
        this.ctx = ctx;
        this.session = session;
        this.reconnect = new Reconnect(session, reconnectMillis);
        this.chrome = ctx.chrome();
        this.teacher = teacherToken == null ? null : new TeacherKeys(session, teacherToken, chrome);
        this.race = session.race();
        session.handlers().on(Messages.Refusal.class, r -> message = chrome.say("room.refused", r.reason))
                .on(Link.Closed.class, c -> {
                    if (session.refusal() == null) {
                        reconnect.lost();
                        message = chrome.say("projector.lost");
                    }
                });
        if (teacher != null) {
            session.handlers().on(Messages.TeacherReply.class, teacher::handle);
        }
    }

    ProjectorView view() {
        Messages.RaceState state = race.state();
        int focus = state == null ? -1 : state.focus;
        int shown = chosen >= 0 ? chosen : Math.max(0, focus);
        Messages.Leaderboard board = race.board();
        java.util.List<String> titles = new java.util.ArrayList<>();
        for (int l = 0; board != null && board.levels != null && l < board.levels.length; l++) {
            titles.add(race.title(l, ctx.language()));
        }
        return new ProjectorView(board, race.stateName(), race.millisLeft(), focus, shown,
                race.hint(ctx.language()), teacher == null ? null : teacher.keys(), status(), titles);
    }

    /** The teacher's command line or question first, then a connection problem, the teacher's answer, the keys. */
    private BoardView.StatusLine status() {
        BoardView.StatusLine prompt = teacher == null ? null : teacher.prompt();
        if (prompt != null) {
            return prompt;
        }
        if (message != null) {
            return new BoardView.StatusLine(message, Tone.REFUSED, -1);
        }
        BoardView.StatusLine answer = teacher == null ? null : teacher.answer();
        return answer != null ? answer : BoardView.StatusLine.of(chrome.say("projector.keys"));
    }

    @Override
    public void draw(TextGraphics g) {
        size = g.getSize();
        ProjectorRenderer.draw(view(), ctx.theme(), chrome, g);
    }

    @Override
    public TerminalPosition cursor() {
        int column = teacher == null ? -1 : teacher.cursor();
        return column < 0 ? null : new TerminalPosition(Math.min(size.getColumns() - 1, column), size.getRows() - 1);
    }

    @Override
    public Scene key(KeyStroke k) {
        if (teacher != null && teacher.key(k, view())) {
            return this;
        }
        char c = Keys.ch(k);
        if (c == 'q') {
            return null;
        }
        Messages.Leaderboard board = race.board();
        int levels = board == null || board.levels == null ? 0 : board.levels.length;
        if (levels > 0 && (Keys.right(k) || Keys.left(k))) {
            int from = view().shown();
            chosen = Math.floorMod(from + (Keys.right(k) ? 1 : -1), levels);
        } else if (c == 'f') {
            chosen = -1;
        }
        return this;
    }

    @Override
    public boolean idle(long millis) throws InterruptedException {
        if (session.closed()) {
            return retry();
        }
        if (session.next(millis) != null) {
            return true;
        }
        long second = view().millisLeft() / 1000;
        boolean changed = second != shownSecond;
        shownSecond = second;
        return changed;
    }

    private boolean retry() throws InterruptedException {
        Reconnect.Step step = session.refusal() != null ? Reconnect.Step.WAITING : reconnect.attempt();
        switch (step) {
            case BACK -> message = null;
            case FAILED -> message = reconnect.say(chrome.say("projector.lost"), chrome);
            case GAVE_UP -> message = chrome.say("projector.gaveUp");
            default -> { }
        }
        if (step == Reconnect.Step.WAITING || step == Reconnect.Step.GAVE_UP) {
            Thread.sleep(20); // the screen's poll loop: nothing to read until the next attempt
        }
        return step != Reconnect.Step.WAITING;
    }

    @Override
    public void close() {
        session.close();
    }
}
