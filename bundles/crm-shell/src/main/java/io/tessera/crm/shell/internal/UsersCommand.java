package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.security.UserDto;
import io.tessera.crm.api.security.UserService;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** crm:users */
@Service
@Command(scope = "crm", name = "users", description = "Lists the CRM users and their roles")
public class UsersCommand extends CrmAction {

    static final String NONE = "No users.";

    @Reference
    UserService users;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        List<UserDto> list = users.list(caller);
        if (list.isEmpty()) {
            out.println(NONE);
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Username");
        table.column("Roles");
        list.stream().sorted(Comparator.comparing(UserDto::username)).forEach(u -> table.addRow()
                .addContent(u.username(), Format.join(u.roles() == null ? null : new TreeSet<>(u.roles()))));
        table.print(out);
    }
}
