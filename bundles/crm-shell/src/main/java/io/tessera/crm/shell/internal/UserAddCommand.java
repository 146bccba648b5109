package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.Roles;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.io.PrintStream;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** crm:user-add USERNAME ROLE [--password PASSWORD]; asks for the password (not echoed) when it is not given. */
@Service
@Command(scope = "crm", name = "user-add", description = "Adds a CRM user with one role")
public class UserAddCommand extends CrmAction {

    static final String ROLE_ERROR = "  role: must be one of " + Roles.ADMIN + ", " + Roles.MANAGER + ", " + Roles.SALES;
    static final String MISMATCH = "The passwords do not match; no user was added.";
    static final String NO_PASSWORD = "No password given; no user was added.";

    @Reference
    UserService users;

    @Reference
    Session session;

    @Argument(index = 0, name = "username", description = "The new user's login name", required = true)
    String username;

    @Argument(index = 1, name = "role", description = "crm-admin, crm-manager or crm-sales", required = true)
    @Completion(value = StringsCompleter.class, values = {Roles.ADMIN, Roles.MANAGER, Roles.SALES})
    String role;

    @Option(name = "--password", aliases = {"-p"},
            description = "The password (asked for without echo when left out; on the command line it stays in the history)",
            required = false, multiValued = false)
    String password;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) throws Exception {
        if (!Roles.isCrmRole(role)) {
            // Checked here too so that nobody types a password for a request that cannot succeed.
            err.println("Invalid input:");
            err.println(ROLE_ERROR);
            return;
        }
        String pw = password;
        if (pw == null) {
            pw = session.readLine("Password for " + username + ": ", '*');
            if (pw == null || pw.isEmpty()) {
                err.println(NO_PASSWORD);
                return;
            }
            String again = session.readLine("Repeat the password: ", '*');
            if (!pw.equals(again)) {
                err.println(MISMATCH);
                return;
            }
        }
        UserDto added = users.add(caller, username, pw, role);
        out.println("Added user " + added.username() + " ("
                + Format.join(added.roles() == null ? null : new TreeSet<>(added.roles())) + ")");
    }
}
