package io.tessera.crm.security.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A user store in memory, standing in for Karaf's users.properties in unit tests. */
final class InMemoryRealmUsers implements RealmUsers {
    final Map<String, String> passwords = new TreeMap<>();
    final Map<String, Set<String>> roles = new TreeMap<>();

    @Override
    public List<String> usernames() {
        return new ArrayList<>(passwords.keySet());
    }

    @Override
    public Set<String> roles(String username) {
        return roles.getOrDefault(username, Set.of());
    }

    @Override
    public boolean exists(String username) {
        return passwords.containsKey(username);
    }

    @Override
    public void addRoles(String username, java.util.Collection<String> roles) {
        this.roles.computeIfAbsent(username, u -> new HashSet<>()).addAll(roles);
    }

    @Override
    public void add(String username, String password, List<String> roles) {
        passwords.put(username, password);
        this.roles.put(username, new HashSet<>(roles));
    }
}
