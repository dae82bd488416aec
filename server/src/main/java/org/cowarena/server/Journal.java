package org.cowarena.server;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One game's append-only journal: {@code ROOM-GAME.moves}, in the move notation with the
 * seat's owner before each move ({@code red: fork 1}), so {@code play --moves} can read
 * it. Lines starting with {@code #} record the room, the level, the seats and their
 * tokens. Every line is forced to the disk before {@link #append} returns: a move is
 * acknowledged only once it is on disk, so a crash loses no acknowledged move.
 * The level's text is kept beside it ({@code ROOM-GAME.level.yaml}) so a resume plays the
 * same level even if the original file changed.
 */
final class Journal implements Closeable {
    static final String HEADER = "# cowarena journal 1";

    private final FileChannel channel;

    private Journal(FileChannel channel) {
        this.channel = channel;
    }

    static Path movesFile(Path dir, String room, int game) {
        return dir.resolve(room + "-" + game + ".moves");
    }

    static Path levelFile(Path dir, String room, int game) {
        return dir.resolve(room + "-" + game + ".level.yaml");
    }

    /** Starts the journal of a new game. */
    static Journal create(Path dir, String room, int game, LevelText level) throws IOException {
        OwnerOnly.directory(dir);
        OwnerOnly.write(levelFile(dir, room, game), level.text());
        Journal journal = open(movesFile(dir, room, game), StandardOpenOption.CREATE_NEW);
        journal.append(HEADER + "\n# room " + room + "\n# game " + game + "\n# level " + level.source());
        org.cowarena.report.AtomicFile.syncDirectory(dir); // the new files' entries, before any move is acknowledged
        return journal;
    }

    /** Starts an empty journal file, owner-only; it must not exist yet. */
    static Journal create(Path file) throws IOException {
        return open(file, StandardOpenOption.CREATE_NEW);
    }

    /** Reopens a journal to go on appending after a resume (made owner-only if an earlier version left it readable). */
    static Journal reopen(Path file) throws IOException {
        return open(file, StandardOpenOption.APPEND);
    }

    private static Journal open(Path file, StandardOpenOption mode) throws IOException {
        FileChannel channel = OwnerOnly.open(file, mode);
        channel.position(channel.size());
        return new Journal(channel);
    }

    /** Appends lines and forces them to the disk. */
    void append(String lines) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((lines + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Closes where a failure cannot matter: every line was forced to the disk as it was written. */
    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // nothing unwritten to lose
        }
    }
}
