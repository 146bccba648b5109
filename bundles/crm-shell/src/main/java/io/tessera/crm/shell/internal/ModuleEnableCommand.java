package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.modules.ModuleDto;
import io.tessera.crm.api.modules.ModuleService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** crm:module-enable ID */
@Service
@Command(scope = "crm", name = "module-enable",
        description = "Enables an optional module in the running server (no restart; modules it requires come along)")
public class ModuleEnableCommand extends CrmAction {

    @Reference
    ModuleService modules;

    @Argument(index = 0, name = "id", description = "The module's id, as crm:modules shows it", required = true)
    String id;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        ModuleDto m = modules.enable(caller, id);
        Format.moduleResult(m, true, out, err);
    }
}
