package org.cowarena.move;

import java.util.Optional;

/**
 * One move of a script, with where it came from. {@code player} is the name before
 * a colon in multiplayer journals ({@code alice: fork 1}), empty otherwise.
 */
public record ScriptLine(int line, Optional<String> player, Move move) {
    public String notation() {
        return player.map(p -> p + ": ").orElse("") + move.notation();
    }
}
