package org.cowarena.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import org.cowarena.board.BoardView;
import org.cowarena.board.Chrome;
import org.cowarena.board.Columns;
import org.cowarena.board.ProjectorView;
import org.cowarena.board.Tone;
import org.cowarena.client.Session;
import org.cowarena.protocol.Messages;

/**
 * The teacher's keys on the projector: each sends a {@link Messages.TeacherCommand} with the
 * token given at start; the server decides. Stopping the race, moving the room on and
 * removing a player ask first, as none can be taken back. The ':' command line takes the
 * same commands, a hint's own text and the player to remove (Tab completes the names).
 */
final class TeacherKeys {
    /** What the command line takes, in the order Tab offers it. */
    static final List<String> COMMANDS = List.of("start", "pause", "stop", "hint", "next", "export", "kick",
            "reclaim");

    private final Session session;
    private final Chrome chrome;
    private final String token;
    private CommandLine command;
    private List<String> choices = List.of();
    /** A command waiting for the teacher's y, and the question asked. */
    private Messages.TeacherCommand asked;
    private String question;
    private BoardView.StatusLine answer;

    TeacherKeys(Session session, String token, Chrome chrome) {
        this.session = session;
        this.token = token;
        this.chrome = chrome;
    }

    /** The teacher's keys, for the line above the status. */
    String keys() {
        return chrome.say("teacher.keys");
    }

    /** Takes a key of the teacher's; false when it is none (the viewer's keys then apply). */
    boolean key(KeyStroke k, ProjectorView v) {
        if (asked != null) {
            Messages.TeacherCommand c = asked;
            asked = null;
            question = null;
            if (Keys.ch(k) == 'y') {
                send(c);
            } else {
                answer = new BoardView.StatusLine(chrome.say("teacher.notSent", c.command), Tone.DIM, -1);
            }
            return true;
        }
        if (command != null) {
            commandKey(k, v);
            return true;
        }
        answer = null;
        char c = Keys.ch(k);
        if (c == ':') {
            command = new CommandLine();
            choices = List.of();
            return true;
        }
        String line = switch (c) {
            case 's' -> "start";
            case 'p' -> "pause";
            case 'x' -> "stop";
            case 'H' -> "hint";
            case 'n' -> "next";
            case 'e' -> "export";
            default -> null;
        };
        if (line != null) {
            run(line, v);
        }
        return line != null;
    }

    private void commandKey(KeyStroke k, ProjectorView v) {
        if (Keys.escape(k)) {
            command = null;
        } else if (Keys.enter(k)) {
            String line = command.text().strip();
            command = null;
            run(line, v);
        } else if (Keys.is(k, KeyType.Tab)) {
            Completion.Result r = Completion.complete(command.text(), (words, index) -> candidates(words, index, v));
            command.set(r.line());
            choices = r.choices();
        } else {
            command.edit(k);
        }
    }

    private static List<String> candidates(String[] words, int index, ProjectorView v) {
        if (index == 0) {
            return COMMANDS;
        }
        List<String> names = new ArrayList<>();
        if (index == 1 && (words[0].equals("kick") || words[0].equals("reclaim")) && v.board() != null) {
            names.addAll(List.of(v.board().players));
        }
        return names;
    }

    private void run(String line, ProjectorView v) {
        if (line.isEmpty()) {
            return;
        }
        String[] words = line.split(" +", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "start", "pause", "export", "hint", "reclaim" -> send(words[0], argument); // reclaim: the code shows
            case "stop" -> ask("stop", "", chrome.say("teacher.askStop"));
            case "next" -> {
                int levels = v.board() == null || v.board().levels == null ? 0 : v.board().levels.length;
                if (levels > 0 && v.focus() + 1 >= levels) {
                    send("next", ""); // nothing to confirm: the server says why there is no next level
                } else {
                    String to = levels > 0 && v.focus() >= 0 ? chrome.say("teacher.nextLevel", v.focus() + 2, levels)
                            : chrome.say("teacher.theNextLevel");
                    ask("next", "", chrome.say("teacher.askNext", to));
                }
            }
            case "kick" -> {
                if (argument.isEmpty()) {
                    answer = new BoardView.StatusLine(chrome.say("teacher.kickWhom"), Tone.REFUSED, -1);
                } else {
                    ask("kick", argument, chrome.say("teacher.askKick", argument));
                }
            }
            default -> answer = new BoardView.StatusLine(chrome.say("teacher.unknown", words[0],
                    chrome.say("teacher.usage")), Tone.REFUSED, -1);
        }
    }

    private void ask(String verb, String argument, String text) {
        asked = new Messages.TeacherCommand(token, verb, argument);
        question = text;
    }

    private void send(String verb, String argument) {
        send(new Messages.TeacherCommand(token, verb, argument));
    }

    private void send(Messages.TeacherCommand c) {
        if (session.closed()) {
            answer = new BoardView.StatusLine(chrome.say("teacher.notConnected", c.command), Tone.REFUSED, -1);
            return;
        }
        session.send(c);
        answer = new BoardView.StatusLine(chrome.say("teacher.sent", c.command), Tone.INFO, -1);
    }

    /** The server's answer to a command of ours: done, or refused with its reason. */
    void handle(Messages.TeacherReply r) {
        String reason = r.reason == null ? null : chrome.reason(r);
        answer = r.ok ? new BoardView.StatusLine(reason == null ? chrome.say("teacher.done", r.command)
                : chrome.say("teacher.doneSaying", r.command, reason), Tone.MET, -1)
                : new BoardView.StatusLine(chrome.say("teacher.refused", r.command, reason), Tone.REFUSED, -1);
    }

    /** The command line or a question, which the status line shows before anything else; null when neither. */
    BoardView.StatusLine prompt() {
        if (command != null) {
            String shown = ":" + command.text() + (choices.isEmpty() ? "" : "   " + String.join(" ", choices));
            return new BoardView.StatusLine(shown, Tone.NORMAL, cursor());
        }
        return question == null ? null : new BoardView.StatusLine(question, Tone.NOTE, -1);
    }

    /** The server's last answer, or what became of the last command; null when there is none to show. */
    BoardView.StatusLine answer() {
        return answer;
    }

    /** The command line's cursor column on the status line (after its leading space), or -1 when it is closed. */
    int cursor() {
        return command == null ? -1 : 2 + Columns.width(command.text().substring(0, command.cursor()));
    }
}
