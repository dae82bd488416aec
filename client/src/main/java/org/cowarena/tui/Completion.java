package org.cowarena.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.cowarena.game.Game;
import org.cowarena.kernel.ProcessInfo;
import org.cowarena.kernel.ProgramImage;
import org.cowarena.move.Advice;

/**
 * Tab completion of the command line: the verbs the level allows (and the client's own
 * commands), then the live pids this player may move, then a program for exec, a vpn of
 * that process for write, read and madvise, an advice for madvise. The word completion
 * itself serves other command lines too (the teacher's, on the projector).
 */
final class Completion {
    /** Commands of the client itself, typed after ':' like moves. */
    static final List<String> COMMANDS = List.of("help", "hint", "undo", "restart", "briefing", "quit");

    /** The completed line and, when the word is ambiguous, the choices. */
    record Result(String line, List<String> choices) {
    }

    private Completion() {
    }

    static Result complete(String line, Game game, String owner) {
        return complete(line, (words, index) -> candidates(words, index, game, owner));
    }

    /**
     * Completes the line's last word among {@code candidates} (given the line's words and the
     * index of the last): the one that fits, or the longest prefix all the fitting ones share.
     */
    static Result complete(String line, BiFunction<String[], Integer, List<String>> candidates) {
        String[] words = line.split(" ", -1);
        int index = words.length - 1;
        String word = words[index];
        List<String> choices = new ArrayList<>();
        for (String c : candidates.apply(words, index)) {
            if (c.startsWith(word)) {
                choices.add(c);
            }
        }
        if (choices.isEmpty()) {
            return new Result(line, List.of());
        }
        String head = line.substring(0, line.length() - word.length());
        if (choices.size() == 1) {
            return new Result(head + choices.get(0) + " ", List.of());
        }
        String common = choices.get(0);
        for (String c : choices) {
            int i = 0;
            while (i < common.length() && i < c.length() && common.charAt(i) == c.charAt(i)) {
                i++;
            }
            common = common.substring(0, i);
        }
        return new Result(head + common, choices);
    }

    private static List<String> candidates(String[] words, int index, Game game, String owner) {
        List<String> list = new ArrayList<>();
        if (game == null) {
            return list;
        }
        if (index == 0) {
            list.addAll(game.level().moves().allowed());
            if (!list.contains("pass")) {
                list.add("pass"); // allowed in every level, though a level's list may not name it
            }
            list.addAll(COMMANDS);
            return list;
        }
        String verb = words[0];
        if (index == 1 && !verb.equals("pass") && !COMMANDS.contains(verb)) {
            for (ProcessInfo p : game.kernel().processes()) {
                if (p.state().alive() && (owner == null || owner.equals(p.owner()))) {
                    list.add(String.valueOf(p.pid()));
                }
            }
            return list;
        }
        if (index == 2 && verb.equals("exec")) {
            for (ProgramImage p : game.kernel().programs()) {
                list.add(p.name());
            }
            return list;
        }
        if (index == 2 && (verb.equals("write") || verb.equals("read") || verb.equals("madvise"))) {
            try {
                int pages = game.kernel().pageTable(Integer.parseInt(words[1])).size();
                for (int v = 0; v < pages; v++) {
                    list.add(String.valueOf(v));
                }
            } catch (NumberFormatException e) {
                // not a pid yet: nothing to offer
            }
            return list;
        }
        if (index == 3 && verb.equals("madvise")) {
            for (Advice a : Advice.values()) {
                list.add(a.notation());
            }
        }
        return list;
    }
}
