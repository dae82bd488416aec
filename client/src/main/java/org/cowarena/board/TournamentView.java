package org.cowarena.board;

import java.util.List;
import org.cowarena.client.TournamentProgress;

/**
 * What the tournament screen shows: the waiting room before the draw, then the table after
 * each round and the round's matches, the final table at the end.
 *
 * @param progress the tournament as the server has told it so far
 * @param you      this player's name, whose row is marked; null for a spectator
 * @param notes    lines under the table: the player's last match, the next match beginning
 * @param status   the bottom line: keys or a message
 */
public record TournamentView(TournamentProgress progress, String you, List<String> notes, String status) {
    public TournamentView {
        notes = List.copyOf(notes);
    }
}
