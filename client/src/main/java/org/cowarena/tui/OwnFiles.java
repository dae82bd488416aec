package org.cowarena.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.cowarena.report.AtomicFile;

/**
 * The files the client keeps in the user's configuration directory (progress, saved solutions,
 * counted histograms) are the user's alone: directories 0700 and files 0600 where the file
 * system has POSIX modes, each written whole (a crash never leaves half a file).
 */
final class OwnFiles {
    private OwnFiles() {
    }

    /** Writes {@code text} as the whole of {@code file}, creating its missing directories owner-only. */
    static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        AtomicFile.write(file, text); // its temporary file is created 0600 and moved into place
    }
}
