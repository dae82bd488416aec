package org.cowarena.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the move notation (README.md, "Moves"): one move a line, {@code #} starts a comment,
 * blank lines are ignored, an optional {@code name:} prefix names the player.
 */
public final class MoveParser {
    /** Longest value a page may hold: a value is what a player reads in a frame cell. */
    public static final int MAX_VALUE_LENGTH = 16;
    /** Largest pid or vpn accepted by the notation. */
    public static final int MAX_NUMBER = 9_999_999;

    private static final Pattern PLAYER = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,7}");
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,7})(?:-([0-9]{1,7}))?");

    private MoveParser() {
    }

    /** Parses a whole script; the first malformed line stops it. */
    public static List<ScriptLine> parseScript(String text) throws MoveSyntaxException {
        List<ScriptLine> moves = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<ScriptLine> parsed = parseLine(lines[i], i + 1);
            parsed.ifPresent(moves::add);
        }
        return moves;
    }

    /** Parses one move typed by a player; the whole text must be one move. */
    public static Move parseMove(String text) throws MoveSyntaxException {
        Optional<ScriptLine> line = parseLine(text, 1);
        if (line.isEmpty()) {
            throw new MoveSyntaxException(1, 1, "empty move: type a move such as \"fork 1\"");
        }
        if (line.get().player().isPresent()) {
            throw new MoveSyntaxException(1, 1, "a player name is not part of a move");
        }
        return line.get().move();
    }

    /** Parses one line; empty when the line is blank or only a comment. */
    public static Optional<ScriptLine> parseLine(String raw, int lineNo) throws MoveSyntaxException {
        int hash = raw.indexOf('#');
        String text = hash >= 0 ? raw.substring(0, hash) : raw;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\r') {
                throw new MoveSyntaxException(lineNo, i + 1, "control character in move");
            }
        }
        List<Token> tokens = tokenize(text);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> player = Optional.empty();
        Token first = tokens.get(0);
        if (first.text.endsWith(":")) {
            String name = first.text.substring(0, first.text.length() - 1);
            if (!PLAYER.matcher(name).matches()) {
                throw new MoveSyntaxException(lineNo, first.column,
                        "bad player name \"" + name + "\": letters, digits, '_', '.', '-' (at most 32)");
            }
            player = Optional.of(name);
            tokens = tokens.subList(1, tokens.size());
            if (tokens.isEmpty()) {
                throw new MoveSyntaxException(lineNo, first.column + first.text.length(),
                        "a move must follow the player name");
            }
        }
        Move move = parseTokens(tokens, lineNo, text.length() + 1);
        return Optional.of(new ScriptLine(lineNo, player, move));
    }

    private static Move parseTokens(List<Token> t, int line, int endColumn) throws MoveSyntaxException {
        Token verb = t.get(0);
        switch (verb.text) {
            case "fork":
                arity(t, 2, "fork PID", line, endColumn);
                return new Move.Fork(number(t.get(1), "pid", line));
            case "vfork":
                arity(t, 2, "vfork PID", line, endColumn);
                return new Move.VFork(number(t.get(1), "pid", line));
            case "exec":
                arity(t, 3, "exec PID PROGRAM", line, endColumn);
                return new Move.Exec(number(t.get(1), "pid", line), name(t.get(2), "program", line));
            case "write":
                arity(t, 4, "write PID VPN VALUE", line, endColumn);
                return new Move.Write(number(t.get(1), "pid", line), number(t.get(2), "vpn", line),
                        value(t.get(3), line));
            case "read":
                arity(t, 3, "read PID VPN", line, endColumn);
                return new Move.Read(number(t.get(1), "pid", line), number(t.get(2), "vpn", line));
            case "exit":
                arity(t, 2, "exit PID", line, endColumn);
                return new Move.Exit(number(t.get(1), "pid", line));
            case "madvise": {
                arity(t, 4, "madvise PID FROM-TO ADVICE", line, endColumn);
                int pid = number(t.get(1), "pid", line);
                Token range = t.get(2);
                var m = RANGE.matcher(range.text);
                if (!m.matches()) {
                    throw new MoveSyntaxException(line, range.column,
                            "expected a vpn range such as 4-7, found \"" + range.text + "\"");
                }
                int from = Integer.parseInt(m.group(1));
                int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                if (to < from) {
                    throw new MoveSyntaxException(line, range.column,
                            "range " + range.text + " ends before it starts");
                }
                Token adv = t.get(3);
                Advice advice = Advice.fromNotation(adv.text).orElseThrow(() -> new MoveSyntaxException(line,
                        adv.column, "unknown advice \"" + adv.text
                                + "\": dontfork, dofork, wipeonfork, keeponfork, hugepage or nohugepage"));
                return new Move.Madvise(pid, from, to, advice);
            }
            case "pass":
                arity(t, 1, "pass", line, endColumn);
                return new Move.Pass();
            default:
                throw new MoveSyntaxException(line, verb.column, "unknown move \"" + verb.text
                        + "\": fork, vfork, exec, write, read, exit, madvise or pass");
        }
    }

    private static void arity(List<Token> t, int n, String usage, int line, int endColumn)
            throws MoveSyntaxException {
        if (t.size() < n) {
            throw new MoveSyntaxException(line, endColumn, "missing argument: " + usage);
        }
        if (t.size() > n) {
            throw new MoveSyntaxException(line, t.get(n).column,
                    "unexpected \"" + t.get(n).text + "\": " + usage);
        }
    }

    private static int number(Token token, String what, int line) throws MoveSyntaxException {
        if (!NUMBER.matcher(token.text).matches()) {
            throw new MoveSyntaxException(line, token.column,
                    "expected a " + what + " (a decimal number), found \"" + token.text + "\"");
        }
        return Integer.parseInt(token.text);
    }

    private static String name(Token token, String what, int line) throws MoveSyntaxException {
        if (!token.text.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new MoveSyntaxException(line, token.column,
                    "bad " + what + " name \"" + token.text + "\": letters, digits, '_', '.', '-' (at most 32)");
        }
        return token.text;
    }

    private static String value(Token token, int line) throws MoveSyntaxException {
        if (token.text.codePointCount(0, token.text.length()) > MAX_VALUE_LENGTH) {
            throw new MoveSyntaxException(line, token.column,
                    "value too long: at most " + MAX_VALUE_LENGTH + " characters");
        }
        return token.text;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(new Token(text.substring(start, i), start + 1));
            }
        }
        return tokens;
    }

    private record Token(String text, int column) {
    }
}
