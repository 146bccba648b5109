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

/** {@link RealmUsers} over the first login module of a Karaf JAAS realm that has a backing engine (users.properties). */
final class KarafRealmUsers implements RealmUsers {
    private final BackingEngine engine;
    private final java.nio.file.Path file;

    private KarafRealmUsers(BackingEngine engine, java.nio.file.Path file) {
        this.engine = engine;
        this.file = file;
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
                    return engine == null ? null : new KarafRealmUsers(engine, usersFile(entry));
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
        engine.addUser(username, password);
        addRoles(username, roles);
    }

    @Override
    public void addRoles(String username, java.util.Collection<String> roles) {
        roles.forEach(role -> engine.addRole(username, role));
    }
}
