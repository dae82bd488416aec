package org.cowarena.tui;

import org.cowarena.client.BoardOptions;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cowarena.board.Theme;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.level.LevelProblem;
import org.cowarena.report.Narrator;
import org.cowarena.server.LevelText;

/** The terminal client: checks what it was asked, opens the one terminal, and runs scenes until one quits. */
public final class App {
    /** Exit statuses: 0 quit, 2 a usage or level problem, 130 Ctrl-C (as a shell reports SIGINT). */
    public static final int QUIT = 0;
    public static final int USAGE = 2;
    public static final int INTERRUPTED = 130;
    private static final long IDLE_MILLIS = 15;

    private App() {
    }

    public static int run(BoardOptions o, PrintWriter err) {
        Map<String, String> env = System.getenv();
        String language = language(o.language(), env);
        if (language == null) {
            err.println("cowarena: --lang " + o.language() + ": one of " + String.join(", ", Narrator.LANGUAGES));
            return USAGE;
        }
        String name = o.name() != null && !o.name().isBlank() ? o.name()
                : env.getOrDefault("USER", "player");
        Progress progress = Progress.load(Progress.configDir(env, System.getProperty("user.home")));
        Context ctx = new Context(Theme.choose(o.mono(), env), language, progress, name,
                o.level() == null && o.replay() == null && o.connect() == null ? campaign() : List.of(),
                o.discoveryPort());
        Scene first;
        try {
            first = firstScene(o, ctx, err);
        } catch (LevelException e) {
            for (LevelProblem p : e.problems()) {
                err.println(p);
            }
            return USAGE;
        } catch (IOException e) {
            err.println("cowarena: " + e.getMessage());
            return USAGE;
        }
        if (first == null) {
            return USAGE;
        }
        Tty tty;
        try {
            tty = Tty.open();
        } catch (IOException | RuntimeException e) {
            first.close();
            err.println("cowarena: the board needs a terminal (" + e.getMessage() + "); without one, play headless: "
                    + "cowarena-server.jar play, or --bot");
            return USAGE;
        }
        try {
            return loop(tty.screen(), first);
        } catch (IOException e) {
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        } finally {
            tty.close();
        }
    }

    /** The bundled campaign's level ids, in playing order. */
    static List<String> campaign() {
        return LevelLoader.bundledIds().stream().filter(id -> id.startsWith("campaign/")).collect(Collectors.toList());
    }

    private static Scene firstScene(BoardOptions o, Context ctx, PrintWriter err) throws LevelException, IOException {
        if (o.replay() != null) {
            return ReplayScene.open(ctx, java.nio.file.Path.of(o.replay()), o.level());
        }
        if (o.connect() != null || o.spectate()) {
            return NetScenes.join(ctx, o, err);
        }
        if (o.level() != null) {
            return solo(ctx, LevelText.resolve(o.level()), o.level());
        }
        return new MenuScene(ctx);
    }

    /** A solo game of a bundled level: its briefing first, while the embedded server starts. */
    static Scene solo(Context ctx, String levelId) {
        try {
            return solo(ctx, LevelText.resolve(levelId), levelId);
        } catch (LevelException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Scene solo(Context ctx, LevelText level, String id) {
        boolean bundled = LevelLoader.bundledIds().contains(id);
        return new PlayScene(ctx, new SoloTable(level, ctx, bundled ? id : null), level.level());
    }

    /**
     * Runs scenes on {@code screen} until one quits: draws when something changed, hands
     * each key to the scene, and lets it work while no key comes.
     */
    static int loop(Screen screen, Scene first) throws IOException, InterruptedException {
        Scene scene = first;
        boolean dirty = true;
        try {
            while (scene != null) {
                if (screen.doResizeIfNecessary() != null) {
                    screen.clear(); // old glyphs would stay in the back buffer
                    dirty = true;
                }
                if (dirty) {
                    TextGraphics g = screen.newTextGraphics();
                    scene.draw(g);
                    TerminalPosition cursor = scene.cursor();
                    screen.setCursorPosition(cursor);
                    screen.refresh();
                    dirty = false;
                }
                KeyStroke key = screen.pollInput();
                if (key == null) {
                    dirty = scene.idle(IDLE_MILLIS);
                    continue;
                }
                if (Keys.interrupt(key)) {
                    return INTERRUPTED;
                }
                Scene next = scene.key(key);
                if (next != scene && scene != null && next == null) {
                    scene.close();
                }
                scene = next;
                dirty = true;
            }
            return QUIT;
        } finally {
            if (scene != null) {
                scene.close();
            }
        }
    }

    /** --lang, else the locale's language (LC_ALL, LC_MESSAGES, LANG, then Java's default); null when unknown. */
    static String language(String asked, Map<String, String> env) {
        if (asked != null) {
            String a = asked.toLowerCase(Locale.ROOT);
            return Narrator.LANGUAGES.contains(a) ? a : null;
        }
        for (String var : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(var);
            if (v != null && !v.isEmpty()) {
                return v.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
            }
        }
        return Locale.getDefault().getLanguage().equals("zh") ? "zh" : "en";
    }
}
