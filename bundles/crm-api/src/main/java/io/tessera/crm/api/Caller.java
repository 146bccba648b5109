package io.tessera.crm.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking. Every service call that reads or changes client records takes the caller, because visibility
 * ("sales staff see only their own records") is enforced in the services, not only in REST.
 */
public record Caller(String username, Set<String> roles) {

    /** The server itself: scheduled jobs, event handlers and start-up tasks. Sees everything. */
    public static final Caller SYSTEM = new Caller("system", Set.of(Roles.ADMIN));

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Caller of(String username, String... roles) {
        return new Caller(username, Set.of(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Admins and managers see every client record; everybody else only what they own. */
    public boolean seesAll() {
        return isAdmin() || hasRole(Roles.MANAGER);
    }

    /** Whether this caller may see or change a record owned by {@code owner}. */
    public boolean mayAccess(String owner) {
        return seesAll() || username.equals(owner);
    }

    /** True when the caller holds any CRM role at all. */
    public boolean isCrmUser() {
        return roles.stream().anyMatch(Roles::isCrmRole);
    }
}
