package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * The CRM caller of a console command: Karaf's shell runs every command as the JAAS {@link Subject} that logged in
 * (local console, SSH or client), with a {@link UserPrincipal} and one {@link RolePrincipal} per role.
 */
final class ShellCaller {

    static final String NO_CRM_ROLE =
            "You need a CRM role (" + Roles.ADMIN + ", " + Roles.MANAGER + " or " + Roles.SALES + ") to use crm:*";

    private ShellCaller() {
    }

    /** The caller of the running command, or null when nobody with a CRM role is logged in. */
    @SuppressWarnings("removal") // Subject.getSubject(AccessControlContext): the way Karaf 4.4's shell passes the subject
    static Caller current() {
        return fromSubject(Subject.getSubject(AccessController.getContext()));
    }

    /**
     * The caller for a subject: the user principal's name and the CRM roles among the role principals; null when
     * there is no subject, no user principal or no CRM role. Roles that are not CRM roles (Karaf's own
     * {@code admin}, {@code viewer}...) are left out: they mean nothing to the services.
     */
    static Caller fromSubject(Subject subject) {
        if (subject == null) {
            return null;
        }
        String username = null;
        Set<String> roles = new TreeSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof UserPrincipal && username == null) {
                username = p.getName();
            } else if (p instanceof RolePrincipal && Roles.isCrmRole(p.getName())) {
                roles.add(p.getName());
            }
        }
        if (username == null || username.isBlank() || roles.isEmpty()) {
            return null;
        }
        return new Caller(username, roles);
    }
}
