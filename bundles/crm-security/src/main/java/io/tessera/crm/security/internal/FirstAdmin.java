package io.tessera.crm.security.internal;

import io.tessera.crm.api.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On first start there is no user at all (the distribution ships without Karaf's karaf/karaf): create the
 * administrator with the password from CRM_ADMIN_PASSWORD, or a random one that is printed once and written to
 * data/initial-admin-password for whoever installs the server.
 */
final class FirstAdmin {
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final RealmUsers users;
    private final String username;
    private final Path dataDir;

    FirstAdmin(RealmUsers users, String username, Path dataDir) {
        this.users = users;
        this.username = username;
        this.dataDir = dataDir;
    }

    /** Returns true when it created the admin. */
    boolean ensure(String passwordFromEnvironment) {
        if (users.exists(username)) {
            return false;
        }
        boolean random = passwordFromEnvironment == null || passwordFromEnvironment.isBlank();
        String password = random ? randomPassword() : passwordFromEnvironment;
        users.add(username, password, JaasUserService.realmRoles(Roles.ADMIN));
        if (random) {
            Path file = writePasswordFile(password);
            String message = "Tessera CRM: created user '" + username + "' with password " + password
                    + " (also in " + file + "). Change it, or set CRM_ADMIN_PASSWORD before the first start.";
            System.out.println(message);
            LOG.warn("Created user '{}' with a random password, written to {}", username, file);
        } else {
            System.out.println("Tessera CRM: created user '" + username + "' with the password from CRM_ADMIN_PASSWORD.");
            LOG.info("Created user '{}' with the password from CRM_ADMIN_PASSWORD", username);
        }
        return true;
    }

    private Path writePasswordFile(String password) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(PASSWORD_FILE);
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("no POSIX permissions on this file system", e);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
