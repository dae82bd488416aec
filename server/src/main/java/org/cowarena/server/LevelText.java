package org.cowarena.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cowarena.level.Level;
import org.cowarena.level.LevelException;
import org.cowarena.level.LevelLoader;
import org.cowarena.level.LevelProblem;
import org.cowarena.level.Pos;
import org.cowarena.protocol.Protocol;

/**
 * A level together with its YAML text: snapshots carry the text, so clients build the
 * same board the server plays on.
 */
public record LevelText(String source, String text, Level level) {

    /** A level file when one exists at that path, else a bundled level id (as {@code play --level}). */
    public static LevelText resolve(String fileOrId) throws LevelException {
        Path path = Path.of(fileOrId);
        if (Files.isRegularFile(path)) {
            try {
                if (Files.size(path) > Protocol.MAX_LEVEL_BYTES) {
                    throw problem(fileOrId, "too large to serve (over " + Protocol.MAX_LEVEL_BYTES / 1024 + " KiB)");
                }
                return of(Files.readString(path, StandardCharsets.UTF_8), fileOrId);
            } catch (IOException e) {
                throw problem(fileOrId, "cannot read: " + e.getMessage());
            }
        }
        String resource = "levels/" + fileOrId + ".yaml";
        try (InputStream in = LevelText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LevelLoader.resolve(fileOrId); // throws the problem as play --level reports it
                throw problem(fileOrId, "no such level");
            }
            return of(new String(in.readNBytes(Protocol.MAX_LEVEL_BYTES + 1), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw problem(resource, "cannot read: " + e.getMessage());
        }
    }

    public static LevelText of(String text, String source) throws LevelException {
        if (text.getBytes(StandardCharsets.UTF_8).length > Protocol.MAX_LEVEL_BYTES) {
            throw problem(source, "too large to serve (over " + Protocol.MAX_LEVEL_BYTES / 1024 + " KiB)");
        }
        return new LevelText(source, text, LevelLoader.parse(text, source));
    }

    private static LevelException problem(String source, String message) {
        return new LevelException(new LevelProblem(source, Pos.UNKNOWN, message));
    }
}
