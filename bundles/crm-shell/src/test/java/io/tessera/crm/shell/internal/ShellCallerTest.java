package io.tessera.crm.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.crm.api.Caller;
import java.security.PrivilegedAction;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Test;

public class ShellCallerTest {

    static Subject subject(String user, String... roles) {
        Subject s = new Subject();
        if (user != null) {
            s.getPrincipals().add(new UserPrincipal(user));
        }
        for (String r : roles) {
            s.getPrincipals().add(new RolePrincipal(r));
        }
        return s;
    }

    @Test
    public void userAndCrmRolesComeFromThePrincipals() {
        Subject s = subject("anna", "crm-sales", "crm-manager", "viewer", "admin");
        s.getPrincipals().add(new GroupPrincipal("crm-manager")); // a group of that name is not a role
        Caller c = ShellCaller.fromSubject(s);
        assertEquals(new Caller("anna", Set.of("crm-sales", "crm-manager")), c);
        assertEquals(true, c.seesAll());
    }

    @Test
    public void noSubjectMeansNoCaller() {
        assertNull(ShellCaller.fromSubject(null));
    }

    @Test
    public void onlyKarafRolesMeansNoCaller() {
        assertNull(ShellCaller.fromSubject(subject("karaf", "admin", "manager", "viewer", "systembundles")));
    }

    @Test
    public void noUserPrincipalMeansNoCaller() {
        assertNull(ShellCaller.fromSubject(subject(null, "crm-admin")));
    }

    @Test
    @SuppressWarnings("removal")
    public void currentIsTheSubjectTheCommandRunsAs() {
        Caller inside = Subject.doAs(subject("boris", "crm-admin"), (PrivilegedAction<Caller>) ShellCaller::current);
        assertEquals(Caller.of("boris", "crm-admin"), inside);
        assertNull(ShellCaller.current());
    }
}
