package io.tessera.crm.shell.internal;

import io.tessera.crm.api.Caller;
import io.tessera.crm.api.modules.LicenceDto;
import io.tessera.crm.api.modules.LicenceService;
import java.io.PrintStream;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** crm:license */
@Service
@Command(scope = "crm", name = "license", description = "Shows the licence in force and its warnings")
public class LicenseCommand extends CrmAction {

    @Reference
    LicenceService licences;

    @Override
    protected void run(Caller caller, PrintStream out, PrintStream err) {
        Optional<LicenceDto> licence = licences.current();
        if (licence.isEmpty()) {
            out.println(LicenceLines.NONE);
            return;
        }
        LicenceLines.describe(licence.get()).forEach(out::println);
    }
}
