package org.cowarena.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The campaign progress of this user: the best stars per level id, in
 * {@code $XDG_CONFIG_HOME/cowarena/progress.properties} (or {@code ~/.config/cowarena}).
 * Written whole and owner-only ({@link OwnFiles}); the saved solutions are beside it ({@link Solutions}).
 */
final class Progress {
    private final Path file;
    private final Map<String, Integer> stars = new TreeMap<>();

    private Progress(Path file) {
        this.file = file;
    }

    /** The directory the XDG base directory spec gives for this user's configuration. */
    static Path configDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".config");
        return base.resolve("cowarena");
    }

    static Progress load(Path dir) {
        Progress p = new Progress(dir.resolve("progress.properties"));
        try {
            if (Files.isRegularFile(p.file)) {
                for (String line : Files.readAllLines(p.file, StandardCharsets.UTF_8)) {
                    int eq = line.lastIndexOf('=');
                    if (line.isBlank() || line.startsWith("#") || eq <= 0) {
                        continue;
                    }
                    try {
                        int n = Integer.parseInt(line.substring(eq + 1).strip());
                        p.stars.put(line.substring(0, eq).strip(), Math.max(0, Math.min(3, n)));
                    } catch (NumberFormatException e) {
                        // a line someone edited by hand: skip it
                    }
                }
            }
        } catch (IOException e) {
            // unreadable progress starts afresh; saving will say what is wrong
        }
        return p;
    }

    int stars(String levelId) {
        return stars.getOrDefault(levelId, 0);
    }

    boolean played(String levelId) {
        return stars.containsKey(levelId);
    }

    /** Every level of {@code levelIds} has been completed (its goal met once at least). */
    boolean completed(java.util.List<String> levelIds) {
        return !levelIds.isEmpty() && stars.keySet().containsAll(levelIds);
    }

    /** Keeps the better of the saved and the new result; returns the problem when it cannot be saved, else null. */
    String record(String levelId, int earned) {
        if (stars.containsKey(levelId) && stars.get(levelId) >= earned) {
            return null;
        }
        stars.put(levelId, earned);
        StringBuilder text = new StringBuilder("# COW Arena campaign: best stars per level\n");
        stars.forEach((id, n) -> text.append(id).append('=').append(n).append('\n'));
        try {
            OwnFiles.write(file, text.toString());
            return null;
        } catch (IOException e) {
            return "progress not saved to " + file + ": " + e.getMessage();
        }
    }

    Path file() {
        return file;
    }
}
