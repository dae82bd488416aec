package org.cowarena.client;

/**
 * What the command line asked the terminal board for.
 *
 * @param connect  HOST[:PORT] of a server to join, or null for solo
 * @param level    a bundled level id or a level file to play solo, or null for the campaign
 * @param language en or zh, or null to take it from the locale
 * @param replay   a journal to step through, or null
 * @param teacher  the race's teacher token, giving the projector the teacher's keys, or null
 */
public record BoardOptions(String connect, String name, String room, String token, boolean spectate, String level,
                      String language, boolean mono, String replay, int discoveryPort, String teacher) {
}
