package org.cowarena.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cowarena.race.RaceReplay;

/**
 * Starts a race journal ({@link RaceReplay} describes the format): the level texts beside
 * it, then the header, through a {@link Journal} that forces every line to the disk before
 * the room acknowledges what it records.
 */
final class RaceJournal {
    private RaceJournal() {
    }

    static Journal create(Path dir, List<LevelText> levels, long limitMillis) throws IOException {
        OwnerOnly.directory(dir);
        Path file = dir.resolve(RaceReplay.FILE);
        if (Files.exists(file)) {
            throw new IOException(file + " exists: resume the race with --resume " + dir + ", or journal elsewhere");
        }
        StringBuilder header = new StringBuilder(RaceReplay.HEADER);
        for (int i = 0; i < levels.size(); i++) {
            OwnerOnly.write(RaceReplay.levelFile(dir, i), levels.get(i).text());
            header.append("\n# level ").append(i).append(' ').append(levels.get(i).source());
        }
        header.append("\n# limit ").append(limitMillis);
        Journal journal = Journal.create(file);
        journal.append(header.toString());
        return journal;
    }

    /**
     * Reopens a race journal to go on after a resume. A last line without its newline was
     * never acknowledged (the crash came mid-write): it is cut off first, so the next line
     * does not run into it.
     */
    static Journal reopen(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(end);
                c.force(true);
            }
        }
        return Journal.reopen(file);
    }
}
