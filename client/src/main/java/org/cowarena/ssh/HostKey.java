package org.cowarena.ssh;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's SSH host key: generated on the first {@code serve --ssh} and kept (owner-only)
 * in the state directory, so that students see the same fingerprint every lesson.
 */
final class HostKey {
    static final String FILE = "host-key";

    private final SimpleGeneratorHostKeyProvider provider;
    private final String fingerprint;

    private HostKey(SimpleGeneratorHostKeyProvider provider, String fingerprint) {
        this.provider = provider;
        this.fingerprint = fingerprint;
    }

    /** The key kept in {@code dir}, made there the first time (ECDSA P-256, which every OpenSSH client takes). */
    static HostKey in(Path dir) throws IOException {
        ownerOnlyDirectory(dir);
        Path file = dir.resolve(FILE);
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
        provider.setAlgorithm(KeyUtils.EC_ALGORITHM);
        provider.setKeySize(256);
        List<KeyPair> keys = provider.loadKeys(null);
        if (keys.isEmpty()) {
            throw new IOException("cannot read or make the SSH host key " + file + ": remove it to make a new one");
        }
        if (posix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return new HostKey(provider, KeyUtils.getFingerPrint(keys.get(0).getPublic()));
    }

    /** Creates {@code dir} owner-only when missing; one that exists keeps its mode (it may be the teacher's own). */
    static void ownerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    SimpleGeneratorHostKeyProvider provider() {
        return provider;
    }

    /** As {@code ssh} shows it on the first connection: {@code SHA256:...}. */
    String fingerprint() {
        return fingerprint;
    }
}
