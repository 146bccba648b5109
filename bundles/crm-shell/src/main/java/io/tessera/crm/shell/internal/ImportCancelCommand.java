package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.imports.ImportDto;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * crm:import-cancel ID: cancels a queued or running import (one started over REST, or at another console) and waits
 * until it has stopped after the rows it was writing.
 */
@Service
@Command(scope = "crm", name = "import-cancel", description = "Cancels a queued or running import; what it imported so far stays and can be undone")
public class ImportCancelCommand extends ImportJobAction {

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        ImportDto job = ImportLines.follow(imports, caller, imports.cancel(caller, id), out);
        for (String line : ImportLines.summary(job)) {
            out.println(line);
        }
    }
}
