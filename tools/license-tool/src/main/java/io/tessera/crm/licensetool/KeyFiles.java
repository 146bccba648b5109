package io.tessera.crm.licensetool;

import io.tessera.crm.modules.licence.LicenceFormatException;
import io.tessera.crm.modules.licence.LicenceKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;

/** The tool's files: key pairs read and written (the private key readable by its owner only), licences written. */
final class KeyFiles {
    private KeyFiles() {
    }

    /** Creates the file readable by its owner only (on POSIX file systems) before the key is written into it. */
    static void writePrivate(Path file, String content) throws IOException {
        boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Writes the licence through a temporary file moved into place, so a reader never sees half of it. */
    static void writeLicence(Path file, String text) throws Failure {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".licence-", ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new Failure("Error: cannot write " + file + ": " + e);
        }
    }

    private static String readKey(Path file) throws Failure {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("Error: cannot read the key " + file + ": " + e);
        }
    }

    static PrivateKey privateKey(Path file) throws Failure {
        try {
            return LicenceKeys.privateKey(readKey(file));
        } catch (LicenceFormatException e) {
            throw new Failure("Error: " + file + ": " + e.getMessage());
        }
    }

    static PublicKey publicKey(Path file) throws Failure {
        try {
            return LicenceKeys.publicKey(readKey(file));
        } catch (LicenceFormatException e) {
            throw new Failure("Error: " + file + ": " + e.getMessage());
        }
    }
}
