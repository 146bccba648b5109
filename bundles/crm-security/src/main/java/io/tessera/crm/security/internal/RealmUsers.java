package io.tessera.crm.security.internal;

import java.util.List;
import java.util.Set;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** The few operations on the user store that the CRM needs; implemented over Karaf's JAAS backing engine. */
interface RealmUsers {
    List<String> usernames();

    /** The user's roles, including those it gets through its groups. */
    Set<String> roles(String username);

    boolean exists(String username);

    void add(String username, String password, List<String> roles);

    void addRoles(String username, java.util.Collection<String> roles);

    static String nameOf(UserPrincipal principal) {
        return principal.getName();
    }
}
