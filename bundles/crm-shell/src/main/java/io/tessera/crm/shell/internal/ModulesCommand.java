package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** crm:modules */
@Service
@Command(scope = "crm", name = "modules", description = "Lists the optional modules: version, licence, state and since when")
public class ModulesCommand extends CrmAction {

    static final String NONE = "No optional modules in this distribution.";

    @Reference
    ModuleService modules;

    /** The zone "since" is shown in: the server's (tests set it). */
    ZoneId zone = ZoneId.systemDefault();

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        List<ModuleDto> list = modules.list(caller);
        if (list.isEmpty()) {
            out.println(NONE);
            return;
        }
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Version");
        table.column("Paid");
        table.column("Licensed");
        table.column("State");
        table.column("Since");
        table.column("Reason / warnings");
        for (ModuleDto m : list) {
            table.addRow().addContent(m.id(), m.name(), m.version(), m.paid() ? "yes" : "no",
                    m.paid() ? (m.licensed() ? "yes" : "no") : "-", Format.state(m.state()), Format.since(m.since(), zone),
                    Format.notes(m.reason(), m.warnings()));
        }
        table.print(out);
    }
}
