package io.tessera.crm.security.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;

/**
 * {@link RealmUsers} over the first login module of a Karaf JAAS realm that has a backing engine (users.properties).
 * <p>Changes are made on a copy of the users file and moved over it in one atomic step. Karaf's backing engine saves
 * the whole file in place after every single change (a new user, then each of its roles), and Karaf's
 * {@code AutoEncryptionSupport} re-reads the file on every modification and writes back what it read whenever a
 * password there does not look hashed: reading a half-written file, it wrote back lines cut in the middle (a user
 * without its roles, once the admin's roles split off into a user of their own). A file replaced by a rename is never
 * seen half-written, and a rename is not the "modify" that the encryption support watches for.
 */
final class KarafRealmUsers implements RealmUsers {
    private final BackingEngine engine;
    private final java.nio.file.Path file;
    private final BackingEngineService engines;
    private final AppConfigurationEntry entry;

    private KarafRealmUsers(BackingEngine engine, java.nio.file.Path file, BackingEngineService engines,
                            AppConfigurationEntry entry) {
        this.engine = engine;
        this.file = file;
        this.engines = engines;
        this.entry = entry;
    }

    /** The file the realm's users live in (users.properties), or null when the login module names none. */
    java.nio.file.Path file() {
        return file;
    }

    static KarafRealmUsers of(String realmName, List<JaasRealm> realms, List<BackingEngineFactory> factories) {
        BackingEngineService engines = new BackingEngineService();
        engines.setEngineFactories(factories);
        return realms.stream()
                .filter(r -> realmName.equals(r.getName()))
                .sorted((a, b) -> Integer.compare(b.getRank(), a.getRank()))
                .flatMap(r -> java.util.Arrays.stream(r.getEntries()))
                .map(entry -> {
                    BackingEngine engine = engineFor(engines, entry);
                    return engine == null ? null : new KarafRealmUsers(engine, usersFile(entry), engines, entry);
                })
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("JAAS realm '" + realmName
                        + "' has no login module whose users can be managed"));
    }

    /** The "users" option of Karaf's properties login module: the file its backing engine reads. */
    private static java.nio.file.Path usersFile(AppConfigurationEntry entry) {
        Object users = entry.getOptions().get("users");
        return users == null ? null : java.nio.file.Paths.get(users.toString());
    }

    private static BackingEngine engineFor(BackingEngineService engines, AppConfigurationEntry entry) {
        try {
            return engines.get(entry);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<String> usernames() {
        return engine.listUsers().stream().map(UserPrincipal::getName).sorted().collect(Collectors.toList());
    }

    @Override
    public Set<String> roles(String username) {
        UserPrincipal user = engine.lookupUser(username);
        if (user == null) {
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        engine.listRoles(user).stream().map(RolePrincipal::getName).forEach(roles::add);
        for (GroupPrincipal group : engine.listGroups(user)) {
            engine.listRoles(group).stream().map(RolePrincipal::getName).forEach(roles::add);
        }
        return roles;
    }

    @Override
    public boolean exists(String username) {
        return engine.lookupUser(username) != null;
    }

    @Override
    public void add(String username, String password, List<String> roles) {
        change(copy -> {
            copy.addUser(username, password);
            roles.forEach(role -> copy.addRole(username, role));
        });
    }

    @Override
    public void addRoles(String username, java.util.Collection<String> roles) {
        change(copy -> roles.forEach(role -> copy.addRole(username, role)));
    }

    /** Applies the change to a copy of the users file (same folder) and renames the copy over the file. */
    private void change(java.util.function.Consumer<BackingEngine> change) {
        if (file == null || !java.nio.file.Files.isRegularFile(file)) {
            change.accept(engine);
            return;
        }
        java.nio.file.Path copy = null;
        try {
            copy = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), ".users-", ".tmp");
            java.nio.file.Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.util.Map<String, Object> options = new java.util.HashMap<>(entry.getOptions());
            options.put("users", copy.toString());
            BackingEngine onCopy = engines.get(new AppConfigurationEntry(entry.getLoginModuleName(),
                    entry.getControlFlag(), options));
            change.accept(onCopy);
            java.nio.file.Files.move(copy, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            copy = null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not update " + file, e);
        } finally {
            if (copy != null) {
                try {
                    java.nio.file.Files.deleteIfExists(copy);
                } catch (java.io.IOException ignored) {
                    // a stray hidden temp file in etc/; nothing reads it
                }
            }
        }
    }
}
