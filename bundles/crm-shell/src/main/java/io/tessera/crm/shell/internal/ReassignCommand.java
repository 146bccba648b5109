package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.owners.OwnerService;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** crm:reassign FROM TO */
@Service
@Command(scope = "crm", name = "reassign",
        description = "Moves every client record of one user to another (all or nothing)")
public class ReassignCommand extends CrmAction {

    @Reference
    OwnerService owners;

    @Argument(index = 0, name = "from", description = "The user whose records move", required = true)
    String from;

    @Argument(index = 1, name = "to", description = "The user who gets them", required = true)
    String to;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        out.println(Format.reassigned(owners.reassign(caller, from, to)));
    }
}
