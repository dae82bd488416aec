package org.cowarena.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and directories the server writes are its owner's alone (0600 and 0700): journals
 * hold every player's seat token, and a token takes a seat over. Where the file system has
 * no POSIX modes (Windows), the user's profile directory is what protects them.
 */
final class OwnerOnly {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and its missing parents owner-only. A directory that exists keeps
     * its mode (it may be the teacher's own).
     */
    static void directory(Path dir) throws IOException {
        if (posix(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * {@link #directory}, and the server's files in it that an earlier version wrote
     * readable are made owner-only now: at start, before the server journals there.
     */
    static void tighten(Path dir) throws IOException {
        directory(dir);
        if (!posix(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, OwnerOnly::ours)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && !Files.isSymbolicLink(f)) {
                    Files.setPosixFilePermissions(f, FILE);
                }
            }
        }
    }

    /** The files the server writes in a journal directory. */
    private static boolean ours(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".moves") || name.endsWith(".yaml") || name.endsWith(".token")
                || name.startsWith("tournament.") || name.startsWith("results.");
    }

    /** Writes {@code text} as the whole of {@code file}, owner-only, forced to the disk. */
    static void write(Path file, String text) throws IOException {
        try (FileChannel c = open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                c.write(bytes);
            }
            c.force(true);
        }
    }

    /** Opens {@code file} for writing: created owner-only, or made owner-only if it exists. */
    static FileChannel open(Path file, StandardOpenOption... modes) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.WRITE);
        options.addAll(Set.of(modes));
        if (!posix(file)) {
            return FileChannel.open(file, options);
        }
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE);
        FileChannel channel = FileChannel.open(file, options, mode);
        Files.setPosixFilePermissions(file, FILE); // a file that existed keeps its mode otherwise
        return channel;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
